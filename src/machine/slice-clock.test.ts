import { describe, expect, it } from 'vitest';
import { SliceClock } from './slice-clock.ts';

function setup() {
  const counter = { instret: 0 };
  const clock = new SliceClock();
  clock.attachCounter(counter);
  let stops = 0;
  const timer = clock.createTimer('t', () => {});
  return { clock, counter, timer, stop: () => stops++, stops: () => stops };
}

describe('SliceClock', () => {
  it('asks the CPU to stop when a timer is armed before the planned end of the slice', () => {
    const { clock, timer, stop, stops } = setup();
    clock.beginSlice(1000, stop);
    clock.arm(timer, 2000);
    expect(stops()).toBe(0);
    clock.arm(timer, 500);
    expect(stops()).toBe(1);
  });

  it('asks the CPU to stop when added time (a VM exit) reaches the end of the slice', () => {
    const { clock, counter, stop, stops } = setup();
    counter.instret = 100;
    clock.beginSlice(1000, stop);
    clock.addNs(800);
    expect(stops()).toBe(0);
    clock.addNs(100);
    expect(stops()).toBe(1);
  });

  it('does nothing between slices', () => {
    const { clock, timer, stop, stops } = setup();
    clock.beginSlice(1000, stop);
    clock.endSlice();
    clock.arm(timer, 1);
    clock.addNs(5000);
    expect(stops()).toBe(0);
  });
});
