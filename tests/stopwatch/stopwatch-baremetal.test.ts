// End to end: bare-metal C programs drive the stopwatch on our VirtBoard
// (built with riscv64-unknown-elf-gcc, run in-process), and the trace shows
// what para-virtualization is about: regs accesses exit, mem accesses do not.
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtBoard } from '../../src/machine/board.ts';
import type { StopwatchProps } from '../../src/machine/devices/stopwatch/stopwatch.ts';
import type { TraceEvent } from '../../src/protocol/trace-events.ts';
import { buildProgram } from './build-program.ts';

const MEM = 0x0400_0000, REGS = 0x0400_0090;
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

function boot(elf: Uint8Array, stopwatch?: StopwatchProps) {
  const board = new VirtBoard(stopwatch ? { stopwatch } : {});
  board.tracer.enabled = true;
  board.loadElf(elf);
  return board;
}

describe('the stopwatch demo program', () => {
  let board: VirtBoard;
  let stop: ReturnType<VirtBoard['run']>;
  let out: string;
  let events: TraceEvent[];
  beforeAll(() => {
    board = boot(buildProgram('stopwatch_demo.c', 'stopwatch_demo.elf'));
    stop = board.run(50_000_000);
    out = text(board.takeUartOutput());
    events = board.tracer.drain();
  });

  it('reads "1.50 seconds" after START and 1.5 s of virtual time', () => {
    expect(stop).toMatchObject({ reason: 'poweroff', exitCode: 0 });
    expect(out).toContain('status at boot=0x00000000\n'); // RUNNING: start_at_boot
    expect(out).toContain('status after RESET=0x00000001\n');
    expect(out).toContain('data_len=0x0000000d\ndata: 1.50 seconds\n');
    expect(out).toContain('status after PAUSE=0x00000002\n');
  });

  it('gets PLIC source 64 two seconds after TIMEOUT 2, claims, ACKs and completes it, line low', () => {
    expect(out).toContain('claimed source=0x00000040\ntimeout after 2000 ms\n');
    expect(out).toContain('pending after complete=0x00000000\n');
    expect(board.stopwatch!.irqs[0].level).toBe(false);
    const irq = events.filter((e) => e.kind === 'irq-line' && e.source === 64);
    expect(irq.map((e) => e.kind === 'irq-line' && e.level)).toEqual([1, 0]);
    const arm = events.find((e) => e.kind === 'timer' && e.owner === 'stopwatch' && e.action === 'arm')!;
    expect(irq[0].timeNs - arm.timeNs).toBe(2_000_000_000);
    const plic = events.filter((e) => e.kind === 'plic' && e.source === 64).map((e) => e.kind === 'plic' && e.action);
    expect(plic).toEqual(['pending', 'claim', 'complete']);
  });

  it('traces every regs access as an exit handled by the device, every mem access as pass-through', () => {
    const mmio = events.filter((e) => e.kind === 'mmio' && e.device === 'stopwatch');
    const regs = mmio.filter((e) => e.kind === 'mmio' && e.addr >= REGS && e.addr < REGS + 0x10);
    const mem = mmio.filter((e) => e.kind === 'mmio' && e.addr >= MEM && e.addr < MEM + 0x88);
    expect(regs.length + mem.length).toBe(mmio.length);
    expect(regs.length).toBe(9); // status, RESET, status, START, UPDATE, PAUSE, status, TIMEOUT, TIMEOUT_ACK
    expect(mem.length).toBeGreaterThanOrEqual(14);
    expect(regs.every((e) => e.kind === 'mmio' && e.access === 'trap')).toBe(true);
    expect(mem.every((e) => e.kind === 'mmio' && e.access === 'passthrough')).toBe(true);
    for (const access of regs) {
      const i = events.indexOf(access);
      const exit = events.slice(0, i).reverse().find((e) => e.kind === 'vm-exit' || e.kind === 'vm-entry');
      const entry = events.slice(i + 1).find((e) => e.kind === 'vm-exit' || e.kind === 'vm-entry');
      expect(exit).toMatchObject({ kind: 'vm-exit', device: 'stopwatch' });
      expect(entry).toMatchObject({ kind: 'vm-entry', device: 'stopwatch' });
      const between = events.slice(events.indexOf(exit!), events.indexOf(entry!));
      expect(between.some((e) => e.kind === 'device-log' && /^stopwatch_io_(read|write): /.test(e.message))).toBe(true);
    }
    const stats = board.bus.exits.snapshot();
    expect(stats.devices.stopwatch.exits).toBe(regs.length);
    expect(stats.registers['stopwatch.command'].writes).toBe(regs.filter((e) => e.kind === 'mmio' && e.reg === 'command').length);
    expect(stats.passthrough.stopwatch.reads + stats.passthrough.stopwatch.writes).toBe(mem.length);
  });
});

const ERROR_CASES: { n: number; name: string; reg: string; value: string }[] = [
  { n: 1, name: 'START while running', reg: 'command', value: '0x1' },
  { n: 2, name: 'PAUSE after RESET', reg: 'command', value: '0x2' },
  { n: 3, name: 'TIMEOUT 11', reg: 'command', value: '0x4' },
  { n: 4, name: 'ACK with nothing pending', reg: 'command', value: '0x5' },
  { n: 5, name: 'reading command', reg: 'command', value: '0x0' },
  { n: 6, name: 'writing status', reg: 'status', value: '0x1' },
  { n: 7, name: 'unknown offset', reg: 'offset 0x2', value: '0x1' },
  { n: 8, name: 'unknown command', reg: 'command', value: '0x7' },
];

describe('stopwatch device errors from a bare-metal program', () => {
  const elfs = new Map<number, Uint8Array>();
  beforeAll(() => {
    for (const c of ERROR_CASES) elfs.set(c.n, buildProgram('stopwatch_errors.c', `stopwatch_errors_${c.n}.elf`, [`CASE=${c.n}`]));
  });

  it.each(ERROR_CASES)('$name stops the machine naming device, register and value; a reset brings it back', (c) => {
    const board = boot(elfs.get(c.n)!);
    const stop = board.run(10_000_000);
    expect(stop.reason).toBe('device-error');
    if (stop.reason !== 'device-error') return;
    expect(stop.device).toBe('stopwatch');
    expect(stop.message).toMatch(/^stopwatch: /);
    expect(stop.message).toContain(`register ${c.reg}, value ${c.value}`);
    expect(text(board.takeUartOutput())).toBe('before\n');
    expect(board.run(1000).reason).toBe('device-error'); // stays stopped until reset
    board.reset();
    expect(board.stopwatch!.state.status).toBe(0); // RUNNING again (start_at_boot)
    expect(board.run(10_000_000).reason).toBe('device-error'); // the program ran again from the start
    expect(text(board.takeUartOutput())).toBe('before\n');
  });

  it.each(ERROR_CASES)('$name with on_error=log is logged as a guest error and the guest runs on', (c) => {
    const board = boot(elfs.get(c.n)!, { startAtBoot: true, onError: 'log' });
    const stop = board.run(10_000_000);
    expect(stop).toMatchObject({ reason: 'poweroff', exitCode: 0 });
    expect(text(board.takeUartOutput())).toMatch(/^before\nafter, read=0x00000000\nstatus=0x0000000[0-2]\n$/);
    const logs = board.tracer.drain().flatMap((e) => (e.kind === 'device-log' ? [e.message] : []));
    expect(logs.filter((l) => l.startsWith('guest error: stopwatch: ') && l.includes(`register ${c.reg}, value ${c.value}`))).toHaveLength(1);
  });
});
