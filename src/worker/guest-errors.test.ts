// With the stopwatch's on_error=log, a driver mistake is a logged guest error
// (QEMU's -d guest_errors), not a stop: the program runs to its end and the
// page hears of each error, in bounded batches. Programs are built with gcc.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_GUEST_ERRORS_PER_BATCH, type MachineEvent } from '../protocol/messages.ts';
import { createSessionBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { MachineHost } from './machine-host.ts';
import { buildBaremetal as buildProgram, gcc } from '../../tests/support/oracles.ts';

const OUT = mkdtempSync(join(tmpdir(), 'guest-errors-test-'));

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** tests/baremetal/NAME.c built as run-qemu.sh builds it. */
function buildBaremetal(name: string): ArrayBuffer {
  return toArrayBuffer(readFileSync(buildProgram(name, join(OUT, `${name}.elf`))));
}

// Writes the unknown command 99 to the stopwatch 1000 times, then powers off.
const ERR_LOOP = `
  .globl _start
_start:
  li t0, 0x04000090
  li t1, 99
  li t2, 1000
1: sw t1, 0(t0)
  addi t2, t2, -1
  bnez t2, 1b
  li t0, 0x100000
  li t1, 0x5555
  sw t1, 0(t0)
2: j 2b
`;

function buildAsm(name: string, source: string): ArrayBuffer {
  writeFileSync(join(OUT, `${name}.S`), source);
  gcc(['-nostdlib', '-nostartfiles',
    '-Wl,-N', '-Wl,--no-warn-rwx-segments', '-Wl,-Ttext=0x80000000', '-Wl,-e,_start', '-o', join(OUT, `${name}.elf`), join(OUT, `${name}.S`)]);
  return toArrayBuffer(readFileSync(join(OUT, `${name}.elf`)));
}

let host: MachineHost | null = null;
afterEach(() => host?.dispose());

function start() {
  const events: MachineEvent[] = [];
  host = new MachineHost(new Session(createSessionBoard), { post: (e) => events.push(e) });
  host.start();
  const uart = () => events.flatMap((e) => (e.type === 'uart-out' ? [new TextDecoder().decode(e.bytes)] : [])).join('');
  const lastStatus = () => events.filter((e) => e.type === 'status').at(-1);
  const guestErrors = () => events.flatMap((e) => (e.type === 'guest-errors' ? [e] : []));
  return { host, events, uart, lastStatus, guestErrors };
}

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

const halted = (m: ReturnType<typeof start>) => () => m.lastStatus()?.type === 'status' && (m.lastStatus() as { state: string }).state === 'halted';

describe('stopwatch guest errors in the worker', () => {
  it('by default (on_error=stop) an unknown command stops the machine with a device error', async () => {
    const m = start();
    m.host.handle({ type: 'load-elf', name: 'stopwatch_error.elf', image: buildBaremetal('stopwatch_error') });
    m.host.handle({ type: 'run' });
    await until('the stop', halted(m));
    expect(m.lastStatus()).toMatchObject({ stop: { reason: 'device-error', device: 'stopwatch' } });
    expect(m.uart()).not.toContain('not reached');
    expect(m.guestErrors()).toEqual([]);
  });

  it('with on_error=log the program runs to its end and the guest error reaches the event stream', async () => {
    const m = start();
    m.host.handle({ type: 'set-stopwatch-on-error', onError: 'log' });
    m.host.handle({ type: 'load-elf', name: 'stopwatch_error.elf', image: buildBaremetal('stopwatch_error') });
    m.host.handle({ type: 'run' });
    await until('the power-off', halted(m));
    expect(m.lastStatus()).toMatchObject({ stop: { reason: 'poweroff', exitCode: 0 } });
    expect(m.uart()).toBe('writing command 99\nnot reached\n');
    const batches = m.guestErrors();
    expect(batches).toHaveLength(1);
    expect(batches[0].more).toBe(0);
    expect(batches[0].messages).toHaveLength(1);
    expect(batches[0].messages[0]).toMatch(/command/);
    expect(batches[0].messages[0]).toContain('0x63'); // 99, the value written
  });

  it('switching on_error with a program loaded builds the board again and reloads the program, paused', async () => {
    const m = start();
    m.host.handle({ type: 'load-elf', name: 'stopwatch_error.elf', image: buildBaremetal('stopwatch_error') });
    m.host.handle({ type: 'run' });
    await until('the device error', halted(m));
    m.host.handle({ type: 'set-stopwatch-on-error', onError: 'log' });
    expect(m.events.filter((e) => e.type === 'loaded')).toHaveLength(2);
    expect(m.lastStatus()).toMatchObject({ state: 'paused', stop: null });
    m.host.handle({ type: 'run' });
    await until('the power-off', halted(m));
    expect(m.lastStatus()).toMatchObject({ stop: { reason: 'poweroff', exitCode: 0 } });
    expect(m.guestErrors().flatMap((b) => b.messages)).toHaveLength(1);

    m.host.handle({ type: 'set-stopwatch-on-error', onError: 'stop' });
    m.host.handle({ type: 'run' });
    await until('the device error again', halted(m));
    expect(m.lastStatus()).toMatchObject({ stop: { reason: 'device-error' } });
  });

  it('a guest that errs in a loop cannot flood the page: batches are bounded and count the rest', async () => {
    const m = start();
    m.host.handle({ type: 'set-stopwatch-on-error', onError: 'log' });
    m.host.handle({ type: 'load-elf', name: 'err-loop.elf', image: buildAsm('err-loop', ERR_LOOP) });
    m.host.handle({ type: 'run' });
    await until('the power-off', halted(m));
    expect(m.lastStatus()).toMatchObject({ stop: { reason: 'poweroff', exitCode: 0 } });
    const batches = m.guestErrors();
    for (const b of batches) expect(b.messages.length).toBeLessThanOrEqual(MAX_GUEST_ERRORS_PER_BATCH);
    expect(batches.reduce((n, b) => n + b.messages.length + b.more, 0)).toBe(1000);
    expect(batches.some((b) => b.more > 0)).toBe(true);
  });
});
