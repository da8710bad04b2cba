// A service's arguments, taken from the caller's registers when the call
// lands in the service window (ilp32: a0..a7, then the caller's stack at sp),
// and the va_list walk printk and friends need.

import type { CallArgs, GuestRam, VarArgs } from './api.ts';

/** Arguments from a snapshot of a0..a7 and the caller's sp. */
export function callArgs(ram: GuestRam, regs: ArrayLike<number>, sp: number): CallArgs {
  const a = Array.from({ length: 8 }, (_, i) => regs[i] >>> 0);
  const slot = (i: number): number => (i < 8 ? a[i] : ram.u32(sp + 4 * (i - 8)));
  const pair = (i: number): bigint => (BigInt(slot(i + 1)) << 32n) | BigInt(slot(i));
  return {
    u32: slot,
    i32: (i) => slot(i) | 0,
    u64: pair,
    i64: (i) => BigInt.asIntN(64, pair(i)),
    varargs(first) {
      let i = first;
      const next64 = (): bigint => { if (i % 2) i++; const v = pair(i); i += 2; return v; };
      const va: VarArgs = { u32: () => slot(i++), i32: () => slot(i++) | 0, u64: next64, i64: () => BigInt.asIntN(64, next64()) };
      return va;
    },
  };
}

/** The arguments a va_list points at (ilp32 gcc: a pointer into memory, 64-bit values 8-aligned). */
export function vaListArgs(ram: GuestRam, ap: number): VarArgs {
  let p = ap >>> 0;
  const next64 = (): bigint => { p = (p + 7) & ~7; const v = ram.u64(p); p += 8; return v; };
  return {
    u32: () => { const v = ram.u32(p); p += 4; return v; },
    i32: () => { const v = ram.i32(p); p += 4; return v; },
    u64: next64,
    i64: () => BigInt.asIntN(64, next64()),
  };
}
