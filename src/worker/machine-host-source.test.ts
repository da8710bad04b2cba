// The bare-metal host stepping a program by C lines, through the protocol as
// the page drives it: the editor's breakpoint on a line of uart.c (set before
// the build) is placed once "hello" is built, the run stops there and the page
// is told the line; Step out and Step line move through uart.c and hello.c;
// in "stopwatch-mmio", Step into command() and Step line over its trapping
// write; and in "echo", Pause stops a step over uart_getc() that waits for a key.
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import { createVirtBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { exampleCatalog } from './examples.ts';
import { MachineHost } from './machine-host.ts';

type Event<T extends MachineEvent['type']> = Extract<MachineEvent, { type: T }>;

let host: MachineHost | null = null;
afterEach(() => host?.dispose());

function start() {
  const events: MachineEvent[] = [];
  const h = host = new MachineHost(new Session(() => createVirtBoard()), { post: (e) => events.push(e) });
  h.start();
  const last = <T extends MachineEvent['type']>(type: T) => events.filter((e): e is Event<T> => e.type === type).at(-1);
  const send = (c: MachineCommand) => h.handle(c);
  /** Where the paused hart is, as the editor would show it ("file:line function"), or why it is not paused. */
  const stoppedAt = () => {
    const s = last('status');
    if (s?.state !== 'paused') return `not paused (${s?.state})`;
    const at = last('source-location')?.location;
    return at ? `${at.file}:${at.line} ${at.function}` : 'no C line';
  };
  return { events, last, send, stoppedAt };
}

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5)); // a hang guard of 30 s or more
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

function example(id: string) {
  const e = exampleCatalog().find((x) => x.id === id)!;
  const lineOf = (file: string, needle: string) => e.files[file].slice(0, e.files[file].indexOf(needle)).split('\n').length;
  const compile: MachineCommand = { type: 'compile', name: e.main, source: e.files[e.main], output: 'bare-metal-elf', files: e.files };
  return { lineOf, compile };
}

describe('stepping a bare-metal example by C lines in the worker', () => {
  it('places the editor\'s breakpoint in uart.c at build, stops there, and steps out to uart_puts and main', async () => {
    const m = start();
    const hello = example('hello');
    const thr = hello.lineOf('uart.c', 'UART0[UART_THR] = (uint8_t)c;');
    const puts = hello.lineOf('uart.c', 'while (*s) uart_putc(*s++);');
    const first = hello.lineOf('hello.c', 'uart_puts("Hello');
    m.send({ type: 'set-source-breakpoints', file: 'uart.c', lines: [thr] });
    expect(m.last('breakpoints-resolved')).toBeUndefined(); // no program yet
    m.send(hello.compile);
    expect(m.last('breakpoints-resolved')).toEqual({ type: 'breakpoints-resolved', file: 'uart.c', lines: [thr] });
    m.send({ type: 'run' });
    await until('the breakpoint', () => m.stoppedAt() === `uart.c:${thr} uart_putc`);
    expect(m.last('status')!.stop).toMatchObject({ reason: 'breakpoint' });
    m.send({ type: 'set-source-breakpoints', file: 'uart.c', lines: [] });

    m.send({ type: 'step-source', how: 'out' });
    await until('the return to uart_puts', () => m.stoppedAt() === `uart.c:${puts} uart_puts`);
    expect(m.last('status')!.stop).toMatchObject({ reason: 'source-step', message: `Returned to the caller. Now in uart_puts, uart.c:${puts}.` });
    m.send({ type: 'step-source', how: 'out' });
    // The call is the last instruction of line 7: it returns to the start of line 8, as gdb's finish shows.
    await until('the return to main', () => m.stoppedAt() === `hello.c:${first + 1} main`);
    m.send({ type: 'step-source', how: 'line' });
    await until('the next line of main', () => m.stoppedAt() === `hello.c:${first + 2} main`);
    // Running clears the line; the program prints and powers off, and the page is shown where.
    m.send({ type: 'run' });
    expect(m.last('source-location')?.location).toBeNull();
    await until('the power-off', () => m.last('status')?.state === 'halted');
    expect(m.last('source-location')?.location).toMatchObject({ file: 'uart.c', function: 'power_off' });
  });

  it('steps into command() of stopwatch-mmio and over its trapping write to the device', async () => {
    const m = start();
    const demo = example('stopwatch-mmio');
    const reset = demo.lineOf('stopwatch-demo.c', 'command(STOPWATCH_ACTION_RESET, "reset");');
    const write = demo.lineOf('stopwatch-demo.c', 'STOPWATCH_REGS->command = action;');
    m.send({ type: 'set-source-breakpoints', file: 'stopwatch-demo.c', lines: [reset] });
    m.send(demo.compile);
    m.send({ type: 'run' });
    await until('the breakpoint', () => m.stoppedAt() === `stopwatch-demo.c:${reset} main`);
    m.send({ type: 'step-source', how: 'into' });
    await until('the first line of command()', () => m.stoppedAt() === `stopwatch-demo.c:${write} command`);
    m.send({ type: 'step-source', how: 'line' });
    await until('the line after the write', () => m.stoppedAt() === `stopwatch-demo.c:${write + 1} command`);
  });

  it('Pause stops a step over uart_getc() that waits for a key, in uart_getc, and says so', async () => {
    const m = start();
    const echo = example('echo');
    const getc = echo.lineOf('echo.c', 'char c = uart_getc();');
    const poll = echo.lineOf('uart.c', 'while (!(UART0[UART_LSR] & UART_LSR_DR))');
    m.send({ type: 'set-source-breakpoints', file: 'echo.c', lines: [getc] });
    m.send(echo.compile);
    m.send({ type: 'run' });
    await until('the breakpoint', () => m.stoppedAt() === `echo.c:${getc} main`);
    m.send({ type: 'step-source', how: 'line' });
    await new Promise((r) => setTimeout(r, 50));
    expect(m.last('status')!.state).toBe('running'); // no key: the step waits
    m.send({ type: 'pause' });
    expect(m.stoppedAt()).toMatch(new RegExp(`^uart\\.c:(${poll}|${poll + 1}) uart_getc$`));
    expect(m.last('status')!.stop).toMatchObject({ reason: 'source-step', message: expect.stringMatching(/^Paused during Step line: the hart is in uart_getc, uart\.c:\d+\. The step is dropped/) });
  });
});
