// The worker's side of the protocol, driven as the UI drives it (commands in,
// events out) in Node: the slice loop must keep the message loop free, so
// Pause and typed keys get through while the guest runs.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineEvent } from '../protocol/messages.ts';
import { createVirtBoard } from '../session/create-board.ts';
import { buildProgram } from '../session/build.ts';
import { Session } from '../session/session.ts';
import { SourceMap } from '../session/source-map.ts';
import { clintSleepProgram } from '../session/test-programs.ts';
import { MachineHost, UART_WINDOW_BYTES } from './machine-host.ts';
import { gcc } from '../../tests/support/oracles.ts';

// Prints "ready", then echoes what UART0 receives (polling LSR.DR) until 'q'.
const ECHO_POLL = `
  .option norvc  # fixed 4-byte instructions: the tests name their addresses
  .globl _start
_start:
  li t0, 0x10000000
  la a1, msg
1: lbu a2, 0(a1)
  beqz a2, poll
  sb a2, 0(t0)
  addi a1, a1, 1
  j 1b
poll:
  lbu t1, 5(t0)
  andi t1, t1, 1
  beqz t1, poll
  lbu t2, 0(t0)
  li t3, 'q'
  beq t2, t3, quit
  sb t2, 0(t0)
  j poll
quit:
  li t1, 0x100000
  li t2, 0x5555
  sw t2, 0(t1)
2: j 2b
msg: .string "ready\\n"
`;

// Sleeps 200 ms of virtual time on the CLINT timer (wfi), then powers off.
const SLEEP_200MS = clintSleepProgram(200);

// Prints 'x' forever, as a printf in an endless loop would.
const FLOOD = `
  .option norvc  # fixed 4-byte instructions: the tests name their addresses
  .globl _start
_start:
  li t0, 0x10000000
  li a0, 'x'
1: sb a0, 0(t0)
  j 1b
`;

function buildAsm(source: string): ArrayBuffer {
  const dir = mkdtempSync(join(tmpdir(), 'host-test-'));
  writeFileSync(join(dir, 'prog.S'), source);
  gcc(['-nostdlib', '-nostartfiles',
    '-Wl,-N', '-Wl,--no-warn-rwx-segments', '-Wl,-Ttext=0x80000000', '-Wl,-e,_start', '-o', join(dir, 'prog.elf'), join(dir, 'prog.S')]);
  const bytes = readFileSync(join(dir, 'prog.elf'));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

const buildEcho = () => buildAsm(ECHO_POLL);

let host: MachineHost | null = null;
afterEach(() => host?.dispose());

function start() {
  const events: MachineEvent[] = [];
  host = new MachineHost(new Session(() => createVirtBoard()), { post: (e) => events.push(e) });
  host.start();
  const uart = () => events.flatMap((e) => (e.type === 'uart-out' ? [new TextDecoder().decode(e.bytes)] : [])).join('');
  const lastStatus = () => events.filter((e) => e.type === 'status').at(-1);
  return { host, events, uart, lastStatus };
}

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5)); // a hang guard of 30 s or more
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('MachineHost', () => {
  it('loads, runs, echoes typed bytes through UART RX, and reports the power-off', async () => {
    const m = start();
    expect(m.events[0]).toEqual({ type: 'ready' });
    m.host.handle({ type: 'load-elf', name: 'echo.elf', image: buildEcho() });
    expect(m.events).toContainEqual({ type: 'loaded', name: 'echo.elf', entry: 0x80000000 });
    expect(m.lastStatus()).toMatchObject({ state: 'paused', stop: null });
    m.host.handle({ type: 'run' });
    await until('the banner', () => m.uart().includes('ready\n'));
    m.host.handle({ type: 'uart-in', bytes: new TextEncoder().encode('hi there') });
    await until('the echo', () => m.uart().endsWith('hi there'));
    m.host.handle({ type: 'uart-in', bytes: new TextEncoder().encode('q') });
    await until('the power-off', () => m.lastStatus()?.type === 'status' && m.lastStatus()!.state === 'halted');
    expect(m.lastStatus()).toMatchObject({ stop: { reason: 'poweroff', exitCode: 0 } });
    for (const e of m.events) {
      if (e.type === 'uart-out') expect(e.bytes.byteLength).toBe(e.bytes.buffer.byteLength); // safe to transfer
    }
  });

  it('pauses a guest that never stops on its own, between two slices', async () => {
    const m = start();
    m.host.handle({ type: 'load-elf', name: 'echo.elf', image: buildEcho() });
    m.host.handle({ type: 'run' });
    await until('a few slices', () => m.events.filter((e) => e.type === 'registers').length >= 3);
    m.host.handle({ type: 'pause' });
    expect(m.lastStatus()).toMatchObject({ state: 'paused', stop: { reason: 'pause' } });
    const regs = m.events.filter((e) => e.type === 'registers').at(-1);
    const count = m.events.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(m.events.length).toBe(count); // nothing runs after Pause
    expect(regs).toMatchObject({ registers: { priv: 'M' } });
  });

  it('answers a file that is not an ELF with an error event, and carries on', () => {
    const m = start();
    m.host.handle({ type: 'load-elf', name: 'photo.png', image: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).buffer });
    expect(m.events.at(-1)).toEqual({ type: 'error', message: expect.stringContaining('"photo.png" is not an ELF file') });
    m.host.handle({ type: 'run' });
    expect(m.events.at(-1)).toEqual({ type: 'error', message: expect.stringContaining('load a RISC-V ELF') });
    m.host.handle({ type: 'load-elf', name: 'echo.elf', image: buildEcho() });
    expect(m.lastStatus()).toMatchObject({ state: 'paused' });
  });

  it('in real time, a 200 ms sleep of the guest waits for 200 ms of the wall clock; fast-forward skips it', async () => {
    // The host's wall clock is ours to move: what is checked is what the clock says, not how long the test took.
    let wallMs = 1000;
    const run = (speed: 'fast' | 'realtime') => {
      const events: MachineEvent[] = [];
      host?.dispose();
      host = new MachineHost(new Session(() => createVirtBoard()), { post: (e) => events.push(e) }, () => wallMs);
      host.handle({ type: 'load-elf', name: 'sleep.elf', image: buildAsm(SLEEP_200MS) });
      host.handle({ type: 'set-speed', mode: speed });
      host.handle({ type: 'run' });
      return () => events.some((e) => e.type === 'status' && e.state === 'halted');
    };
    const fastHalted = run('fast');
    await until('the power-off in fast-forward, the wall clock standing still', fastHalted);

    const halted = run('realtime');
    const start = wallMs;
    while (!halted() && wallMs - start < 2000) {
      wallMs += 5;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(halted(), 'the guest powers off in real time').toBe(true);
    expect(wallMs - start, 'the guest woke before 200 ms of wall time had passed').toBeGreaterThanOrEqual(200);
  });

  it('passes slow motion on to the session and reports the slowdown in force', () => {
    const m = start();
    m.host.handle({ type: 'load-elf', name: 'echo.elf', image: buildEcho() });
    m.host.handle({ type: 'set-speed', mode: 'realtime', slowdown: 10 });
    expect(m.lastStatus()).toMatchObject({ speed: 'realtime', slowdown: 10 });
    m.host.handle({ type: 'set-speed', mode: 'fast' });
    expect(m.lastStatus()).toMatchObject({ speed: 'fast', slowdown: 1 });
  });

  it('sends the trace in batches, many events per message, only while tracing is on', async () => {
    const m = start();
    m.host.handle({ type: 'load-elf', name: 'echo.elf', image: buildEcho() });
    m.host.handle({ type: 'run' });
    await until('the banner', () => m.uart().includes('ready\n'));
    expect(m.events.filter((e) => e.type === 'trace')).toEqual([]);
    m.host.handle({ type: 'set-trace', enabled: true });
    m.host.handle({ type: 'uart-in', bytes: new TextEncoder().encode('traced') });
    await until('the echo', () => m.uart().endsWith('traced'));
    m.host.handle({ type: 'pause' });
    const batches = m.events.flatMap((e) => (e.type === 'trace' ? [e.events] : []));
    const events = batches.flat();
    expect(events.filter((e) => e.kind === 'mmio').length).toBeGreaterThan(6); // at least the echoed bytes
    expect(batches.length).toBeLessThan(events.length / 10);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('waits for the terminal when it falls behind the guest output, and goes on once it catches up', async () => {
    const m = start();
    const sent = () => m.events.reduce((n, e) => n + (e.type === 'uart-out' ? e.bytes.length : 0), 0);
    m.host.handle({ type: 'load-elf', name: 'flood.elf', image: buildAsm(FLOOD) });
    m.host.handle({ type: 'run' });
    await until('a window of output', () => sent() > UART_WINDOW_BYTES);
    await new Promise((r) => setTimeout(r, 30));
    const before = sent();
    await new Promise((r) => setTimeout(r, 100));
    expect(sent()).toBe(before); // no acknowledgement: the machine waits
    expect(before).toBeLessThan(UART_WINDOW_BYTES * 2);
    expect(m.lastStatus()).toMatchObject({ state: 'running' });
    m.host.handle({ type: 'uart-ack', bytes: before });
    await until('more output', () => sent() > before);
  });
  it('compiles C in the worker: a program that builds is loaded and runs; one that does not keeps the old one', async () => {
    const m = start();
    const hello = 'static void put(const char *s)\n{\n\twhile (*s)\n\t\t*(volatile char *)0x10000000 = *s++;\n}\n\n'
      + 'int main(void)\n{\n\tput("built in the worker\\n");\n\treturn 3;\n}\n';
    m.host.handle({ type: 'compile', name: 'hello.c', source: hello, output: 'bare-metal-elf' });
    const compiled = m.events.find((e) => e.type === 'compiled');
    expect(compiled).toMatchObject({ name: 'hello.c', ok: true, diagnostics: [] });
    expect(m.events).toContainEqual({ type: 'loaded', name: 'hello.c', entry: 0x80000000 });

    m.host.handle({ type: 'compile', name: 'broken.c', source: 'int main(void) { return x; }', output: 'bare-metal-elf' });
    const failed = m.events.filter((e) => e.type === 'compiled').at(-1);
    expect(failed).toMatchObject({ name: 'broken.c', ok: false, diagnostics: [{ severity: 'error', line: 1, col: 25 }] });
    expect(m.events.filter((e) => e.type === 'loaded')).toHaveLength(1);
    expect(m.events.filter((e) => e.type === 'error')).toEqual([]);

    m.host.handle({ type: 'run' });
    await until('the power-off', () => m.lastStatus()?.type === 'status' && m.lastStatus()!.state === 'halted');
    expect(m.uart()).toBe('built in the worker\n');
    expect(m.lastStatus()).toMatchObject({ stop: { reason: 'poweroff', exitCode: 3 } });
  });

  it('sends the code around pc with its function and C lines, from the program it compiled', async () => {
    const m = start();
    const source = 'static int twice(int x)\n{\n\treturn x + x;\n}\n\nint main(void)\n{\n\tint y = twice(21);\n\treturn y - 42;\n}\n';
    m.host.handle({ type: 'compile', name: 'twice.c', source, output: 'bare-metal-elf' });
    const map = SourceMap.forProgram(buildProgram('twice.c', source, 'bare-metal-elf').elf!);
    const body = map.addressesOf('twice.c', 8)!.addresses[0];
    m.host.handle({ type: 'set-breakpoints', pcs: [body] });
    m.host.handle({ type: 'run' });
    await until('the breakpoint', () => m.lastStatus()?.type === 'status' && m.lastStatus()!.state === 'paused');
    const regs = m.events.filter((e) => e.type === 'registers').at(-1)!;
    expect(regs.type === 'registers' && regs.registers.pc).toBe(body);
    const code = regs.type === 'registers' ? regs.registers.code : [];
    const atPc = code.findIndex((l) => l.addr === body);
    expect(code[atPc].source).toEqual({ file: 'twice.c', line: 8, text: 'int y = twice(21);' });
    expect(code[0].function).toBe('main');
  });
});
