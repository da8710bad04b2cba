import { describe, expect, it } from 'vitest';
import { Bus, DEFAULT_EXIT_PRICE_NS } from '../../bus.ts';
import { VirtualClock } from '../../clock.ts';
import { PlatformBus } from '../../platform-bus.ts';
import { Tracer } from '../../trace/tracer.ts';
import { StopwatchDevice, type StopwatchProps } from './stopwatch.ts';
import { STOPWATCH_ACTION as A, STOPWATCH_STATE as S } from './stopwatch-regs.ts';

const MEM = 0x0400_0000;
const REGS = 0x0400_0090;
const CMD = REGS + 0x0;
const STATUS = REGS + 0x8;

function machine(props: Partial<StopwatchProps> = {}) {
  const clock = new VirtualClock();
  const tracer = new Tracer(clock);
  tracer.enabled = true;
  const bus = new Bus(clock, tracer);
  const irq: { source: number; level: boolean }[] = [];
  const pb = new PlatformBus(bus, MEM, 0x200_0000, 64, 32, (source, line) => line.connect((level) => irq.push({ source, level })));
  const dev = new StopwatchDevice(clock, tracer, props);
  const errors: string[] = [];
  dev.onDeviceError = (m) => errors.push(m);
  const attached = pb.attach(dev);
  const cmd = (c: number) => bus.write(CMD, c, 4);
  const status = () => bus.read(STATUS, 4);
  const text = () => {
    const len = bus.read(MEM, 4);
    let s = '';
    for (let i = 0; i < len - 1; i++) s += String.fromCharCode(bus.read(MEM + 8 + i, 1));
    return { s, len, nul: bus.read(MEM + 8 + len - 1, 1) };
  };
  const advance = (ns: number) => {
    clock.addNs(ns);
    clock.fireDue();
  };
  return { clock, tracer, bus, dev, errors, irq, attached, cmd, status, text, advance };
}

describe('stopwatch on the platform bus', () => {
  it('is placed like QEMU places it: mem at 0x0, regs at 0x90, IRQ 64', () => {
    const m = machine();
    expect(m.attached.mmioOffsets).toEqual([0x0, 0x90]);
    expect(m.attached.irqSources).toEqual([64]);
    expect(m.bus.find(MEM)?.region.kind).toBe('ram-device');
    expect(m.bus.find(REGS)?.region.kind).toBe('io');
    expect(m.bus.find(MEM + 0x88)).toBeUndefined();
  });

  it('runs from boot by default, and waits in RESET with start_at_boot=false', () => {
    expect(machine().status()).toBe(S.RUNNING);
    expect(machine({ startAtBoot: false }).status()).toBe(S.RESET);
  });
});

describe('stopwatch commands', () => {
  it('START, 1.5 s, UPDATE writes "1.50 seconds" and data_len = strlen + 1', () => {
    const m = machine({ startAtBoot: false });
    m.cmd(A.START);
    m.advance(1_500_000_000);
    m.cmd(A.UPDATE);
    expect(m.text()).toEqual({ s: '1.50 seconds', len: 13, nul: 0 });
    expect(m.errors).toEqual([]);
  });

  it('PAUSE freezes the count, PAUSE again does nothing, START resumes', () => {
    const m = machine({ startAtBoot: false });
    m.cmd(A.START);
    m.advance(1_000_000_000);
    m.cmd(A.PAUSE);
    m.advance(5_000_000_000);
    m.cmd(A.PAUSE);
    expect(m.status()).toBe(S.PAUSED);
    m.cmd(A.UPDATE);
    expect(m.text().s).toBe('1.00 seconds');
    m.cmd(A.START);
    m.advance(250_000_000);
    m.cmd(A.UPDATE);
    expect(m.text().s).toBe('1.25 seconds');
    m.cmd(A.RESET);
    m.cmd(A.UPDATE);
    expect(m.text().s).toBe('0.00 seconds');
    expect(m.status()).toBe(S.RESET);
    expect(m.errors).toEqual([]);
  });

  it('TIMEOUT 2 raises the line after 2 s of virtual time; ACK lowers it', () => {
    const m = machine();
    m.bus.write(MEM, 2, 4);
    m.cmd(A.TIMEOUT);
    const armedAt = m.clock.nowNs();
    m.advance(2_000_000_000 - 1);
    expect(m.dev.irqs[0].level).toBe(false);
    m.bus.write(MEM, 7, 4);
    m.cmd(A.TIMEOUT); // pending: ignored, deadline unchanged
    m.advance(armedAt + 2_000_000_000 - m.clock.nowNs());
    expect(m.irq.at(-1)).toEqual({ source: 64, level: true });
    m.cmd(A.TIMEOUT_ACK);
    expect(m.irq.at(-1)).toEqual({ source: 64, level: false });
    const timers = m.tracer.drain().filter((e) => e.kind === 'timer');
    expect(timers.map((t) => t.kind === 'timer' && t.action)).toEqual(['arm', 'fire']);
    expect(m.errors).toEqual([]);
  });

  it('accepts the upper word of command as 0 (lo_hi_writeq) and reads 0 from the upper word of status', () => {
    const m = machine();
    m.bus.write(CMD, A.PAUSE, 4);
    m.bus.write(CMD + 4, 0, 4);
    expect(m.bus.read(STATUS + 4, 4)).toBe(0);
    expect(m.status()).toBe(S.PAUSED);
    expect(m.errors).toEqual([]);
  });

  it('logs each access the way the original device prints it', () => {
    const m = machine();
    m.cmd(A.UPDATE);
    m.status();
    const logs = m.tracer.drain().flatMap((e) => (e.kind === 'device-log' ? [e.message] : []));
    expect(logs).toContain('stopwatch_io_write: COMMAND value: 0x3 (UPDATE)');
    expect(logs).toContain('stopwatch_io_read: STATUS: 0x0 (RUNNING)');
  });
});

type Machine = ReturnType<typeof machine>;
const ERROR_ROWS: { name: string; run: (m: Machine) => void; reg: string; value: string }[] = [
  { name: 'START while running', run: (m) => m.cmd(A.START), reg: 'command', value: '0x1' },
  { name: 'PAUSE after RESET', run: (m) => { m.cmd(A.RESET); m.cmd(A.PAUSE); }, reg: 'command', value: '0x2' },
  { name: 'TIMEOUT 11', run: (m) => { m.bus.write(MEM, 11, 4); m.cmd(A.TIMEOUT); }, reg: 'command', value: '0x4' },
  { name: 'TIMEOUT 2^32 + 2 (data_len is a u64)', run: (m) => { m.bus.write(MEM, 2, 4); m.bus.write(MEM + 4, 1, 4); m.cmd(A.TIMEOUT); }, reg: 'command', value: '0x4' },
  { name: 'ACK with nothing pending', run: (m) => m.cmd(A.TIMEOUT_ACK), reg: 'command', value: '0x5' },
  { name: 'reading command', run: (m) => m.bus.read(CMD, 4), reg: 'command', value: '0x0' },
  { name: 'writing status', run: (m) => m.bus.write(STATUS, 1, 4), reg: 'status', value: '0x1' },
  { name: 'unknown offset', run: (m) => m.bus.write(REGS + 2, 1, 1), reg: 'offset 0x2', value: '0x1' },
  { name: 'unknown command', run: (m) => m.cmd(7), reg: 'command', value: '0x7' },
  { name: 'byte access to status', run: (m) => m.bus.read(STATUS, 1), reg: 'status', value: '0x0' },
  { name: 'nonzero upper word of command', run: (m) => m.bus.write(CMD + 4, 1, 4), reg: 'command', value: '0x1' },
];

describe('stopwatch device errors', () => {
  it.each(ERROR_ROWS)('$name stops the machine with a message naming device, register and value', (row) => {
    const m = machine();
    row.run(m);
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]).toMatch(/^stopwatch: /);
    expect(m.errors[0]).toContain(`register ${row.reg}, value ${row.value}`);
    const traced = m.tracer.drain().filter((e) => e.kind === 'device-error');
    expect(traced).toHaveLength(1);
  });

  it.each(ERROR_ROWS)('$name with on_error=log is logged as a guest error and ignored', (row) => {
    const m = machine({ onError: 'log' });
    const before = m.dev.state.status;
    row.run(m);
    expect(m.errors).toEqual([]);
    const logs = m.tracer.drain().flatMap((e) => (e.kind === 'device-log' ? [e.message] : []));
    expect(logs.some((l) => l.startsWith('guest error: stopwatch: ') && l.includes(`register ${row.reg}`))).toBe(true);
    if (row.name !== 'PAUSE after RESET') expect(m.dev.state.status).toBe(before);
  });

  it('a reset brings the device back after an error', () => {
    const m = machine();
    m.cmd(A.START);
    expect(m.errors).toHaveLength(1);
    m.clock.reset();
    m.dev.reset();
    expect(m.status()).toBe(S.RUNNING);
    m.cmd(A.PAUSE);
    expect(m.errors).toHaveLength(1);
  });
});

describe('stopwatch exits and state', () => {
  it('charges the exit price for regs accesses only, and counts them per register', () => {
    const m = machine();
    const t0 = m.clock.nowNs();
    m.bus.read(MEM, 4);
    m.bus.write(MEM + 8, 0x41, 1);
    expect(m.clock.nowNs()).toBe(t0);
    m.cmd(A.UPDATE);
    m.status();
    expect(m.clock.nowNs() - t0).toBe(2 * DEFAULT_EXIT_PRICE_NS);
    const s = m.bus.exits.snapshot();
    expect(s.registers['stopwatch.command'].writes).toBe(1);
    expect(s.registers['stopwatch.status'].reads).toBe(1);
    expect(s.passthrough.stopwatch).toEqual({ reads: 1, writes: 1 });
  });

  it('saves and restores its state, including an armed timeout', () => {
    const a = machine();
    a.bus.write(MEM, 3, 4);
    a.cmd(A.TIMEOUT);
    a.advance(1_000_000_000);
    a.cmd(A.PAUSE);
    const saved = JSON.parse(JSON.stringify(a.dev.saveState()));
    const b = machine();
    b.clock.addNs(a.clock.nowNs());
    b.dev.loadState(saved);
    expect(b.status()).toBe(S.PAUSED);
    b.advance(2_000_000_000);
    expect(b.dev.irqs[0].level).toBe(true);
    expect(() => b.dev.loadState({ ...saved, version: 99 })).toThrow(/version/);
  });
});
