// Minimal string, number-parsing and file helpers so the engine runs a
// driver end to end before the text services land (a stand-in: the string,
// kstrto and fs services replace this file).

import type { KernelContext, ServiceModule } from '../api.ts';

const EINVAL = 22, ERANGE = 34;

/** kstrtoull's rules: optional base prefix, digits, one optional trailing newline. */
export function parseUnsigned(text: string, base: number): bigint | number {
  let s = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (s.startsWith('+')) s = s.slice(1);
  let b = base;
  if ((b === 0 || b === 16) && /^0[xX]/.test(s)) { s = s.slice(2); b = 16; }
  else if (b === 0 && s.startsWith('0') && s.length > 1) { s = s.slice(1); b = 8; }
  else if (b === 0) b = 10;
  if (s === '') return -EINVAL;
  let v = 0n;
  for (const c of s.toLowerCase()) {
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= b) return -EINVAL;
    v = v * BigInt(b) + BigInt(d);
    if (v > 0xffff_ffff_ffff_ffffn) return -ERANGE;
  }
  return v;
}

function kstrto(bits: number, signed: boolean) {
  return (k: KernelContext, a: { u32(i: number): number }): number => {
    let text = k.ram.cString(a.u32(0));
    const neg = signed && text.startsWith('-');
    if (neg) text = text.slice(1);
    const v = parseUnsigned(text, a.u32(1));
    if (typeof v === 'number') return v;
    const max = signed ? (1n << BigInt(bits - 1)) - (neg ? 0n : 1n) : (1n << BigInt(bits)) - 1n;
    if (v > max || (neg && !signed)) return -ERANGE;
    const r = neg ? -v : v;
    const dst = a.u32(2);
    if (bits === 64) k.ram.setU64(dst, r);
    else if (bits === 32) k.ram.setU32(dst, Number(BigInt.asUintN(32, r)));
    else if (bits === 16) k.ram.setU16(dst, Number(BigInt.asUintN(16, r)));
    else k.ram.setU8(dst, Number(BigInt.asUintN(8, r)));
    return 0;
  };
}

export const coreLib: ServiceModule = {
  services: {
    memcpy: (k, a) => { const n = a.u32(2); if (n) k.ram.setBytes(a.u32(0), k.ram.bytes(a.u32(1), n)); return a.u32(0); },
    memmove: (k, a) => { const n = a.u32(2); if (n) k.ram.setBytes(a.u32(0), k.ram.bytes(a.u32(1), n)); return a.u32(0); },
    memset: (k, a) => { const n = a.u32(2); if (n) k.ram.fill(a.u32(0), a.u32(1) & 0xff, n); return a.u32(0); },
    strlen: (k, a) => k.ram.cString(a.u32(0), 1 << 20).length,
    kstrtouint: kstrto(32, false), kstrtoint: kstrto(32, true), kstrtoul: kstrto(32, false), kstrtol: kstrto(32, true),
    kstrtoull: kstrto(64, false), kstrtoll: kstrto(64, true),
    simple_open: (k, a) => {
      const inode = a.u32(0), file = a.u32(1);
      const priv = k.ram.u32(inode + 44);
      if (priv) k.ram.setU32(file + 64, priv);
      return 0;
    },
    default_llseek: (k, a) => {
      const file = a.u32(0), off = a.i64(2), whence = a.u32(4);
      const pos = whence === 0 ? off : whence === 1 ? k.ram.u64(file + 48) + off : -1n;
      if (pos < 0n) return BigInt(-EINVAL);
      k.ram.setU64(file + 48, pos);
      return pos;
    },
    simple_read_from_buffer: (k, a) => {
      const to = a.u32(0), count = a.u32(1), ppos = a.u32(2), from = a.u32(3), avail = a.u32(4);
      const pos = Number(k.ram.u64(ppos));
      if (pos >= avail || count === 0) return 0;
      const n = Math.min(count, avail - pos);
      k.ram.setBytes(to, k.ram.bytes(from + pos, n));
      k.ram.setU64(ppos, BigInt(pos + n));
      return n;
    },
  },
};
