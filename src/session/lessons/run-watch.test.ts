// The watch ends a step that runs too long in virtual time, retires too many
// instructions, or sleeps with nothing left to wake it; a step that sleeps on
// a timer, however often it is looked at, goes on.
import { describe, expect, it } from 'vitest';
import { GuestStuck, RunWatch } from './run-watch.ts';

class FakeGuest {
  now = 0;
  insns = 0;
  forever = false;
  nowNs = () => this.now;
  instret = () => this.insns;
  sleepsForever = () => this.forever;
}

const limits = { timeNs: 10e9, insns: 1e9 };

function stuck(f: () => void): GuestStuck {
  try {
    f();
  } catch (e) {
    if (e instanceof GuestStuck) return e;
    throw e;
  }
  throw new Error('the watch did not stop the step');
}

describe('RunWatch', () => {
  it('stops a step past its virtual time, naming it', () => {
    const g = new FakeGuest();
    const w = new RunWatch(g, limits);
    g.now = 5e9;
    w.begin('`sleep 100`');
    g.now = 15e9;
    w.check(); // exactly 10 s: still within
    g.now = 15e9 + 1;
    const e = stuck(() => w.check());
    expect(e.reason).toBe('time');
    expect(e.message).toBe('the guest did not finish `sleep 100` within 10 s of virtual time');
  });

  it('stops a step that keeps the processor busy', () => {
    const g = new FakeGuest();
    const w = new RunWatch(g, limits);
    w.begin('`cat x`');
    g.insns = 1e9 + 1;
    g.now = 1e9 + 1;
    expect(stuck(() => w.check()).message).toMatch(/^the guest did not finish `cat x`: it kept the processor busy for 1,000,000,000 instructions/);
  });

  it('stops a step whose machine sleeps with nothing to wake it, once time has stood still a few looks', () => {
    const g = new FakeGuest();
    const w = new RunWatch(g, limits);
    w.begin('`cat /dev/x`');
    g.forever = true;
    let looks = 0;
    const e = stuck(() => { for (;;) { w.check(); looks++; } });
    expect(looks).toBeGreaterThan(2);
    expect(e.reason).toBe('forever');
    expect(e.message).toMatch(/within 10 s of virtual time: every task is asleep and no timer or interrupt is coming/);
  });

  it('lets a step go on while time moves, and starts afresh at each step', () => {
    const g = new FakeGuest();
    const w = new RunWatch(g, limits);
    w.begin('`sleep 1`');
    for (let i = 0; i < 100; i++) { g.now += 1e6; w.check(); } // sleeping on timers: time jumps
    g.now = 9e9;
    w.check();
    w.begin('`sleep 9`'); // a new step gets its own 10 s
    g.now = 18e9;
    w.check();
    expect(g.now).toBe(18e9);
  });
});
