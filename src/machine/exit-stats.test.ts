import { describe, expect, it } from 'vitest';
import { ExitStats } from './exit-stats.ts';

describe('ExitStats', () => {
  it('counts exits per device and per register with their virtual time, and pass-through accesses apart', () => {
    const s = new ExitStats();
    s.countExit('stopwatch', 'command', 'write', 5000);
    s.countExit('stopwatch', 'command', 'write', 5000);
    s.countExit('stopwatch', 'status', 'read', 5000);
    s.countExit('uart0', undefined, 'read', 100);
    s.countPassthrough('stopwatch', 'read');
    const snap = s.snapshot();
    expect(snap.devices.stopwatch).toEqual({ exits: 3, reads: 1, writes: 2, timeNs: 15000 });
    expect(snap.registers['stopwatch.command']).toEqual({ exits: 2, reads: 0, writes: 2, timeNs: 10000 });
    expect(snap.registers['stopwatch.status']).toEqual({ exits: 1, reads: 1, writes: 0, timeNs: 5000 });
    expect(snap.registers['uart0.?'].exits).toBe(1);
    expect(snap.passthrough.stopwatch).toEqual({ reads: 1, writes: 0 });
    expect([snap.totalExits, snap.totalExitTimeNs]).toEqual([4, 15100]);
  });

  it('starts from zero after reset, and snapshots are copies', () => {
    const s = new ExitStats();
    s.countExit('stopwatch', 'command', 'write', 5000);
    const before = s.snapshot();
    s.reset();
    s.countExit('stopwatch', 'command', 'write', 1);
    expect(before.registers['stopwatch.command'].timeNs).toBe(5000);
    expect(s.snapshot().registers['stopwatch.command']).toEqual({ exits: 1, reads: 0, writes: 1, timeNs: 1 });
  });
});
