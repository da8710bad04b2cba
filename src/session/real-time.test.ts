// Real-time pacing and slow motion, with the wall clock and the board's
// virtual clock both in the test's hands: no test here reads a real clock.

import { describe, expect, it } from 'vitest';
import { clampSlowdown, MAX_SLOWDOWN, RealTimePacer, SLICE_NS } from './real-time.ts';

/** Just what the pacer reads and moves: a virtual clock at 1 ns per instruction. */
function fakeBoard() {
  let now = 0;
  return {
    clock: { nowNs: () => now },
    config: { nsPerInsn: 1 },
    idleUntil(ns: number) { now = Math.max(now, ns); },
    /** The hart ran this many instructions. */
    execute(insns: number) { now += insns; },
  };
}

/** Runs a CPU-bound guest (one that never sleeps) for `wallMs` of wall time, 1 ms per tick; returns virtual ns reached. */
function runCpuBound(slowdown: number, wallMs: number): number {
  const board = fakeBoard();
  const pacer = new RealTimePacer();
  pacer.setSlowdown(slowdown);
  pacer.anchor(0, 0);
  for (let wall = 0; wall <= wallMs; wall++) {
    // As the worker does: as many slices as the plan allows before the next tick.
    for (let i = 0; i < 100; i++) {
      const plan = pacer.plan(board, 1e9, wall);
      if (plan.waitMs > 0) break;
      board.execute(plan.insns);
    }
  }
  return board.clock.nowNs();
}

describe('real-time pacing', () => {
  it('in real time, virtual time stays within one slice of the wall clock', () => {
    const virt = runCpuBound(1, 1000);
    expect(virt).toBeGreaterThanOrEqual(1000e6);
    expect(virt).toBeLessThanOrEqual(1000e6 + SLICE_NS + 1); // a slice ahead, and the one instruction a plan always allows
  });

  it('at ×10 slow motion, a wall second is 100 ms of virtual time', () => {
    const virt = runCpuBound(10, 1000);
    expect(virt).toBeGreaterThanOrEqual(100e6);
    expect(virt).toBeLessThanOrEqual(100e6 + SLICE_NS / 10 + 1);
  });

  it('at ×100 slow motion, a wall second is 10 ms of virtual time', () => {
    const virt = runCpuBound(100, 1000);
    expect(virt).toBeGreaterThanOrEqual(10e6);
    expect(virt).toBeLessThanOrEqual(10e6 + SLICE_NS / 100 + 1);
  });

  it('a sleeping hart waits N times longer in slow motion, and wakes at its deadline', () => {
    const board = fakeBoard();
    const pacer = new RealTimePacer();
    pacer.setSlowdown(10);
    pacer.anchor(0, 0);
    // Asleep until a timer 5 ms of virtual time away: that is 50 ms of wall time at ×10.
    const wait = pacer.sleep(board, 5e6, 0);
    expect(wait).toBe(50);
    expect(board.clock.nowNs()).toBe(0);
    expect(pacer.sleep(board, 5e6, 20)).toBe(30);
    expect(board.clock.nowNs()).toBe(2e6); // virtual time followed the wall clock, slowed down
    expect(pacer.sleep(board, 5e6, 50)).toBe(0);
    expect(board.clock.nowNs()).toBe(5e6);
  });

  it('a long sleep re-checks the clock at least every 100 ms, however slow the motion', () => {
    const board = fakeBoard();
    const pacer = new RealTimePacer();
    pacer.setSlowdown(1000);
    pacer.anchor(0, 0);
    expect(pacer.sleep(board, 1e9, 0)).toBe(100);
  });

  it('changing the speed applies from the new anchor on, not to the time already past', () => {
    const board = fakeBoard();
    const pacer = new RealTimePacer();
    pacer.anchor(0, 0);
    pacer.sleep(board, Infinity, 40); // 40 ms of real time pass while idle
    expect(board.clock.nowNs()).toBe(40e6);
    pacer.setSlowdown(100);
    pacer.anchor(40, board.clock.nowNs());
    pacer.sleep(board, Infinity, 140); // 100 wall ms at ×100: 1 ms more
    expect(board.clock.nowNs()).toBe(41e6);
  });

  it('accepts only whole slowdowns from 1 to the maximum', () => {
    expect(clampSlowdown(undefined)).toBe(1);
    expect(clampSlowdown(0)).toBe(1);
    expect(clampSlowdown(-5)).toBe(1);
    expect(clampSlowdown(Number.NaN)).toBe(1);
    expect(clampSlowdown(9.6)).toBe(10);
    expect(clampSlowdown(1e9)).toBe(MAX_SLOWDOWN);
  });
});
