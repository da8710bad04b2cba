// The autograder: one lesson's check run headless on a student's driver, as
// `paravirt lesson check N --driver FILE.c` does for a course's CI. It does
// what a student does in the page, without the page: compile the driver with
// kernel-C, boot the guest, insmod the driver (as the lesson's module name, so
// the guest's scripts find its files), type the lesson's `grade` commands at
// the shell, then read the lesson's rules against what the machine did (its
// trace and the device's registers), with the same evaluateCheck the page's
// Check button uses. Every way a submission can go wrong ends in a report a
// student can act on: the compiler's diagnostics, insmod's error with the
// kernel log, the kernel's oops, or the command that never finished.

import type { CheckResult, Lesson, LessonEvidence } from '../../protocol/lessons/lesson.ts';
import { evaluateCheck } from '../../protocol/lessons/check.ts';
import { utf8Decode } from '../../guest/fs/bytes.ts';
import { strerror } from '../../guest/fs/errno.ts';
import { GuestSystem } from '../../guest/system.ts';
import { buildDriverSources, moduleNameOf } from '../driver-build.ts';
import { deviceEvidence } from '../../protocol/lessons/device-evidence.ts';
import { DeviceViewSource } from '../device-view.ts';
import { whyNotHeadless } from './headless.ts';
import { findKernelOops } from './kernel-oops.ts';
import { GuestStuck, RunWatch, DEFAULT_RUN_LIMITS, type RunLimits } from './run-watch.ts';
import { DEFAULT_MAX_KEPT_EVENTS, TraceKeeper } from './trace-keeper.ts';

/** The student's driver: its C file and the files beside it (headers it includes). */
export interface SubmittedDriver {
  /** The file compiled, a key of `files` ("stopwatch.c"). */
  main: string;
  files: Record<string, string>;
  /** The folder as the student named it, for the diagnostics ("submissions/ana"); '' for none. */
  dir?: string;
}

export interface GradeOptions {
  /** The guest's Linux headers by include path ("linux/module.h"). */
  headers: ReadonlyMap<string, string>;
  limits?: Partial<RunLimits>;
  /** Kept trace events at most (see trace-keeper.ts). */
  maxTraceEvents?: number;
  /** false: no translation into JavaScript (slower; the verdict is the same). */
  jit?: boolean;
}

/** Why the run did not get as far as a fair check. */
export type GradeProblem =
  | { kind: 'not-headless'; message: string }
  | { kind: 'compile'; message: string; diagnostics: string }
  | { kind: 'load'; message: string }
  | { kind: 'oops'; message: string; oops: string }
  | { kind: 'hung'; message: string }
  | { kind: 'halted'; message: string };

export interface CommandRun {
  command: string;
  /** Its exit status (null: it did not finish). */
  status: number | null;
  /** What it printed, stdout and stderr as the terminal shows them. */
  output: string;
}

export interface GradeReport {
  lesson: number;
  title: string;
  /** The module name the driver was inserted as. */
  module: string;
  /** Passed: every rule holds and nothing went wrong. */
  ok: boolean;
  problem: GradeProblem | null;
  /** The rules' results; null when the driver never ran (it did not compile or load). */
  check: CheckResult | null;
  commands: CommandRun[];
  /** The kernel log of the whole run (dmesg), and the part from the driver's insmod on. */
  kernelLog: string;
  driverLog: string;
  /** What the student should know about how the check was read (a cut trace). */
  notes: string[];
}

/** The folder the student's module file is put in, as the page's Build & load does (/root/stopwatch.ko). */
export const MODULE_DIR = '/root';

/** How GuestSystem.drive says the machine is gone (a poweroff, a reset, a panic), before the reason. */
const MACHINE_STOPPED = /^the guest machine stopped: /;

/** Output kept per command; a driver that prints without end would fill the memory. */
const MAX_OUTPUT = 64 * 1024;
const MAX_LOG_LINES = 20_000;

/** The kernel's log lines, capped. */
class LogLines {
  readonly lines: string[] = [];
  dropped = 0;
  add(line: string): void {
    if (this.lines.length < MAX_LOG_LINES) this.lines.push(line.endsWith('\n') ? line : `${line}\n`);
    else this.dropped++;
  }
  since(mark: number): string[] {
    return this.lines.slice(mark);
  }
  text(mark = 0): string {
    return this.since(mark).join('') + (this.dropped ? `[… ${this.dropped} more lines not kept]\n` : '');
  }
}

/** What a command printed, capped, as bytes until it ends (a UTF-8 character may be split across two writes). */
class PrintedBytes {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private cut = false;
  add(b: Uint8Array): void {
    if (this.size + b.length > MAX_OUTPUT) {
      this.cut = true;
      b = b.subarray(0, Math.max(0, MAX_OUTPUT - this.size));
    }
    this.chunks.push(b.slice());
    this.size += b.length;
  }
  take(): string {
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) { all.set(c, at); at += c.length; }
    const text = utf8Decode(all) + (this.cut ? '\n[… output cut: the command printed more than 64 KiB]\n' : '');
    this.chunks = [];
    this.size = 0;
    this.cut = false;
    return text;
  }
}

export async function gradeLesson(lesson: Lesson, driver: SubmittedDriver, options: GradeOptions): Promise<GradeReport> {
  const module = moduleNameOf(lesson.module ?? driver.main.replace(/^.*\//, ''));
  const report: GradeReport = {
    lesson: lesson.number, title: lesson.title, module, ok: false, problem: null, check: null, commands: [], kernelLog: '', driverLog: '', notes: [],
  };
  const notHeadless = whyNotHeadless(lesson);
  if (notHeadless) {
    report.problem = { kind: 'not-headless', message: `lesson ${lesson.number} is checked in the page: ${notHeadless}` };
    return report;
  }
  const built = buildDriverSources({ module, main: driver.main, files: driver.files }, options.headers, { dir: driver.dir ?? '' });
  if (!built.ok || !built.object) {
    const errors = built.diagnostics.filter((d) => d.severity === 'error').length;
    report.problem = {
      kind: 'compile', diagnostics: built.diagnostics.map((d) => d.text).join('\n'),
      message: `your driver does not compile (${errors} error${errors === 1 ? '' : 's'}), so it was not run`,
    };
    return report;
  }
  await runGuest(lesson, built.object, report, options);
  return report;
}

/** Boots, loads, runs the commands and checks; fills `report`. */
async function runGuest(lesson: Lesson, object: Uint8Array, report: GradeReport, options: GradeOptions): Promise<void> {
  const log = new LogLines();
  const printed = new PrintedBytes();
  const print = (b: Uint8Array): void => printed.add(b);
  const keeper = new TraceKeeper(lesson.check, options.maxTraceEvents ?? DEFAULT_MAX_KEPT_EVENTS);
  let watch: RunWatch | null = null;
  const sys: GuestSystem = new GuestSystem({
    jit: options.jit, stdout: print, stderr: print, console: (line) => log.add(line),
    onSlices: () => { keeper.settle(); watch?.check(); },
  });
  watch = new RunWatch({
    nowNs: () => sys.board.clock.nowNs(),
    instret: () => sys.board.cpu.instret,
    sleepsForever: () => !sys.kernel.hasRunnable && sys.board.clock.nextDeadlineNs() === Infinity
      && (sys.kernel.live === null || sys.kernel.live === sys.kernel.idle),
  }, { ...DEFAULT_RUN_LIMITS, ...options.limits });
  const tracer = sys.board.tracer;
  // Every event reaches the keeper as it is recorded: the ring alone would drop
  // the oldest during a long command, and the verdict would depend on when it was drained.
  tracer.watcher = (e) => keeper.record(e);
  tracer.enabled = true;
  let driverMark = 0;
  let loaded = false;
  try {
    watch.begin('booting');
    await sys.boot();
    driverMark = log.lines.length;
    loaded = await load(sys, watch, report, object, log);
    if (!loaded) return;
    printed.take(); // anything printed before the first command is not its output
    for (const command of lesson.grade!.commands) {
      const run: CommandRun = { command, status: null, output: '' };
      report.commands.push(run);
      const mark = log.lines.length;
      watch.begin(`\`${command}\``);
      try {
        run.status = await sys.execute(command);
      } finally {
        run.output = printed.take();
      }
      const oops = findKernelOops(log.since(mark));
      if (oops) {
        report.problem = { kind: 'oops', message: `the kernel caught a fault in your driver while running \`${command}\``, oops };
        break;
      }
      if (sys.shellKernel.power !== 'on') {
        // As at a real prompt: after poweroff or reboot nothing more is typed.
        const rest = lesson.grade!.commands.length - report.commands.length;
        if (rest > 0) report.notes.push(`\`${command}\` turned the guest ${sys.shellKernel.power === 'off' ? 'off' : 'to reboot'}: the ${rest} command${rest === 1 ? '' : 's'} after it did not run`);
        break;
      }
    }
  } catch (e) {
    if (e instanceof GuestStuck) report.problem = { kind: 'hung', message: e.message };
    else if (e instanceof Error && MACHINE_STOPPED.test(e.message)) {
      report.problem = { kind: 'halted', message: `the guest machine stopped while running ${watch.step} (${e.message.replace(MACHINE_STOPPED, '')})` };
    } else throw e; // not the guest's doing: a bug of the playground, which must not pass for a failed submission
  } finally {
    tracer.watcher = null;
    tracer.enabled = false;
    report.kernelLog = log.text();
    report.driverLog = log.text(driverMark);
  }
  if (!loaded) return; // the driver never ran: no rule can say more than the problem does
  const evidence: LessonEvidence = { trace: keeper.trace, stops: [], device: deviceEvidence(new DeviceViewSource(sys.board).view()) };
  report.check = evaluateCheck(lesson.check, evidence);
  report.ok = report.check.ok && report.problem === null;
  if (keeper.cut > 0) {
    report.notes.push(`the run made more events than the autograder keeps (${keeper.trace.length.toLocaleString('en-US')} of those the rules look at were kept, `
      + `${keeper.cut.toLocaleString('en-US')} later ones were not): the check read the first part of the run`);
  }
}

/** insmod of the student's driver; false (and the problem set) if it did not load. */
async function load(sys: GuestSystem, watch: RunWatch, report: GradeReport, object: Uint8Array, log: LogLines): Promise<boolean> {
  const mark = log.lines.length;
  // Where the page's Build & load leaves the module: a lesson's commands can
  // rmmod it and insmod it again, as a student pressing Build & load does.
  sys.vfs.mkdirp(MODULE_DIR);
  sys.vfs.writeFile(`${MODULE_DIR}/${report.module}.ko`, object);
  watch.begin(`\`insmod ${report.module}.ko\``);
  const r = await sys.drive(sys.modules.insmod(report.module, object, ''));
  const oops = findKernelOops(log.since(mark));
  if (oops) {
    report.problem = { kind: 'oops', message: `the kernel caught a fault in your driver while loading it (insmod ${report.module}.ko)`, oops };
    return false;
  }
  if (r < 0) {
    report.problem = { kind: 'load', message: `your driver does not load: insmod: can't insert '${report.module}.ko': ${strerror(-r)}` };
    return false;
  }
  return true;
}
