// Time services (Linux's kernel/time/time.c, timekeeping.c, timer.c's
// round_jiffies and lib/math/div64.c): jiffies at the kernel's HZ, ktime in
// ns of virtual time (1 instruction = 1 ns), and the 64-bit divisions a
// 32-bit kernel does in software. There is no RTC: the real-time clock
// starts at the epoch at power-on, as on a board without one.
// The engine keeps the `jiffies` and `jiffies_64` words current (syncJiffies).

import type { CallArgs, KernelContext, ServiceModule } from '../api.ts';
import { VIRT_TIMEBASE_HZ } from '../../../machine/memmap.ts';
import { ofCells } from '../../of/fdt.ts';
import { ofState } from './of.ts';

export const MAX_JIFFY_OFFSET = 0x3fff_fffe;
const NSEC_PER_SEC = 1_000_000_000n;
const U32 = 0xffff_ffffn;

/** jiffies_64: the 64-bit count whose low word is k.jiffies() (the engine may start it anywhere). */
export function jiffies64(k: KernelContext): bigint {
  const base = (k.nowNs() * BigInt(k.hz)) / NSEC_PER_SEC;
  return base + ((BigInt(k.jiffies() >>> 0) - (base & U32)) & U32);
}

/** Writes `jiffies` and `jiffies_64` in guest RAM: the engine calls this before each time slice. */
export function syncJiffies(k: KernelContext): void {
  const j = k.symbolAddress('jiffies'), j64 = k.symbolAddress('jiffies_64');
  if (j) k.ram.setU32(j, k.jiffies() >>> 0);
  if (j64) k.ram.setU64(j64, jiffies64(k));
}

export function msecsToJiffies(k: KernelContext, ms: number): number {
  if ((ms | 0) < 0) return MAX_JIFFY_OFFSET;
  return Math.min(Math.ceil((ms * k.hz) / 1000), MAX_JIFFY_OFFSET);
}

export function usecsToJiffies(k: KernelContext, us: number): number {
  return Math.min(Math.ceil((us * k.hz) / 1_000_000), MAX_JIFFY_OFFSET);
}

export function jiffiesToMsecs(k: KernelContext, j: number): number {
  return Math.floor((j * 1000) / k.hz) >>> 0;
}

/** __round_jiffies for CPU 0: to a whole second, down if within the first quarter; never into the past. */
export function roundJiffies(k: KernelContext, j: number): number {
  const rem = j % k.hz;
  const rounded = (rem < k.hz / 4 ? j - rem : j - rem + k.hz) >>> 0;
  return ((rounded - k.jiffies()) | 0) <= 0 ? j : rounded;
}

/** RISC-V division semantics for a zero divisor (quotient all ones, remainder the dividend), as the CPU would give. */
function udiv(n: bigint, d: bigint, bits: 32 | 64): [bigint, bigint] {
  if (d === 0n) return [BigInt.asUintN(bits, -1n), n];
  return [n / d, n % d];
}

function sdiv(n: bigint, d: bigint): [bigint, bigint] {
  if (d === 0n) return [-1n, n];
  return [n / d, n % d];
}

const ktimeNs = (k: KernelContext) => k.nowNs();

function div64_32(k: KernelContext, a: CallArgs): number {
  const p = a.u32(0);
  const [q, r] = udiv(k.ram.u64(p), BigInt(a.u32(1)), 64);
  k.ram.setU64(p, q);
  return Number(r);
}

/** The timebase the device tree gives (/cpus timebase-frequency), as riscv's time_init reads it. */
function timebaseFromDt(k: KernelContext): number {
  const cpus = ofState(k).root.children.find((c) => c.name === 'cpus');
  return (cpus && ofCells(cpus, 'timebase-frequency')?.[0]) || VIRT_TIMEBASE_HZ;
}

export const timeServices: ServiceModule = {
  boot(k) {
    const tb = k.symbolAddress('riscv_timebase');
    if (tb) k.ram.setU32(tb, timebaseFromDt(k));
  },
  variables: {
    jiffies: { size: 4, init: (k, addr) => k.ram.setU32(addr, k.jiffies() >>> 0) },
    jiffies_64: { size: 8, align: 8, init: (k, addr) => k.ram.setU64(addr, jiffies64(k)) },
    riscv_timebase: { size: 4, init: (k, addr) => k.ram.setU32(addr, VIRT_TIMEBASE_HZ) },
  },
  services: {
    get_jiffies_64: (k) => jiffies64(k),
    __msecs_to_jiffies: (k, a) => msecsToJiffies(k, a.u32(0)),
    __usecs_to_jiffies: (k, a) => usecsToJiffies(k, a.u32(0)),
    jiffies_to_msecs: (k, a) => jiffiesToMsecs(k, a.u32(0)),
    jiffies_to_usecs: (k, a) => Math.floor((a.u32(0) * 1_000_000) / k.hz) >>> 0,
    jiffies64_to_nsecs: (k, a) => BigInt.asUintN(64, a.u64(0) * (NSEC_PER_SEC / BigInt(k.hz))),
    nsecs_to_jiffies: (k, a) => Number(BigInt.asUintN(32, a.u64(0) / (NSEC_PER_SEC / BigInt(k.hz)))),
    ktime_get: ktimeNs,
    ktime_get_boottime: ktimeNs,
    ktime_get_real: ktimeNs,
    ktime_get_seconds: (k) => k.nowNs() / NSEC_PER_SEC,
    ktime_get_real_seconds: (k) => k.nowNs() / NSEC_PER_SEC,
    __ktime_divns: (_k, a) => BigInt.asIntN(64, sdiv(a.i64(0), a.i64(2))[0]),
    __div64_32: div64_32,
    div_s64_rem(k, a) {
      const [q, r] = sdiv(a.i64(0), BigInt(a.i32(2)));
      k.ram.setU32(a.u32(3), Number(BigInt.asUintN(32, r)));
      return BigInt.asIntN(64, q);
    },
    div64_s64: (_k, a) => BigInt.asIntN(64, sdiv(a.i64(0), a.i64(2))[0]),
    div64_u64: (_k, a) => udiv(a.u64(0), a.u64(2), 64)[0],
    div64_u64_rem(k, a) {
      const [q, r] = udiv(a.u64(0), a.u64(2), 64);
      k.ram.setU64(a.u32(4), r);
      return q;
    },
    round_jiffies: (k, a) => roundJiffies(k, a.u32(0)),
    round_jiffies_relative(k, a) {
      const j0 = k.jiffies() >>> 0;
      return (roundJiffies(k, (a.u32(0) + j0) >>> 0) - j0) >>> 0;
    },
  },
};
