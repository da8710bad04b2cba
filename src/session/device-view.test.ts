// The Device and Host panes' snapshot: decoded from the board by peeking, so
// it shows what a guest's accesses did and itself changes nothing; it is only
// taken again when something in it changed; and in the guest it links the
// device tree's `reg` ranges to the driver's ioremap results.
import { describe, expect, it } from 'vitest';
import { guestDriver } from '../../tests/support/guest-modules.ts';
import { VirtBoard } from '../machine/board.ts';
import { STOPWATCH_ACTION } from '../machine/devices/stopwatch/stopwatch-regs.ts';
import { ioMappings } from '../guest/kernel/services/ioremap.ts';
import { GuestSystem } from '../guest/system.ts';
import { registerText } from '../protocol/device-view.ts';
import { DeviceViewSource } from './device-view.ts';

const MEM = 0x0400_0000;
const REGS = 0x0400_0090;

function board(startAtBoot = false): VirtBoard {
  const b = new VirtBoard({ stopwatch: { startAtBoot, onError: 'log' } });
  b.tracer.enabled = true;
  return b;
}

describe('DeviceViewSource', () => {
  it('after a guest writes START, the view says RUNNING, with the exit it cost', () => {
    const b = board();
    const source = new DeviceViewSource(b);
    const before = source.take()!;
    expect(before.registers.map(registerText)).toEqual(['command = RESET (0)', 'status = RESET (1)']);
    expect(before.host).toMatchObject({ status: 'RESET', timeout: 'none', deadlineNs: null });

    b.bus.write(REGS, STOPWATCH_ACTION.START, 4);
    const after = source.take()!;
    expect(after.registers.map(registerText)).toEqual(['command = START (1)', 'status = RUNNING (0)']);
    expect(after.registers.map((r) => [r.name, r.offset, r.access])).toEqual([['command', 0, 'WO'], ['status', 8, 'RO']]);
    expect(after.host.status).toBe('RUNNING');
    expect(after.exits).toMatchObject({ exits: 1, exitWrites: 1, exitTimeNs: 5_000 });
    expect(after.exits.registers).toEqual([{ name: 'command', exits: 1, reads: 0, writes: 1, timeNs: 5_000 }]);
  });

  it('peeking changes nothing: no exit, no trace event, the same answer twice', () => {
    const b = board(true);
    const source = new DeviceViewSource(b);
    b.tracer.drain();
    const first = source.view()!;
    const second = source.view()!;
    expect(second).toEqual(first);
    expect(first.registers[1].valueName).toBe('RUNNING');
    expect(b.bus.exits.totalExits).toBe(0);
    expect(b.tracer.drain()).toEqual([]);
  });

  it('is taken again only when something in it changed', () => {
    const b = board(true);
    const source = new DeviceViewSource(b);
    expect(source.take()).not.toBeNull();
    b.run(1000); // the hart runs (no program: it spins in the boot ROM), the stopwatch is untouched
    expect(source.take()).toBeNull();
    expect(source.take(true)).not.toBeNull();

    b.bus.write(MEM + 8, 0x41, 1); // a pass-through write: no exit, but the bytes changed
    const view = source.take()!;
    expect(view.memory[8]).toBe(0x41);
    expect(view.exits).toMatchObject({ exits: 0, passthroughWrites: 1 });
    expect(source.take()).toBeNull();
  });

  it('shows an armed timeout, then the raised line and the PLIC pending', () => {
    const b = board(true);
    const source = new DeviceViewSource(b);
    b.bus.write(MEM, 1, 4); // data_len = 1 s
    b.bus.write(REGS, STOPWATCH_ACTION.TIMEOUT, 4);
    const armed = source.take()!;
    expect(armed.host).toMatchObject({ timeout: 'armed', deadlineNs: expect.any(Number) });
    expect(armed.host.deadlineNs! - armed.timeNs).toBeLessThanOrEqual(1e9);
    expect(armed.irq).toMatchObject({ line: 'stopwatch.timeout', level: false, source: 64 });

    b.idleUntil(armed.host.deadlineNs!);
    b.clock.fireDue();
    const fired = source.take()!;
    expect(fired.host.timeout).toBe('fired');
    expect(fired.irq.level).toBe(true);
    expect(fired.plic).toMatchObject({ source: 64, pending: true, level: true, claimed: false });
  });

  it('gives the device-tree node as DTS, with its reg ranges (no kernel: nothing ioremapped)', () => {
    const view = new DeviceViewSource(board()).view()!;
    expect(view.dtNode.path).toBe('/platform-bus@4000000/stopwatch@0');
    expect(view.dtNode.dts).toContain('compatible = "stopwatch";');
    expect(view.dtNode.dts).toContain('reg = <0x00 0x88 0x90 0x10>;');
    expect(view.dtNode.ranges).toEqual([
      { name: 'mem', kind: 'passthrough', phys: MEM, size: 0x88, ioremap: null },
      { name: 'regs', kind: 'trap', phys: REGS, size: 0x10, ioremap: null },
    ]);
    expect(view.memoryBase).toBe(MEM);
  });
});

describe('DeviceViewSource in the guest', () => {
  it('links each reg range to the address the driver got from ioremap, and forgets it after rmmod', async () => {
    const sys = new GuestSystem({ modules: [guestDriver('stopwatch/stopwatch.c')] });
    await sys.boot();
    const source = new DeviceViewSource(sys.board, () => ioMappings(sys.kernel));
    const probed = source.view()!;
    expect(probed.dtNode.ranges.map((r) => r.ioremap)).toEqual([MEM, REGS]);
    expect(probed.exits.exits).toBeGreaterThan(0); // probe read status

    expect(await sys.execute('rmmod stopwatch')).toBe(0);
    const removed = source.take()!;
    expect(removed.dtNode.ranges.map((r) => r.ioremap)).toEqual([null, null]);
    expect(removed.registers[0].valueName).toBe('RESET'); // remove() sends RESET on its way out
  });
});

describe('pass-through accesses of the guest kernel', () => {
  it('counts and traces memcpy_fromio of data as the word and byte reads Linux makes, with no exit', async () => {
    const sys = new GuestSystem({ modules: [guestDriver('stopwatch/stopwatch.c')] });
    await sys.boot();
    const source = new DeviceViewSource(sys.board, () => ioMappings(sys.kernel));
    const before = source.view()!;
    sys.board.tracer.enabled = true;
    expect(await sys.execute('cat /sys/kernel/debug/stopwatch/stopwatch')).toBe(0);
    const after = source.view()!;
    const events = sys.board.tracer.drain();
    const shared = events.filter((e) => e.kind === 'mmio' && e.access === 'passthrough');
    // readl(data_len), then "N.NN seconds\0" (13 bytes at 0x8): three words and a byte.
    expect(shared.map((e) => e.kind === 'mmio' && [e.op, e.offset, e.size])).toEqual([
      ['read', 0, 4], ['read', 8, 4], ['read', 12, 4], ['read', 16, 4], ['read', 20, 1],
    ]);
    expect(after.exits.passthroughReads - before.exits.passthroughReads).toBe(5);
    expect(after.exits.exits - before.exits.exits).toBe(1); // UPDATE only
    expect(events.filter((e) => e.kind === 'vm-exit').map((e) => e.kind === 'vm-exit' && e.reg)).toEqual(['command']);
  });
});
