// Watchpoints on the stopwatch's trapping registers, by name, through a
// session: the hart stops AT the store (or load), before the VM exit, with
// the device model untouched; Run makes the access exactly once (one exit,
// one callback, the command's effect once), with the translator on and off.
// And a run to the next VM exit stops the same way at whatever traps first.

import { describe, expect, it } from 'vitest';
import type { StopReason } from '../protocol/stop-reason.ts';
import { describeStop } from '../protocol/stop-reason.ts';
import type { DeviceRegisterWatch } from '../protocol/watchpoints.ts';
import type { VirtBoard } from '../machine/board.ts';
import { buildAndLoad } from './build.ts';
import { createVirtBoard } from './create-board.ts';
import { Session } from './session.ts';

// command at 0x04000090, status at 0x04000098 (the platform bus's first slot).
const PROGRAM = `
#define COMMAND ((volatile unsigned *)0x04000090)
#define STATUS ((volatile unsigned *)0x04000098)
int main(void) {
  *COMMAND = 2;                 /* PAUSE */
  unsigned paused = *STATUS;    /* PAUSED (2) */
  *COMMAND = 1;                 /* START */
  unsigned running = *STATUS;   /* RUNNING (0) */
  *COMMAND = 2;                 /* PAUSE */
  return paused == 2 && running == 0 ? 0 : 1;
}
`;

interface Observed {
  stop: StopReason;
  /** The instruction at pc when stopped (the Code pane's current line). */
  text: string;
  /** VM exits into the stopwatch so far. */
  exits: number;
  /** What the device model holds. */
  status: number;
}

function machine(jit: boolean): { session: Session; board: () => VirtBoard } {
  let board: VirtBoard | null = null;
  const session = new Session(() => (board = createVirtBoard() as VirtBoard));
  session.setJit(jit);
  const build = buildAndLoad(session, 'regs.c', PROGRAM);
  expect(build.diagnostics.map((d) => d.text)).toEqual([]);
  return { session, board: () => board! };
}

function observe(session: Session, board: VirtBoard): Observed {
  const regs = session.registers()!;
  return {
    stop: session.stop!,
    text: regs.code.find((l) => l.addr === regs.pc)?.text ?? '',
    exits: board.bus.exits.totalExits,
    status: board.stopwatch!.state.status,
  };
}

/** Runs to the end, Run after every stop; what was seen at each stop. */
function stopsOf(jit: boolean, watches: DeviceRegisterWatch[]): Observed[] {
  const { session, board } = machine(jit);
  session.setDeviceWatchpoints(watches);
  const seen: Observed[] = [];
  for (let round = 0; round < 20; round++) {
    session.start(0);
    for (let i = 0; i < 1000 && session.state === 'running'; i++) session.runSlice(100_000, 0);
    seen.push(observe(session, board()));
    if (session.state === 'halted') break;
  }
  return seen;
}

const hitOf = (o: Observed) => (o.stop.reason === 'watchpoint' ? o.stop.hit : null);

describe('watchpoints on device registers', () => {
  it('a write watchpoint on command stops at each store before the exit; Run makes each write once', () => {
    const seen = stopsOf(false, [{ device: 'stopwatch', reg: 'command', kind: 'write' }]);
    const stops = seen.filter((o) => o.stop.reason === 'watchpoint');
    expect(stops.map((o) => hitOf(o)!.value)).toEqual([2, 1, 2]);
    for (const o of stops) {
      const hit = hitOf(o)!;
      expect(hit).toMatchObject({ when: 'before', access: 'write', device: 'stopwatch', reg: 'command', addr: 0x04000090, size: 4 });
      expect(o.text).toMatch(/^sw\s/); // the hart stands at the store itself
    }
    // Before the first write the model has seen nothing; each later stop sees exactly
    // the exits made so far: a write and a read per step, never a write twice.
    expect(stops.map((o) => o.exits)).toEqual([0, 2, 4]);
    expect(stops.map((o) => o.status)).toEqual([0, 2, 0]); // RUNNING at boot, then PAUSED, then RUNNING
    expect(seen.at(-1)!.stop).toEqual({ reason: 'poweroff', exitCode: 0 });
    expect(describeStop(stops[1].stop)).toMatch(
      /^Stopped by the watchpoint on stopwatch command \(writes\) before the VM exit: the instruction at 0x8[0-9a-f]{7} is about to write 0x1 \(START\) to stopwatch command at 0x4000090 \(4 bytes\); the device model has not run yet\. Run or Step makes the access once\.$/);
  });

  it('a value stops only the matching write: command written with START', () => {
    const stops = stopsOf(false, [{ device: 'stopwatch', reg: 'command', kind: 'write', value: 1 }]).filter((o) => o.stop.reason === 'watchpoint');
    expect(stops.map((o) => [hitOf(o)!.value, o.exits, o.status])).toEqual([[1, 2, 2]]);
  });

  it('status reading as RUNNING stops after the read (only the device knows the value), at the next instruction', () => {
    const stops = stopsOf(false, [{ device: 'stopwatch', reg: 'status', kind: 'read', value: 0 }]).filter((o) => o.stop.reason === 'watchpoint');
    expect(stops.map((o) => hitOf(o)).map((h) => h && [h.when, h.access, h.value, h.reg])).toEqual([['after', 'read', 0, 'status']]);
    expect(stops[0].exits).toBe(4); // the read was made, once
    expect(describeStop(stops[0].stop)).toContain('read of 0x0 (RUNNING) at stopwatch status at 0x4000098');
  });

  it('Step from a stop before the exit makes the write and stops after it', () => {
    const { session, board } = machine(true);
    session.setDeviceWatchpoints([{ device: 'stopwatch', reg: 'command', kind: 'write', value: 1 }]);
    session.start(0);
    for (let i = 0; i < 1000 && session.state === 'running'; i++) session.runSlice(100_000, 0);
    const at = observe(session, board());
    expect(at.stop.reason).toBe('watchpoint');
    const pc = session.registers()!.pc;
    expect(session.step(1)).toEqual({ reason: 'step', count: 1, waiting: false });
    const after = observe(session, board());
    expect(session.registers()!.pc).toBe(pc + 4);
    expect([after.exits, after.status]).toEqual([at.exits + 1, 0]);
  });

  it('stops at the same places, with the same counts, with the translator on', () => {
    const w: DeviceRegisterWatch[] = [{ device: 'stopwatch', reg: 'command', kind: 'write' }, { device: 'stopwatch', reg: 'status', kind: 'read' }];
    const off = stopsOf(false, w);
    expect(off.filter((o) => o.stop.reason === 'watchpoint').length).toBe(5);
    expect(stopsOf(true, w)).toEqual(off);
  });
});

describe('run to the next VM exit', () => {
  it('stops before each trapping access in turn; the exits happen once each', () => {
    for (const jit of [false, true]) {
      const { session, board } = machine(jit);
      const seen: Observed[] = [];
      for (let round = 0; round < 5; round++) {
        session.runToEvent('exit', 0);
        for (let i = 0; i < 1000 && session.state === 'running'; i++) session.runSlice(100_000, 0);
        seen.push(observe(session, board()));
      }
      const exits = seen.map((o) => (o.stop.reason === 'event' && o.stop.at.kind === 'exit' ? o.stop.at.hit : null));
      expect(exits.map((h) => h && [h.when, h.access, h.reg, h.value])).toEqual([
        ['before', 'write', 'command', 2], ['before', 'read', 'status', undefined], ['before', 'write', 'command', 1],
        ['before', 'read', 'status', undefined], ['before', 'write', 'command', 2],
      ]);
      expect(seen.map((o) => o.exits)).toEqual([0, 1, 2, 3, 4]);
      expect(describeStop(seen[2].stop)).toMatch(/^Stopped at the next VM exit: the instruction at 0x8[0-9a-f]{7} is about to write 0x1 \(START\) to stopwatch command/);
      session.start(0); // Run: nothing armed any more, the program ends
      for (let i = 0; i < 1000 && session.state === 'running'; i++) session.runSlice(100_000, 0);
      expect(session.stop).toEqual({ reason: 'poweroff', exitCode: 0 });
    }
  });
});
