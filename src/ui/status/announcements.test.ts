import { describe, expect, it } from 'vitest';
import type { BuildDiagnostic } from '../../protocol/build.ts';
import { buildAnnouncement, runAnnouncement } from './announcements.ts';

const diag = (severity: 'error' | 'warning'): BuildDiagnostic =>
  ({ severity, message: 'm', file: 'a.c', line: 1, col: 1, length: 1, sourceLine: '', text: '' });

describe('live-region announcements', () => {
  it('say where the machine stopped and why', () => {
    expect(runAnnouncement({ runState: 'running', stop: null, pc: 0x80000000 })).toBe('Running');
    expect(runAnnouncement({ runState: 'paused', stop: { reason: 'breakpoint', pc: 0x80000010 }, pc: 0x80000010 }))
      .toBe('Paused at 0x80000010 (breakpoint)');
    expect(runAnnouncement({ runState: 'paused', stop: { reason: 'pause' }, pc: 0x8000002c })).toBe('Paused at 0x8000002c (Pause pressed)');
    expect(runAnnouncement({ runState: 'paused', stop: { reason: 'step', count: 1, waiting: false }, pc: 0x1004 }))
      .toBe('Paused at 0x00001004 (stepped 1 instruction)');
    expect(runAnnouncement({ runState: 'paused', stop: null, pc: 0x1000 })).toBe('Paused at 0x00001000');
    expect(runAnnouncement({ runState: 'empty', stop: null, pc: null })).toBe('');
  });

  it('say that the guest halted, and what to do', () => {
    expect(runAnnouncement({ runState: 'halted', stop: { reason: 'poweroff', exitCode: 3 }, pc: 0 }))
      .toBe('Guest halted: The guest powered the machine off with exit status 3. Press Reset to boot it again.');
  });

  it('say how a build went', () => {
    expect(buildAnnouncement({ name: 'fib.c', ok: true, diagnostics: [], buildMs: 5, keptProgram: null }))
      .toBe('Build of fib.c succeeded; the program is loaded and paused. Press F5 to run it.');
    expect(buildAnnouncement({ name: 'fib.c', ok: true, diagnostics: [diag('warning')], buildMs: 5, keptProgram: null }))
      .toMatch(/succeeded with 1 warning \(see the Build pane\)/);
    expect(buildAnnouncement({ name: 'bad.c', ok: false, diagnostics: [diag('error'), diag('error'), diag('warning')], buildMs: 5, keptProgram: 'echo.elf' }))
      .toBe('Build of bad.c failed: 2 errors and 1 warning. The Build pane shows where. echo.elf stays loaded.');
  });
});
