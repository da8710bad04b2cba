// Every example in the page's menu builds, and the bare-metal ones run on the
// board and print what their comments promise (the drivers' builds and runs
// are the guest tests' business; here they must at least compile).

import { describe, expect, it } from 'vitest';
import { buildAndLoad } from '../session/build.ts';
import { createVirtBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { exampleCatalog } from './examples.ts';

function run(session: Session, input = ''): { output: string; exitCode: number | null } {
  session.start(0);
  if (input) session.sendUartInput(new TextEncoder().encode(input), 0);
  let output = '';
  for (let i = 0; i < 2_000 && session.state === 'running'; i++) {
    session.runSlice(100_000, 0);
    output += Buffer.from(session.takeUartOutput()).toString('latin1');
  }
  const stop = session.stop;
  return { output, exitCode: stop?.reason === 'poweroff' ? stop.exitCode : null };
}

function buildExample(id: string): Session {
  const example = exampleCatalog().find((e) => e.id === id)!;
  const session = new Session(() => createVirtBoard());
  const build = buildAndLoad(session, example.main, example.files[example.main], 'bare-metal-elf', example.files);
  expect(build.diagnostics.map((d) => d.text)).toEqual([]);
  expect(build.entry).not.toBeNull();
  return session;
}

describe('the example menu', () => {
  it('offers the stopwatch driver first, then the second driver, the never-ACK driver, three bare-metal programs and the lessons\' drivers', () => {
    const catalog = exampleCatalog();
    expect(catalog.map((e) => e.id)).toEqual(['stopwatch', 'stopwatch-misc', 'stopwatch-noack', 'hello', 'echo', 'stopwatch-mmio', 'blocking-read', 'price', 'show-path']);
    for (const e of catalog) expect(Object.keys(e.files)).toContain(e.main);
  });

  it('bare-metal hello: several files, includes resolved, uart.c linked in', () => {
    const r = run(buildExample('hello'));
    expect(r.output).toBe('Hello from bare metal on the virt board!\n2 + 40 = 42\n');
    expect(r.exitCode).toBe(0);
  });

  it('bare-metal echo: writes back what is typed, Ctrl-D powers off', () => {
    const r = run(buildExample('echo'), 'hi\r\x04');
    expect(r.output).toBe('echo: type something (Ctrl-D powers the board off)\nhi\n\nbye\n');
    expect(r.exitCode).toBe(0);
  });

  it('stopwatch by MMIO: the device answers commands and fills the shared buffer', () => {
    const r = run(buildExample('stopwatch-mmio'));
    expect(r.output).toMatch(/^stopwatch by MMIO: .*\nreset -> reset\nstart -> running\nupdate -> running\n {2}buffer: "[^"]+"\npause -> paused\nupdate -> paused\n/);
    expect(r.exitCode).toBe(0);
  });

  it('a build error in a linked-in file is reported against that file', () => {
    const example = exampleCatalog().find((e) => e.id === 'hello')!;
    const files: Record<string, string> = { ...example.files, 'uart.c': example.files['uart.c'].replace('uart_putc(*s++);', 'uart_putc(*s++)') };
    const session = new Session(() => createVirtBoard());
    const build = buildAndLoad(session, 'hello.c', files['hello.c'], 'bare-metal-elf', files);
    expect(build.entry).toBeNull();
    expect(build.diagnostics[0].file).toBe('uart.c');
  });
});
