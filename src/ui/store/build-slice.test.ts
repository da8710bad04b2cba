// "Open program…" compiles a .c file in the worker and loads anything else as
// an ELF; a failed build remembers which program stays loaded. Checked without
// a browser, the worker replaced by the list of commands it would receive.

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

function storeWithFakeWorker() {
  const sent: MachineCommand[] = [];
  const store = create<PlaygroundState>()(playgroundState((c) => sent.push(c)));
  return { store, sent };
}

const error = { severity: 'error', message: "'x' undeclared", file: 'bad.c', line: 1, col: 25, length: 1, sourceLine: 'int main(void) { return x; }', text: 'bad.c:1:25: error: …' } as const;

describe('build slice', () => {
  it('sends a .c file to the worker as source to compile, and an ELF as an image to load', async () => {
    const { store, sent } = storeWithFakeWorker();
    await store.getState().openProgramFile(new File(['int main(void) { return 0; }\n'], 'Main.C'));
    expect(sent).toEqual([{ type: 'compile', name: 'Main.C', source: 'int main(void) { return 0; }\n', output: 'bare-metal-elf' }]);
    expect(store.getState().building).toBe('Main.C');
    await store.getState().openProgramFile(new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46])], 'prog.elf'));
    expect(sent[1]).toMatchObject({ type: 'load-elf', name: 'prog.elf' });
  });

  it('after a failed build, says which program stays loaded; a good build replaces the report', () => {
    const { store } = storeWithFakeWorker();
    const s = store.getState();
    s.receive({ type: 'loaded', name: 'echo.elf', entry: 0x80000000 });
    s.receive({ type: 'compiled', name: 'bad.c', ok: false, diagnostics: [error], buildMs: 4 });
    expect(store.getState().build).toEqual({ name: 'bad.c', ok: false, diagnostics: [error], buildMs: 4, keptProgram: 'echo.elf' });
    expect(store.getState().programName).toBe('echo.elf');
    s.receive({ type: 'compiled', name: 'good.c', ok: true, diagnostics: [], buildMs: 9 });
    s.receive({ type: 'loaded', name: 'good.c', entry: 0x80000000 });
    expect(store.getState()).toMatchObject({ building: null, programName: 'good.c', build: { name: 'good.c', ok: true, keptProgram: null } });
  });

  it('refuses a source far too big to be a program for the playground', async () => {
    const { store, sent } = storeWithFakeWorker();
    await store.getState().openProgramFile(new File([new Uint8Array(2 * 1024 * 1024)], 'huge.c'));
    expect(sent).toEqual([]);
    expect(store.getState().error).toMatch(/"huge\.c" is 2048 KiB: too big/);
  });
});
