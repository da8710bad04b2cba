// A lesson, as its Markdown file in lessons/ declares it: a goal, a diagram,
// steps that drive the playground, and a check that reads the machine's trace
// and state (never the text a student typed). Lessons are data: the page, the
// CLI's autograder and the tests all read the same files, and a teacher adds a
// lesson by adding a file (docs/writing-lessons.md).

import type { TraceEvent } from '../trace-events.ts';

/** The page's regions and the panes inside them that a lesson can point at. */
export type LessonPane = 'guest' | 'editor' | 'terminal' | 'code' | 'cpu' | 'device' | 'host' | 'trace' | 'lessons';

export const LESSON_PANES: readonly LessonPane[] = ['guest', 'editor', 'terminal', 'code', 'cpu', 'device', 'host', 'trace', 'lessons'];

/** A line of a source file: a number, or the first line containing `find` (robust to edits above it). */
export interface SourcePlace {
  /** A file of the lesson's project ("stopwatch.c"). */
  file: string;
  line?: number;
  find?: string;
}

/** What one step does to the playground when the student presses its button. */
export type LessonAction =
  /** Open an example or one of the lesson's own drivers (lessons/drivers/NAME.c) as the project. */
  | { kind: 'open-project'; project: string }
  /** Show a file in the editor with the cursor on a line. */
  | { kind: 'open-file'; at: SourcePlace }
  /** Draw the eye to a pane (it is shown, scrolled into view and outlined for a moment). */
  | { kind: 'highlight'; pane: LessonPane }
  /** Put a command on the guest's command line, not run: the student reads it and presses Enter. */
  | { kind: 'type'; command: string }
  /** Set a breakpoint on a C line. */
  | { kind: 'breakpoint'; at: SourcePlace }
  /** Build & load the project (a driver is inserted into the running guest). */
  | { kind: 'build' };

export interface LessonStep {
  /** What the student does and why, one or two sentences (Markdown inline). */
  text: string;
  /** What the step's button does; a step without actions is done by hand. */
  actions: LessonAction[];
}

/**
 * A pattern over trace events: `kind` and any other field of the event. A
 * string value matches equal text, or, written `/…/flags`, a regular
 * expression; a list matches any of its values; a number or boolean matches
 * equal values. `{ kind: 'mmio', access: 'trap', op: 'write', reg: 'command',
 * valueName: 'START' }` is a trapped write of START to `command`.
 */
export type EventPattern = { kind: TraceEvent['kind'] } & Record<string, string | number | boolean | (string | number)[]>;

export interface CountBounds {
  atLeast?: number;
  atMost?: number;
}

/** One thing the check requires. `missing` is what the student reads when it does not hold: what is missing and how to do it. */
export type CheckRule =
  /** Events matching `match` occurred (at least once, or within `count`). */
  | { kind: 'event'; match: EventPattern; count?: CountBounds; missing: string }
  /** Events matching each pattern occurred in this order (others may come between). */
  | { kind: 'sequence'; steps: EventPattern[]; missing: string }
  /**
   * Some stretch of the trace from an event matching `from` to the next one
   * matching `to` holds, between them, the counts of `expect`. `label` names
   * the stretch in the check's figures (exits, pass-through accesses and
   * virtual time of the stretch), which the page draws as a chart.
   */
  | { kind: 'window'; from: EventPattern; to: EventPattern; expect: (CountBounds & { match: EventPattern })[]; label?: string; missing: string }
  /** The student stopped the hart on the instruction that caused an event matching `match`, then stepped over it. */
  | { kind: 'stepped-over'; match: EventPattern; missing: string }
  /** A register of the device reads this value now (its name, "RUNNING", or a number). */
  | { kind: 'device'; register: string; is: string | number; missing: string };

export type CheckRuleKind = CheckRule['kind'];

/** What the autograder does before it checks (`paravirt lesson check N --driver FILE.c`). */
export interface LessonGrade {
  /** Shell command lines run in the guest, in order, once the driver is loaded. */
  commands: string[];
}

export interface Lesson {
  /** Stable id from the front matter ("trapping-mmio"): progress and links use it. */
  id: string;
  /** Its place in the course (1, 2, …): `paravirt lesson check 5` and `?lesson=5` use it. */
  number: number;
  title: string;
  /** One sentence: what the student will have seen or done. */
  goal: string;
  /** File name of an SVG in lessons/diagrams/, shown above the text. */
  diagram?: string;
  /** The panes the presenter view shows for this lesson, most important first. */
  panes: LessonPane[];
  /** The project the lesson starts from: an example id, or a driver in lessons/drivers/ (without ".c"). */
  project?: string;
  steps: LessonStep[];
  /** Every rule must hold for the check to pass. */
  check: CheckRule[];
  /** How to check headless; without it the lesson is checked in the page only. */
  grade?: LessonGrade;
  /** The module name the autograder inserts the student's driver as ("stopwatch": its
   * files are /sys/module/stopwatch/…, whatever the submitted file is called). */
  module?: string;
  /** The explanation, Markdown. */
  body: string;
}

/** A debugger stop, as the page (or the autograder) saw it: where the hart stopped and how. */
export interface LessonStop {
  pc: number;
  /** 'step': a Step instruction/line/into/out ended here. */
  cause: 'step' | 'breakpoint' | 'event' | 'watchpoint' | 'pause' | 'other';
  /** The seq of the newest trace event recorded when the hart stopped (-1: none yet). */
  lastSeq: number;
}

/** Everything a check may look at. */
export interface LessonEvidence {
  /** Trace events, oldest first (seq ascending; gaps are events the ring dropped). */
  trace: readonly TraceEvent[];
  /** Debugger stops, oldest first. */
  stops: readonly LessonStop[];
  /** The device's registers now, by name: their value and, if it has one, the value's name. */
  device: Record<string, { raw: number; valueName?: string }> | null;
}

/** The figures of one `window` rule's stretch, for the chart. */
export interface WindowFigures {
  label: string;
  exits: number;
  passthrough: number;
  /** Virtual time spent in exits (their price), ns. */
  exitNs: number;
  /** Virtual time from the `from` event to the `to` event, ns. */
  spanNs: number;
}

export interface RuleResult {
  rule: CheckRule;
  ok: boolean;
  /** `rule.missing` when not ok, with what was found instead where that helps ("found 0 of 1"). */
  message: string;
}

export interface CheckResult {
  ok: boolean;
  rules: RuleResult[];
  figures: WindowFigures[];
}
