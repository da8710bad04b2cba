// Jiffies, ktime, 64-bit division helpers and delays on the fake kernel.
import { describe, expect, it } from 'vitest';
import { virtBoardDtb } from '../../of/test-dtb.ts';
import { DevKernel } from './dev-test-kit.ts';
import { delayServices } from './delay.ts';
import { ofServices } from './of.ts';
import { syncJiffies, timeServices } from './time.ts';
import { waitServices } from './wait.ts';

const MS = 1_000_000n;

async function boot() {
  return new DevKernel([ofServices, timeServices, waitServices, delayServices], virtBoardDtb().dtb).boot();
}

describe('time services', () => {
  it('converts between ms, us, ns and jiffies as Linux rounds (up into jiffies, down out of them)', async () => {
    const k = await boot();
    const perJiffyMs = 1000 / k.hz;
    expect(k.call('__msecs_to_jiffies', 1)).toBe(1);
    expect(k.call('__msecs_to_jiffies', 1000)).toBe(k.hz);
    expect(k.call('__msecs_to_jiffies', perJiffyMs + 1)).toBe(2);
    expect(k.call('__msecs_to_jiffies', -1)).toBe(0x3fff_fffe);
    expect(k.call('__usecs_to_jiffies', 1)).toBe(1);
    expect(k.call('jiffies_to_msecs', k.hz)).toBe(1000);
    expect(k.call('jiffies_to_usecs', 1)).toBe(1_000_000 / k.hz);
    expect(k.call('jiffies64_to_nsecs', 3, 0)).toBe(3n * BigInt(1e9 / k.hz));
    expect(k.call('nsecs_to_jiffies', 1_000_000_000, 0)).toBe(k.hz);
  });

  it('keeps jiffies and ktime on virtual time, and the jiffies words in RAM when synced', async () => {
    const k = await boot();
    k.advance(2500n * MS);
    expect(k.call('ktime_get')).toBe(2_500_000_000n);
    expect(k.call('ktime_get_seconds')).toBe(2n);
    expect(k.call('get_jiffies_64')).toBe(BigInt(k.jiffies()));
    syncJiffies(k);
    expect(k.ram.u32(k.symbolAddress('jiffies'))).toBe(k.jiffies());
    expect(k.ram.u64(k.symbolAddress('jiffies_64'))).toBe(BigInt(k.jiffies()));
    expect(k.ram.u32(k.symbolAddress('riscv_timebase'))).toBe(10_000_000);
  });

  it('divides 64-bit values as lib/math/div64.c does', async () => {
    const k = await boot();
    const n = k.zalloc(8);
    k.ram.setU64(n, 10_000_000_007n);
    expect(k.call('__div64_32', n, 1000)).toBe(7);
    expect(k.ram.u64(n)).toBe(10_000_000n);
    const rem = k.zalloc(8);
    const lo = (v: bigint) => Number(BigInt.asUintN(32, v)), hi = (v: bigint) => Number(BigInt.asUintN(32, v >> 32n));
    const minus = -7_000_000_003n;
    expect(k.call('div_s64_rem', lo(minus), hi(minus), 1000, rem)).toBe(-7_000_000n);
    expect(k.ram.i32(rem)).toBe(-3);
    expect(k.call('div64_u64_rem', lo(1n << 40n), hi(1n << 40n), 3, 0, rem)).toBe((1n << 40n) / 3n);
    expect(k.ram.u64(rem)).toBe((1n << 40n) % 3n);
    expect(k.call('div64_s64', lo(minus), hi(minus), lo(-2n), hi(-2n))).toBe(3_500_000_001n);
    expect(k.call('__ktime_divns', lo(5_000_000_000n), hi(5_000_000_000n), 1_000_000, 0)).toBe(5000n);
  });

  it('rounds jiffies to whole seconds, never into the past', async () => {
    const k = await boot();
    k.advance(10_000n * MS);
    const now = k.jiffies();
    expect(k.call('round_jiffies', now + k.hz + 1)).toBe(now + k.hz);
    expect(k.call('round_jiffies', now + k.hz + k.hz / 2)).toBe(now + 2 * k.hz);
    expect(k.call('round_jiffies', now + 1)).toBe(now + 1);
    expect(k.call('round_jiffies_relative', k.hz + 1)).toBe(k.hz);
  });
});

describe('delays', () => {
  it('udelay and ndelay pass that much virtual time; __delay counts timebase cycles', async () => {
    const k = await boot();
    const p = Promise.resolve(k.call('udelay', 50));
    k.advance(50_000n);
    await p;
    expect(k.nowNs()).toBe(50_000n);
    const q = Promise.resolve(k.call('__delay', 10));
    k.advance(1000n);
    await q;
  });

  it('msleep sleeps msecs_to_jiffies + 1 jiffies, as Linux', async () => {
    const k = await boot();
    k.current = k.task(5, 'w');
    let done = false;
    const p = Promise.resolve(k.call('msleep', 10)).then(() => { done = true; });
    const jiffyNs = BigInt(1e9 / k.hz);
    k.advance(10n * MS);
    await Promise.resolve();
    expect(done).toBe(false);
    k.advance(BigInt(Math.ceil((10 * k.hz) / 1000) + 1) * jiffyNs);
    await p;
    expect(done).toBe(true);
  });

  it('msleep_interruptible returns the ms left when a signal comes', async () => {
    const k = await boot();
    const t = k.task(5, 'w');
    k.current = t;
    const p = k.call('msleep_interruptible', 1000);
    k.advance(400n * MS);
    t.signal();
    // It slept for msecs_to_jiffies(1000) + 1 jiffies: one jiffy more than 1000 ms.
    expect(await p).toBe(1000 + 1000 / k.hz - 400);
  });

  it('calibrate_delay prints the riscv line with lpj from the timer frequency', async () => {
    const k = await boot();
    k.call('calibrate_delay');
    const lpj = 10_000_000 / k.hz;
    expect(k.lines()).toEqual([`Calibrating delay loop (skipped), value calculated using timer frequency.. ${(lpj / (500_000 / k.hz)).toFixed(2)} BogoMIPS (lpj=${lpj})`]);
    expect(k.ram.u32(k.symbolAddress('loops_per_jiffy'))).toBe(lpj);
  });
});
