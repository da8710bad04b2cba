// Which machine the worker's commands reach: the guest the page boots, kept
// through a file that is not a program and a C file that does not compile,
// and given up only when a bare-metal program has loaded; the editor's
// breakpoints on C lines, set while the guest runs, stop the program loaded after it.
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import { createSessionBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { exampleCatalog } from './examples.ts';
import { FrontEnds } from './front-ends.ts';
import { GUEST_HEADERS } from './guest-files.ts';
import { GuestHost } from './guest-host.ts';
import { MachineHost } from './machine-host.ts';

let machine: FrontEnds | null = null;
afterEach(() => {
  machine?.dispose();
  machine = null;
});

function worker() {
  const events: MachineEvent[] = [];
  let screen = '';
  const stopwatch = exampleCatalog().find((e) => e.id === 'stopwatch')!;
  machine = new FrontEnds({
    post: (event) => {
      events.push(event);
      if (event.type === 'uart-out') screen += new TextDecoder().decode(event.bytes);
    },
  }, {
    guest: (port) => new GuestHost(port, { headers: GUEST_HEADERS, defaultDriver: { module: stopwatch.name, main: stopwatch.main, files: stopwatch.files } }),
    bareMetal: (port) => new MachineHost(new Session(createSessionBoard), port),
  });
  const m = machine;
  const send = (c: MachineCommand) => m.handle(c);
  const until = async (done: () => boolean, what: string) => {
    for (let t0 = Date.now(); !done();) {
      if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}:\n${screen}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { m, events, send, until, screen: () => screen };
}

describe('the worker\'s two front ends', () => {
  it('keeps the guest through a bad file and a failed compile, and gives it up for a program that loads', async () => {
    const w = worker();
    w.m.start();
    expect(w.events[0]).toEqual({ type: 'ready' });
    w.send({ type: 'boot-guest', driver: null });
    expect(w.m.mode).toBe('guest');
    await w.until(() => w.screen().endsWith('/ # '), 'the prompt');

    w.send({ type: 'load-elf', name: 'notes.txt', image: new TextEncoder().encode('my notes\n').buffer as ArrayBuffer });
    expect(w.events.at(-1)).toMatchObject({ type: 'error' });
    w.send({ type: 'compile', name: 'bad.c', source: 'int main(void) { return x; }\n', output: 'bare-metal-elf' });
    expect(w.events.some((e) => e.type === 'compiled' && !e.ok)).toBe(true);
    expect(w.m.mode).toBe('guest');
    expect(w.events.filter((e) => e.type === 'status').at(-1)).toMatchObject({ state: 'running' });
    w.send({ type: 'uart-in', bytes: new TextEncoder().encode('echo still\r') });
    await w.until(() => w.screen().endsWith('still\r\n/ # '), 'the guest to answer');

    w.send({ type: 'compile', name: 'ok.c', source: 'int main(void) { return 3; }\n', output: 'bare-metal-elf' });
    expect(w.m.mode).toBe('bare-metal');
    expect(w.m.guest.system).toBeNull();
    expect(w.events.filter((e) => e.type === 'status').at(-1)).toMatchObject({ state: 'paused' });
    w.send({ type: 'run' });
    await w.until(() => w.events.some((e) => e.type === 'status' && e.state === 'halted'), 'the program to end');
    expect(w.events.filter((e) => e.type === 'status').at(-1)).toMatchObject({ stop: { reason: 'poweroff', exitCode: 3 } });
  });

  it('places C-line breakpoints set while the guest ran in the bare-metal program built after it, and tells the page only the shown machine\'s lines', async () => {
    const w = worker();
    w.m.start();
    w.send({ type: 'boot-guest', driver: null });
    await w.until(() => w.screen().endsWith('/ # '), 'the prompt');
    const hello = exampleCatalog().find((e) => e.id === 'hello')!;
    const line = hello.files['hello.c'].split('\n').findIndex((l) => l.includes('uart_putdec')) + 1;
    w.send({ type: 'set-source-breakpoints', file: 'hello.c', lines: [line] });
    // The guest's driver has no hello.c: its answer (no lines) is the page's; the bare-metal host's is not sent.
    expect(w.events.filter((e) => e.type === 'breakpoints-resolved')).toEqual([{ type: 'breakpoints-resolved', file: 'hello.c', lines: [] }]);
    w.send({ type: 'compile', name: 'hello.c', source: hello.files['hello.c'], output: 'bare-metal-elf', files: hello.files });
    expect(w.m.mode).toBe('bare-metal');
    expect(w.events.filter((e) => e.type === 'breakpoints-resolved').at(-1)).toEqual({ type: 'breakpoints-resolved', file: 'hello.c', lines: [line] });
    w.send({ type: 'run' });
    await w.until(() => w.events.some((e) => e.type === 'status' && e.state === 'paused' && e.stop?.reason === 'breakpoint'), 'the breakpoint');
    expect(w.events.filter((e) => e.type === 'source-location').at(-1)).toMatchObject({ location: { file: 'hello.c', line, function: 'main' } });
  });
});
