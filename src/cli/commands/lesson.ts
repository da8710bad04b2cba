// `paravirt lesson`: the lessons from the command line. `list` shows them;
// `check N --driver FILE.c` grades a student's driver against lesson N
// headless (src/session/lessons/grade.ts) and exits 0 when it passes, 1 when
// it does not, so a course can grade submissions in CI. Exit 2 is kept for a
// grading command that cannot be used as given (a bad option, an unknown
// lesson, a lesson only the page can check, a broken lessons folder): the
// teacher's mistake, never a student's failed submission.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LessonFileError } from '../../protocol/lessons/front-matter.ts';
import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { gradeLesson, type GradeReport, type SubmittedDriver } from '../../session/lessons/grade.ts';
import { whyNotHeadless } from '../../session/lessons/headless.ts';
import { reportText } from '../../session/lessons/report-text.ts';
import { DEFAULT_RUN_LIMITS } from '../../session/lessons/run-watch.ts';
import { DEFAULT_DRIVER, GUEST_INCLUDE, guestHeaders } from '../guest-driver-build.ts';
import { defaultLessonsDir, lessonRange, readLessons } from '../lessons-dir.ts';
import { commandArgs } from '../command-args.ts';

const USAGE = `usage: paravirt lesson list [--lessons DIR]
       paravirt lesson check N --driver FILE.c [--json] [--verbose] [--time-limit S] [--lessons DIR]

The playground's lessons, from the command line.

  list               print the lessons: number, title, and whether 'check' can grade it
  check N            grade your driver against lesson N's check, without the page: the
                     driver is compiled, loaded into a fresh guest, the lesson's commands
                     are run in the guest shell, and the lesson's rules are read against
                     what the machine did (its trace and the device's registers)

Options of check:
  --driver FILE.c    your driver (headers beside it are found, as with make; the stock
                     stopwatch_hw-sw.h is there too). It is inserted under the lesson's
                     module name, whatever the file is called.
  --json             print the result as JSON (ok, one entry per rule, the measured figures)
  --verbose          also print what the commands printed and the kernel log when it passes
  --time-limit S     virtual seconds each command may take (default ${DEFAULT_RUN_LIMITS.timeNs / 1e9})
  --lessons DIR      read the lessons from DIR instead of the playground's lessons/ folder

Exit status: 0 the lesson passed; 1 it did not (a check failed, or the driver did not
compile, load or finish, or crashed the kernel); 2 the command itself was wrong
(an option, a lesson number, a lesson that can only be checked in the page).`;

interface LessonArgs {
  action: 'list' | 'check';
  number?: number;
  driver?: string;
  json: boolean;
  verbose: boolean;
  timeLimitNs?: number;
  lessonsDir?: string;
}

function parseArgs(args: string[]): LessonArgs | string {
  const [action, ...rest] = args;
  if (action !== 'list' && action !== 'check') {
    return action === undefined ? "say what to do: 'list' or 'check N'" : `'${action}' is not something paravirt lesson does (try 'list' or 'check N')`;
  }
  const a: LessonArgs = { action, json: false, verbose: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = (): string | undefined => rest[++i];
    if (arg === '--driver') { const v = value(); if (!v) return "'--driver' needs your driver's C file"; a.driver = v; }
    else if (arg === '--lessons') { const v = value(); if (!v) return "'--lessons' needs a folder"; a.lessonsDir = v; }
    else if (arg === '--json') a.json = true;
    else if (arg === '--verbose' || arg === '-v') a.verbose = true;
    else if (arg === '--time-limit') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) return "'--time-limit' needs a number of seconds, more than 0";
      a.timeLimitNs = v * 1e9;
    } else if (action === 'check' && a.number === undefined && /^\d+$/.test(arg)) a.number = Number(arg);
    else return `'${arg}' is not an option of paravirt lesson ${action}`;
  }
  if (action === 'check') {
    if (a.number === undefined) return "say which lesson to check: 'paravirt lesson check 5 --driver stopwatch.c'";
    if (a.driver === undefined) return `say which driver to check: 'paravirt lesson check ${a.number} --driver FILE.c'`;
  } else if (a.driver !== undefined || a.json || a.timeLimitNs !== undefined) {
    return "'list' takes only --lessons DIR";
  }
  return a;
}

/** The lessons, or an error already printed (null). */
function loadLessons(dir: string | undefined): Lesson[] | null {
  const folder = dir ?? defaultLessonsDir();
  if (folder === null) {
    console.error("paravirt lesson: cannot find the playground's lessons/ folder; give one with --lessons DIR");
    return null;
  }
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`paravirt lesson: '${folder}' is not a folder of lessons`);
    return null;
  }
  try {
    return readLessons(folder);
  } catch (e) {
    if (!(e instanceof LessonFileError)) throw e;
    console.error(`paravirt lesson: a lesson in ${folder} cannot be used: ${e.message}`);
    return null;
  }
}

function list(lessons: Lesson[]): number {
  if (lessons.length === 0) {
    console.log('There are no lessons in this folder.');
    return 0;
  }
  const width = Math.max(...lessons.map((l) => l.title.length));
  for (const l of lessons) {
    const how = whyNotHeadless(l) === null ? 'paravirt lesson check' : 'checked in the page';
    console.log(`${String(l.number).padStart(2)}  ${l.title.padEnd(width)}  ${how}`);
  }
  return 0;
}

/** The student's C file and the headers the build may include: the stock stopwatch_hw-sw.h, then the .h files beside the driver. */
function readDriver(file: string): SubmittedDriver {
  const files: Record<string, string> = {};
  const stockDir = dirname(DEFAULT_DRIVER());
  for (const dir of [stockDir, dirname(file)]) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.h') && statSync(join(dir, name)).isFile()) files[name] = readFileSync(join(dir, name), 'utf8');
    }
  }
  files[basename(file)] = readFileSync(file, 'utf8');
  // The folder as the student typed it, so the diagnostics name the file the way they wrote it.
  const slash = file.lastIndexOf('/');
  return { main: basename(file), files, dir: slash < 0 ? '' : file.slice(0, slash) || '/' };
}

/** The report as JSON: a CheckResult (ok, rules, figures; no rules when the driver never ran) with the lesson, the problem and the commands. */
function jsonOf(report: GradeReport): string {
  const check = report.check ?? { ok: false, rules: [], figures: [] };
  return JSON.stringify({
    lesson: report.lesson, ok: report.ok, rules: check.rules, figures: check.figures,
    problem: report.problem, commands: report.commands, notes: report.notes,
  }, null, 2);
}

async function check(lessons: Lesson[], a: LessonArgs): Promise<number> {
  const lesson = lessons.find((l) => l.number === a.number);
  if (!lesson) {
    console.error(`paravirt lesson: there is no lesson ${a.number}: ${lessonRange(lessons)} ('paravirt lesson list' shows them)`);
    return 2;
  }
  const notHeadless = whyNotHeadless(lesson);
  if (notHeadless) {
    console.error(`paravirt lesson: lesson ${lesson.number} is checked in the page: ${notHeadless}`);
    return 2;
  }
  const file = a.driver!;
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.log(`cannot read the driver '${file}': no such file\nlesson ${lesson.number} failed: there is no driver to check`);
    return 1;
  }
  const report = await gradeLesson(lesson, readDriver(file), {
    headers: guestHeaders(GUEST_INCLUDE()),
    limits: a.timeLimitNs === undefined ? {} : { timeNs: a.timeLimitNs },
  });
  process.stdout.write(a.json ? `${jsonOf(report)}\n` : reportText(report, { verbose: a.verbose }));
  return report.ok ? 0 : 1;
}

export async function main(args: string[]): Promise<number> {
  const parsed = commandArgs('lesson', USAGE, args, parseArgs);
  if (typeof parsed === 'number') return parsed;
  const lessons = loadLessons(parsed.lessonsDir);
  if (!lessons) return 2;
  return parsed.action === 'list' ? list(lessons) : check(lessons, parsed);
}
