// The lessons' drivers (lessons/drivers/<project>/) and the solutions the
// autograder tests use (tests/lessons/solutions/): each builds as the page's
// Build & load builds its menu entry, loads into the real guest, replaces the
// stock driver, and does what its lesson says, both before the student's
// work (the skeleton) and after (the solution).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/protocol/trace-events.ts';
import { buildDriverSources } from '../../src/session/driver-build.ts';
import { exampleCatalog } from '../../src/worker/examples.ts';
import { GUEST_HEADERS } from '../../src/worker/guest-files.ts';
import { CTRL, ROOT, bootLessonGuest, buildLessonDriver, stockDriver, type LessonGuest } from './lesson-guest.ts';
import { lessonDriverPath, solutionPath } from './lesson-scenarios.ts';

const PROJECTS = readdirSync(join(ROOT, 'lessons/drivers')).sort();

/** The guest after Build & load of `file` over the stock driver. */
async function guestWith(file: string): Promise<LessonGuest> {
  const g = await bootLessonGuest(stockDriver());
  await g.reload(buildLessonDriver(file));
  return g;
}

const since = (g: LessonGuest, from: number): TraceEvent[] => g.trace.slice(from);
const named = (events: TraceEvent[], name: string): number => events.filter((e) => e.kind === 'kcall' && e.name === name).length;

describe('the lessons\' drivers in the example menu', () => {
  it.each(PROJECTS)('%s: a driver entry, module "stopwatch", with its own title, that builds as Build & load builds it', (project) => {
    const example = exampleCatalog().find((e) => e.id === project);
    expect(example, `lessons/drivers/${project} is in the menu`).toBeDefined();
    expect(example!.kind).toBe('driver');
    expect(example!.name).toBe('stopwatch'); // replaces the stock driver, and stopwatch_ctrl.sh drives it
    expect(example!.title).toMatch(/^Lesson \d: /);
    expect(example!.summary.length).toBeGreaterThan(20);
    expect(Object.keys(example!.files).sort()).toEqual(['stopwatch.c', 'stopwatch_hw-sw.h']);
    const built = buildDriverSources({ module: example!.name, main: example!.main, files: example!.files }, GUEST_HEADERS);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.ok).toBe(true);
    expect(built.module).toBe('stopwatch');
  });
});

describe('lesson 5: the show-path skeleton and its solution', () => {
  it('the bare skeleton loads, and show prints an empty line, with no UPDATE sent', async () => {
    const g = await guestWith(lessonDriverPath('show-path'));
    const from = g.trace.length;
    expect(await g.run(`${CTRL} show`)).toBe(0);
    expect(g.output).toBe('');
    expect(since(g, from).some((e) => e.kind === 'mmio' && e.valueName === 'UPDATE')).toBe(false);
  });

  it('the solution shows the time, and can be removed again', async () => {
    const g = await guestWith(solutionPath('show-path'));
    expect(await g.run(`${CTRL} show`)).toBe(0);
    expect(g.output).toMatch(/^\d+\.\d\d seconds\n$/);
    expect(await g.run('rmmod stopwatch')).toBe(0);
  });
});

describe('lesson 6: the price driver', () => {
  it('gives the same text through the trapped register (one exit per byte) and from shared memory (no exit after UPDATE)', async () => {
    const g = await guestWith(lessonDriverPath('price'));
    let from = g.trace.length;
    expect(await g.run('cat /sys/kernel/debug/stopwatch/trapped')).toBe(0);
    const trapped = g.output;
    const trappedExits = since(g, from).filter((e) => e.kind === 'vm-exit' && e.reg === 'status').length;
    from = g.trace.length;
    expect(await g.run('cat /sys/kernel/debug/stopwatch/shared')).toBe(0);
    const shared = g.output;
    const sharedExits = since(g, from).filter((e) => e.kind === 'vm-exit').length;
    expect(trapped).toMatch(/^\d+\.\d\d seconds\n$/);
    expect(shared).toMatch(/^\d+\.\d\d seconds\n$/);
    expect(trappedExits).toBe(trapped.length); // one per byte, the NUL's place included
    expect(sharedExits).toBe(1); // the UPDATE
    expect(await g.run(`${CTRL} show`)).toBe(0); // the stock file still works
    expect(g.output).toMatch(/seconds\n$/);
    expect(await g.run('rmmod stopwatch')).toBe(0);
  });
});

describe('lesson 7: the blocking-read skeleton and its solution', () => {
  it('the skeleton returns after the timeout interrupt, but wakes about fifty times to poll (msleep(10) is two jiffies)', async () => {
    const g = await guestWith(lessonDriverPath('blocking-read'));
    const from = g.trace.length;
    expect(await g.run('cat /sys/kernel/debug/stopwatch/wait')).toBe(0);
    expect(g.output).toBe('timeout 1\n');
    const events = since(g, from);
    expect(named(events, 'msleep')).toBeGreaterThan(40);
    expect(named(events, 'complete')).toBe(0);
  });

  it('the solution sleeps once on the completion and the handler wakes it; a second read works too', async () => {
    const g = await guestWith(solutionPath('blocking-read'));
    const from = g.trace.length;
    expect(await g.run('cat /sys/kernel/debug/stopwatch/wait; cat /sys/kernel/debug/stopwatch/wait')).toBe(0);
    expect(g.output).toBe('timeout 1\ntimeout 2\n');
    const events = since(g, from);
    expect(named(events, 'msleep')).toBe(0);
    expect(named(events, 'wait_for_completion_interruptible')).toBe(2);
    expect(named(events, 'complete')).toBe(2);
    expect(await g.run('rmmod stopwatch')).toBe(0);
  });
});
