// What a student does in each lesson, played on the real guest: `pass` does
// every step, `fail` leaves one out. scripts/record-lesson-traces.ts records
// their evidence for the check tests; the scenarios are the lessons' steps in
// code, so reading one tells what a lesson's check expects to see.

import { join } from 'node:path';
import type { TraceEvent } from '../../src/protocol/trace-events.ts';
import type { LessonEvidence } from '../../src/protocol/lessons/lesson.ts';
import type { GuestModuleObject } from '../../src/guest/system.ts';
import { CTRL, ROOT, bootLessonGuest, buildLessonDriver, lastSeq, stockDriver, type LessonGuest } from './lesson-guest.ts';

export interface Scenario {
  about: string;
  run(): Promise<LessonEvidence>;
}

export interface LessonScenarios {
  lesson: number;
  pass: Scenario;
  fail: Scenario;
}

export const lessonDriverPath = (project: string, module = 'stopwatch'): string => join(ROOT, 'lessons/drivers', project, `${module}.c`);
export const solutionPath = (project: string): string => join(ROOT, 'tests/lessons/solutions', `${project}.c`);
const noAckDriver = (): GuestModuleObject => buildLessonDriver(join(ROOT, 'examples/drivers/stopwatch-noack/stopwatch_noack.c'));

/**
 * The guest stops at `pc` (a store the lesson asks about) the first time it
 * gets there, as a breakpoint does in the page; the student then steps one
 * instruction. Both stops are recorded as the page records them.
 */
async function bootWithStepAt(driver: GuestModuleObject, findPc: (g: LessonGuest) => Promise<number>): Promise<LessonGuest> {
  const probe = await bootLessonGuest(driver);
  const pc = await findPc(probe);
  const g = await bootLessonGuest(driver, (guest, at) => {
    const cpu = guest.sys.board.cpu;
    guest.stops.push({ pc: at, cause: 'breakpoint', lastSeq: lastSeq(guest) });
    cpu.breakpoints.delete(at);
    cpu.resumeOverBreakpoint();
    guest.sys.board.run(1); // Step instruction
    guest.drain();
    guest.stops.push({ pc: cpu.pc >>> 0, cause: 'step', lastSeq: lastSeq(guest) });
  });
  g.sys.board.cpu.breakpoints.add(pc);
  return g;
}

/** The pc of the first event after `from` that `match` accepts (where the guest made it). */
function pcOf(trace: readonly TraceEvent[], from: number, match: (e: TraceEvent) => boolean): number {
  const e = trace.slice(from).find(match);
  if (e?.pc === undefined) throw new Error('the scenario did not make the event it looks for');
  return e.pc;
}

const isTrappedCommand = (name: string) => (e: TraceEvent): boolean =>
  e.kind === 'mmio' && e.access === 'trap' && e.op === 'write' && e.reg === 'command' && e.valueName === name;

/**
 * A storm is some 80,000 events; the check needs its start and the kernel's
 * verdict. The rounds between are left out (a gap in seq, as when the page's
 * ring drops events).
 */
function elideStorm(trace: TraceEvent[], from: number): TraceEvent[] {
  const first = trace.findIndex((e, i) => i >= from && e.kind === 'kcall' && e.into === 'irq-handler');
  const verdict = trace.findIndex((e) => e.kind === 'printk' && /interrupt storm/.test(e.text));
  if (first < 0 || verdict < 0) return trace;
  return [...trace.slice(0, first + 60), ...trace.slice(verdict - 30)];
}

async function bootAndReload(): Promise<LessonGuest> {
  const g = await bootLessonGuest(stockDriver());
  await g.reload(stockDriver()); // Build & load: remove, then probe again
  return g;
}

export const lessonScenarios: LessonScenarios[] = [
  {
    lesson: 1,
    pass: {
      about: 'boot; Build & load the stock driver (rmmod, insmod: remove and probe); stopwatch_ctrl.sh start',
      async run() {
        const g = await bootAndReload();
        await g.run(`${CTRL} start`);
        return g.evidence();
      },
    },
    fail: {
      about: 'boot; Build & load the stock driver; the stopwatch is not started again (status RESET)',
      async run() {
        return (await bootAndReload()).evidence();
      },
    },
  },
  {
    lesson: 2,
    pass: {
      about: 'breakpoint on the store to `command`; stopwatch_ctrl.sh pause stops there; one Step instruction over the store',
      async run() {
        const g = await bootWithStepAt(stockDriver(), async (p) => {
          const from = p.trace.length;
          await p.run(`${CTRL} pause`);
          return pcOf(p.trace, from, isTrappedCommand('PAUSE'));
        });
        await g.run(`${CTRL} pause`);
        return g.evidence();
      },
    },
    fail: {
      about: 'stopwatch_ctrl.sh pause with no breakpoint: the store ran, but nobody stopped on it',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.run(`${CTRL} pause`);
        return g.evidence();
      },
    },
  },
  {
    lesson: 3,
    pass: {
      about: 'stopwatch_ctrl.sh show (UPDATE, then the text copied out of shared memory), then one read of status',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.run(`${CTRL} show`);
        await g.run('cat /sys/module/stopwatch/parameters/stopwatch_status');
        return g.evidence();
      },
    },
    fail: {
      about: 'only status is read; show never runs',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.run('cat /sys/module/stopwatch/parameters/stopwatch_status');
        return g.evidence();
      },
    },
  },
  {
    lesson: 4,
    pass: {
      about: 'stock driver: timeout 1, the handler ACKs; then stopwatch-noack Build & load, timeout 1: the storm and the kernel disabling the line (storm rounds elided)',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.run(`${CTRL} timeout 1; sleep 2`);
        await g.reload(noAckDriver());
        const from = g.trace.length;
        await g.run(`${CTRL} timeout 1; sleep 2`);
        const e = g.evidence();
        return { ...e, trace: elideStorm(g.trace, from) };
      },
    },
    fail: {
      about: 'stock driver only: timeout 1 is handled and ACKed; the broken driver was never tried, so no storm',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.run(`${CTRL} timeout 1; sleep 2`);
        return g.evidence();
      },
    },
  },
  {
    lesson: 5,
    pass: {
      about: 'the completed skeleton (tests/lessons/solutions/show-path.c) built and loaded; stopwatch_ctrl.sh show prints the time',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.reload(buildLessonDriver(solutionPath('show-path')));
        await g.run(`${CTRL} show`);
        return g.evidence();
      },
    },
    fail: {
      about: 'the bare skeleton (lessons/drivers/show-path) built and loaded; show prints an empty line',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.reload(buildLessonDriver(lessonDriverPath('show-path')));
        await g.run(`${CTRL} show`);
        return g.evidence();
      },
    },
  },
  {
    lesson: 6,
    pass: {
      about: 'the price driver built and loaded; the trapped file read, then the shared file',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.reload(buildLessonDriver(lessonDriverPath('price')));
        await g.run('cat /sys/kernel/debug/stopwatch/trapped');
        await g.run('cat /sys/kernel/debug/stopwatch/shared');
        return g.evidence();
      },
    },
    fail: {
      about: 'the price driver built and loaded; only the shared file read',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.reload(buildLessonDriver(lessonDriverPath('price')));
        await g.run('cat /sys/kernel/debug/stopwatch/shared');
        return g.evidence();
      },
    },
  },
  {
    lesson: 7,
    pass: {
      about: 'the skeleton read first (it polls), then the solution (tests/lessons/solutions/blocking-read.c) built, loaded and read: it sleeps on the completion',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.reload(buildLessonDriver(lessonDriverPath('blocking-read')));
        await g.run('cat /sys/kernel/debug/stopwatch/wait');
        await g.reload(buildLessonDriver(solutionPath('blocking-read')));
        await g.run('cat /sys/kernel/debug/stopwatch/wait');
        return g.evidence();
      },
    },
    fail: {
      about: 'the skeleton (lessons/drivers/blocking-read) built, loaded and read: it polls with msleep',
      async run() {
        const g = await bootLessonGuest(stockDriver());
        await g.reload(buildLessonDriver(lessonDriverPath('blocking-read')));
        await g.run('cat /sys/kernel/debug/stopwatch/wait');
        return g.evidence();
      },
    },
  },
];
