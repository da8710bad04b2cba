// The arguments of the current C function, without DWARF variable info (for
// code compiled without it; frame-variables.ts reads kernel-C's). Names and types come from the
// function's prototype in the C source; values from where kernel-C keeps each
// parameter: its prologue stores a0..a7 into the parameter's home slot below
// s0 (the `sw aN, off(s0)` right after the frame is set up), and the body
// reads and writes the parameter there. So once the prologue has run, the slot
// holds the parameter's current value; inside the prologue the registers still
// hold the values the function was called with ("at entry").

import type { FunctionRange } from './source-map.ts';

export interface PrototypeParam {
  name: string;
  /** As written, without the name ("struct file *", "size_t", "loff_t *"). */
  type: string;
}

export interface ArgumentValue extends PrototypeParam {
  /** null: not found (a struct passed by value, a variadic function, a stack argument). */
  value: number | bigint | null;
  /** Where the value was read. */
  from: 'frame slot' | 'register at entry' | 'unknown';
  /** The value for a student: a pointer in hex, a number in decimal. */
  text: string;
}

interface HartRegs {
  pc: number;
  x: ArrayLike<number>;
  readU32(addr: number): number;
}

/** Identifiers that are part of a type, never a parameter's name. */
const TYPE_WORDS = new Set(['const', 'volatile', 'unsigned', 'signed', 'int', 'char', 'short', 'long', 'void', 'struct', 'union', 'enum', '__user', '__iomem', 'restrict']);

/** Splits `s` at top-level commas. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const c of s) {
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (c === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * The parameters of `fn` as its definition in `source` names them; the definition
 * starts at 1-based `line` (the line the line table gives the function's first
 * address). Null when the text there is not a plain definition of `fn` (a macro,
 * a variadic function, a function-pointer parameter).
 */
export function prototypeParams(source: string, line: number, fn: string): PrototypeParam[] | null {
  const text = source.split('\n').slice(Math.max(0, line - 1), line + 15).join('\n').replace(/\/\*[\s\S]*?\*\//g, ' ');
  const at = text.search(new RegExp(`\\b${fn}\\s*\\(`));
  if (at < 0) return null;
  const open = text.indexOf('(', at);
  let depth = 0, close = -1;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) { close = i; break; }
  }
  if (close < 0) return null;
  const inside = text.slice(open + 1, close).replace(/\s+/g, ' ').trim();
  if (inside === '' || inside === 'void') return [];
  const params: PrototypeParam[] = [];
  for (const raw of splitTop(inside)) {
    const p = raw.trim();
    if (p === '...' || p.includes('(')) return null;
    const m = /([A-Za-z_]\w*)\s*(\[[^\]]*\])?$/.exec(p);
    if (!m || TYPE_WORDS.has(m[1])) return null; // an unnamed parameter
    params.push({ name: m[1], type: `${p.slice(0, m.index).trim()}${m[2] ? ' *' : ''}`.replace(/\s+\*/g, ' *') });
  }
  return params;
}

const isPointer = (type: string) => type.includes('*');
/** Types of two registers (8 bytes) on ilp32. */
const isWide = (type: string) => !isPointer(type) && /\b(long long|u64|s64|__u64|__s64|loff_t|u_int64_t|uint64_t|int64_t|ktime_t|double)\b/.test(type);
const isUnsigned = (type: string) => isPointer(type) || /\b(unsigned|u8|u16|u32|u64|__u\d+|size_t|uintptr_t|umode_t|dma_addr_t|phys_addr_t|bool)\b/.test(type);

/** Store of aK into s0+off in `fn`'s prologue: register number → [offset, width]. */
function parameterSlots(hart: HartRegs, fn: FunctionRange, bodyStart: number): Map<number, [number, number]> {
  const slots = new Map<number, [number, number]>();
  for (let a = fn.start; a < bodyStart && a < fn.end; a += 4) {
    const w = hart.readU32(a) | 0;
    const f3 = (w >>> 12) & 7, rs1 = (w >>> 15) & 31, rs2 = (w >>> 20) & 31;
    if ((w & 0x7f) !== 0x23 || rs1 !== 8 || rs2 < 10 || rs2 > 17 || f3 > 2) continue;
    const off = ((w >> 25) << 5) | ((w >>> 7) & 31);
    if (!slots.has(rs2 - 10)) slots.set(rs2 - 10, [off, 1 << f3]);
  }
  return slots;
}

function show(type: string, value: number | bigint): string {
  if (isPointer(type)) return value === 0 ? 'NULL' : `0x${value.toString(16).padStart(8, '0')}`;
  return value.toString();
}

/** The arguments of the function the hart is in (`fn`, body from `bodyStart`), named by `params`. */
export function frameArguments(hart: HartRegs, fn: FunctionRange, bodyStart: number, params: readonly PrototypeParam[]): ArgumentValue[] {
  const pc = hart.pc >>> 0;
  const inPrologue = pc < bodyStart;
  const slots = parameterSlots(hart, fn, bodyStart);
  const s0 = hart.x[8] >>> 0;
  const word = (reg: number, signed: boolean, width = 4): number | null => {
    if (reg > 7) return null;
    let v: number;
    if (inPrologue) v = hart.x[10 + reg] >>> 0;
    else {
      const slot = slots.get(reg);
      if (!slot) return null;
      const [off, w] = slot;
      width = w;
      const addr = (s0 + off) >>> 0;
      v = hart.readU32(addr & ~3) >>> (8 * (addr & 3));
    }
    const bits = 8 * width;
    v = bits === 32 ? v >>> 0 : v & ((1 << bits) - 1);
    return signed && v >= 2 ** (bits - 1) ? v - 2 ** bits : v;
  };
  let reg = 0;
  return params.map((p) => {
    const signed = !isUnsigned(p.type);
    let value: number | bigint | null;
    if (!isPointer(p.type) && /^(const )?(struct|union)\b/.test(p.type)) {
      reg = 8; // a struct by value: where it and the arguments after it went is not worked out here
      value = null;
    } else if (isWide(p.type)) {
      reg += reg & 1; // an 8-byte argument starts at an even register
      const lo = word(reg, false), hi = word(reg + 1, false);
      reg += 2;
      value = lo === null || hi === null ? null : (signed ? BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)) : (BigInt(hi) << 32n) | BigInt(lo));
    } else {
      value = word(reg++, signed);
    }
    const from = value === null ? 'unknown' : inPrologue ? 'register at entry' : 'frame slot';
    return { ...p, value, from, text: value === null ? '(not known)' : show(p.type, value) };
  });
}
