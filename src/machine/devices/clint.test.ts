import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { Tracer } from '../trace/tracer.ts';
import { Clint, CLINT_MSIP, CLINT_MTIMECMP_HI, CLINT_MTIMECMP_LO, CLINT_MTIME_HI, CLINT_MTIME_LO } from './clint.ts';

function setup() {
  const counter = { instret: 0 };
  const clock = new VirtualClock();
  clock.attachCounter(counter);
  const clint = new Clint(clock, new Tracer(clock));
  clint.realize();
  clint.reset();
  return { counter, clock, clint };
}

describe('Clint', () => {
  it('mtime counts 10 MHz ticks of virtual time', () => {
    const { counter, clint } = setup();
    counter.instret = 12_345; // 12345 ns at 1 ns per instruction
    expect(clint.read(CLINT_MTIME_LO, 4)).toBe(123);
    expect(clint.read(CLINT_MTIME_HI, 4)).toBe(0);
  });

  it('msip drives the software-interrupt line from bit 0 only', () => {
    const { clint } = setup();
    clint.write(CLINT_MSIP, 0xfffffffe, 4);
    expect(clint.msip.level).toBe(false);
    clint.write(CLINT_MSIP, 1, 4);
    expect(clint.msip.level).toBe(true);
    expect(clint.read(CLINT_MSIP, 4)).toBe(1);
    clint.write(CLINT_MSIP, 0, 4);
    expect(clint.msip.level).toBe(false);
  });

  it('boots with MTIP raised, as QEMU 7.2 does (mtimecmp 0 <= mtime)', () => {
    const { clint } = setup();
    expect(clint.mtip.level).toBe(true);
  });

  it('arms a timer at the exact virtual time mtime reaches mtimecmp', () => {
    const { counter, clock, clint } = setup();
    clint.write(CLINT_MTIMECMP_HI, 0, 4);
    clint.write(CLINT_MTIMECMP_LO, 50, 4); // 50 ticks = 5000 ns
    expect(clint.mtip.level).toBe(false);
    expect(clock.nextDeadlineNs()).toBe(5000);
    counter.instret = 4999;
    clock.fireDue();
    expect(clint.mtip.level).toBe(false);
    counter.instret = 5000;
    clock.fireDue();
    expect(clint.mtip.level).toBe(true);
    expect(clock.nextDeadlineNs()).toBe(Infinity);
  });

  it('raises MTIP at once for a past deadline and lowers it when mtimecmp moves ahead', () => {
    const { counter, clint } = setup();
    counter.instret = 10_000;
    clint.write(CLINT_MTIMECMP_LO, 10, 4);
    expect(clint.mtip.level).toBe(true);
    clint.write(CLINT_MTIMECMP_HI, 1, 4);
    expect(clint.mtip.level).toBe(false);
    expect(clint.read(CLINT_MTIMECMP_HI, 4)).toBe(1);
    expect(clint.read(CLINT_MTIMECMP_LO, 4)).toBe(10);
  });

  it('a huge mtimecmp never fires', () => {
    const { clock, clint } = setup();
    clint.write(CLINT_MTIMECMP_HI, 0xffffffff, 4);
    clint.write(CLINT_MTIMECMP_LO, 0xffffffff, 4);
    expect(clint.mtip.level).toBe(false);
    expect(clock.nextDeadlineNs()).toBe(Infinity);
  });

  it('writing mtime moves the guest time line and re-evaluates the timer', () => {
    const { counter, clint } = setup();
    clint.write(CLINT_MTIMECMP_LO, 1000, 4);
    clint.write(CLINT_MTIME_LO, 2000, 4);
    expect(clint.mtip.level).toBe(true);
    counter.instret = 300;
    expect(clint.read(CLINT_MTIME_LO, 4)).toBe(2003);
  });

  it('reset lowers msip, zeroes mtimecmp and disarms the timer', () => {
    const { clock, clint } = setup();
    clint.write(CLINT_MSIP, 1, 4);
    clint.write(CLINT_MTIMECMP_LO, 10, 4);
    clint.reset();
    expect(clint.msip.level).toBe(false);
    expect(clock.nextDeadlineNs()).toBe(Infinity);
    expect(clint.read(CLINT_MTIMECMP_LO, 4)).toBe(0);
  });

  it('saves and restores its state', () => {
    const { clint } = setup();
    clint.write(CLINT_MTIMECMP_LO, 77, 4);
    const saved = clint.saveState();
    const other = setup().clint;
    other.loadState(saved);
    expect(other.read(CLINT_MTIMECMP_LO, 4)).toBe(77);
  });
});
