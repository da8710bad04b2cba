// The lessons as the page keeps them: the course (parsed from lessons/*.md),
// which lesson is open, the student's progress in this browser (steps ticked,
// check passed; reset per lesson), and the evidence a check reads besides the
// trace: the debugger's stops, recorded here from the machine's status as they
// happen, with the newest trace event at that moment. Check runs the lesson's
// rules (the same evaluateCheck as the autograder) on the page's trace ring,
// those stops and the device's registers now.

import type { StateCreator, StoreApi } from 'zustand';
import { evaluateCheck } from '../../protocol/lessons/check.ts';
import type { CheckResult, Lesson, LessonEvidence, LessonStop } from '../../protocol/lessons/lesson.ts';
import type { StopReason } from '../../protocol/stop-reason.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { shippedCatalog, type LessonCatalog } from '../lessons/lesson-catalog.ts';
import type { PlaygroundState } from './playground-state.ts';
import { deviceEvidence } from '../../protocol/lessons/device-evidence.ts';

/** What the student did in one lesson, kept in this browser. */
export interface LessonProgress {
  /** Indices of the steps ticked, ascending. */
  steps: number[];
  /** The check passed (once is enough: it stays passed until the lesson is reset). */
  passed: boolean;
}

export interface LessonCheckRun {
  lessonId: string;
  result: CheckResult;
  /** Counts the checks run, so the page can tell a new result from the same one again. */
  run: number;
}

/** Where the page's trace lives (outside the store: tens of thousands of events a second). */
export interface LessonTraceSource {
  /** The events held now, oldest first. */
  events(): readonly TraceEvent[];
  /** The seq of the newest event held (-1: none). */
  latestSeq(): number;
}

/** Where progress is saved: localStorage in the page, a map in tests. */
export interface ProgressStorage {
  load(): string | null;
  save(text: string): void;
}

export interface LessonSlice {
  /** The course, in order. */
  lessons: Lesson[];
  /** Lesson files that could not be used, each with what is wrong in it. */
  lessonProblems: string[];
  /** The Lessons panel is shown. */
  lessonsOpen: boolean;
  setLessonsOpen(open: boolean): void;
  /** The lesson open in the panel (the presenter view shows its panes); null: the list. */
  currentLesson: Lesson | null;
  /** Opens lesson number `n` (and the panel); false when there is no such lesson. */
  openLesson(n: number): boolean;
  /** Back to the list of lessons. */
  closeLesson(): void;
  /** Something about the course the panel says once (a link to a lesson that does not exist); null: nothing. */
  lessonNotice: string | null;
  setLessonNotice(message: string | null): void;
  /** Lesson id → progress. */
  lessonProgress: Record<string, LessonProgress>;
  setStepDone(lessonId: string, step: number, done: boolean): void;
  /** Forgets the lesson's ticks, its passed check and its last result. */
  resetLesson(lessonId: string): void;
  /** The debugger's stops since the machine last started over, oldest first. */
  lessonStops: LessonStop[];
  /** The last check of a lesson. */
  lessonCheck: LessonCheckRun | null;
  /** Checks the open lesson against the machine now (null: no lesson open). */
  checkLesson(): CheckResult | null;
}

const PROGRESS_KEY = 'paravirt-lesson-progress';
/** Stops kept: a student clicking Step for an hour does not grow the page without end. */
const MAX_STOPS = 500;

const NO_TRACE: LessonTraceSource = { events: () => [], latestSeq: () => -1 };
let pageTrace: LessonTraceSource = NO_TRACE;

/** The page's trace ring, bound once by the lessons panel's module (the store cannot import the machine client). */
export function bindLessonTrace(source: LessonTraceSource): void {
  pageTrace = source;
}

function browserStorage(): ProgressStorage | null {
  if (typeof localStorage === 'undefined') return null;
  return {
    load: () => { try { return localStorage.getItem(PROGRESS_KEY); } catch { return null; } },
    save: (text) => { try { localStorage.setItem(PROGRESS_KEY, text); } catch { /* private mode or full: progress lasts this visit */ } },
  };
}

/** Reads saved progress, keeping only well-formed entries (the storage is the student's to clear or edit). */
export function readProgress(text: string | null): Record<string, LessonProgress> {
  if (!text) return {};
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { return {}; }
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, LessonProgress> = {};
  for (const [id, p] of Object.entries(raw as Record<string, unknown>)) {
    if (!p || typeof p !== 'object') continue;
    const { steps, passed } = p as { steps?: unknown; passed?: unknown };
    const ticked = Array.isArray(steps) ? steps.filter((s): s is number => Number.isInteger(s) && s >= 0) : [];
    out[id] = { steps: [...new Set(ticked)].sort((a, b) => a - b), passed: passed === true };
  }
  return out;
}

/** How a stop came about, in the words of a lesson's rules. */
export function stopCause(stop: StopReason): LessonStop['cause'] {
  switch (stop.reason) {
    case 'step':
    case 'source-step':
      return 'step';
    case 'breakpoint':
    case 'watchpoint':
    case 'event':
    case 'pause':
      return stop.reason;
    default:
      return 'other';
  }
}

export interface LessonSliceOptions {
  catalog?: LessonCatalog;
  storage?: ProgressStorage | null;
  trace?: LessonTraceSource;
}

export const createLessonSlice = (options: LessonSliceOptions = {}): StateCreator<PlaygroundState, [], [], LessonSlice> => (set, get, api) => {
  const catalog = options.catalog ?? shippedCatalog();
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const trace = () => options.trace ?? pageTrace;
  const saveProgress = (progress: Record<string, LessonProgress>) => {
    set({ lessonProgress: progress });
    storage?.save(JSON.stringify(progress));
  };
  const progressOf = (id: string): LessonProgress => get().lessonProgress[id] ?? { steps: [], passed: false };

  recordStops(api, trace);

  return {
    lessons: catalog.lessons,
    lessonProblems: catalog.problems,
    lessonsOpen: false,
    setLessonsOpen: (open) => set({ lessonsOpen: open }),
    currentLesson: null,
    openLesson: (n) => {
      const lesson = get().lessons.find((l) => l.number === n);
      if (!lesson) return false;
      set({ currentLesson: lesson, lessonsOpen: true, lessonNotice: null });
      return true;
    },
    closeLesson: () => set({ currentLesson: null }),
    lessonNotice: null,
    setLessonNotice: (message) => set({ lessonNotice: message }),
    lessonProgress: readProgress(storage?.load() ?? null),
    setStepDone: (lessonId, step, done) => {
      const now = progressOf(lessonId);
      const steps = done ? [...new Set([...now.steps, step])].sort((a, b) => a - b) : now.steps.filter((s) => s !== step);
      saveProgress({ ...get().lessonProgress, [lessonId]: { ...now, steps } });
    },
    resetLesson: (lessonId) => {
      const progress = { ...get().lessonProgress };
      delete progress[lessonId];
      saveProgress(progress);
      if (get().lessonCheck?.lessonId === lessonId) set({ lessonCheck: null });
    },
    lessonStops: [],
    lessonCheck: null,
    checkLesson: () => {
      const lesson = get().currentLesson;
      if (!lesson) return null;
      const source = trace();
      const newest = source.latestSeq();
      const evidence: LessonEvidence = {
        trace: source.events(),
        // A stop from before the machine started over points into a trace that is gone.
        stops: get().lessonStops.filter((s) => s.lastSeq <= newest),
        device: deviceEvidence(get().deviceView),
      };
      const result = evaluateCheck(lesson.check, evidence);
      set({ lessonCheck: { lessonId: lesson.id, result, run: (get().lessonCheck?.run ?? 0) + 1 } });
      if (result.ok && !progressOf(lesson.id).passed) saveProgress({ ...get().lessonProgress, [lesson.id]: { ...progressOf(lesson.id), passed: true } });
      return result;
    },
  };
};

/**
 * Records each debugger stop as the store learns of it. The worker sends the
 * trace and the registers before the status that says "paused", so when the
 * stop arrives, the newest trace event and the register snapshot belong to it.
 * Two Steps in a row report the same status (the worker sends a status only
 * when it changes); a new snapshot with a different instruction count while
 * stopped by a step is then a stop of its own.
 */
function recordStops(api: StoreApi<PlaygroundState>, trace: () => LessonTraceSource): void {
  let lastInstret: number | null = null;
  api.subscribe((s, prev) => {
    const newStop = s.stop !== null && s.stop !== prev.stop;
    const anotherStep = !newStop && s.stop !== null && s.runState === 'paused' && stopCause(s.stop) === 'step'
      && s.registers !== prev.registers && s.registers !== null && s.registers.instret !== lastInstret;
    if (!newStop && !anotherStep) return;
    const stop = s.stop!;
    const pc = stop.reason === 'breakpoint' || stop.reason === 'source-step' ? stop.pc : s.registers?.pc ?? 0;
    const lastSeq = trace().latestSeq();
    lastInstret = s.registers?.instret ?? null;
    const earlier = s.lessonStops;
    // The trace started over (a reset, a reboot): the stops before it point at events that are gone.
    const kept = earlier.length > 0 && earlier[earlier.length - 1]!.lastSeq > lastSeq ? [] : earlier;
    api.setState({ lessonStops: [...kept, { pc: pc >>> 0, cause: stopCause(stop), lastSeq }].slice(-MAX_STOPS) });
  });
}
