// Reads a lesson file: YAML front matter between two `---` lines, then the
// Markdown body. Everything is checked against the shapes of lesson.ts, and a
// mistake is reported as the teacher who wrote the file needs it: which file,
// which field, what was expected (`05-show-path.md: steps[2].do[0]: an action
// is one of open-project, open-file, …`). Nothing here trusts the file.

import { parse as parseYaml, YAMLParseError } from 'yaml';
import { TRACE_KINDS } from '../trace-events.ts';
import {
  LESSON_PANES, type CheckRule, type CountBounds, type EventPattern, type Lesson, type LessonAction,
  type LessonPane, type LessonStep, type SourcePlace,
} from './lesson.ts';

/** A lesson file that cannot be used, with what is wrong in it. */
export class LessonFileError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'LessonFileError';
  }
}

type Fields = Record<string, unknown>;

/** Where in the file a value sits ("steps[2].do[0]"), for the messages. */
class Reader {
  constructor(readonly file: string) {}

  fail(at: string, problem: string): never {
    throw new LessonFileError(this.file, at ? `${at}: ${problem}` : problem);
  }

  object(v: unknown, at: string): Fields {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(at, 'expected a mapping (`key: value` lines)');
    return v as Fields;
  }

  list(v: unknown, at: string): unknown[] {
    if (!Array.isArray(v)) this.fail(at, 'expected a list (lines starting with `- `)');
    return v;
  }

  text(v: unknown, at: string): string {
    if (typeof v !== 'string' || v.trim() === '') this.fail(at, 'expected some text');
    return v;
  }

  count(v: unknown, at: string): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) this.fail(at, 'expected a whole number, 0 or more');
    return v;
  }

  /** The one key of a `- key: value` item, and its value. */
  single(v: unknown, at: string, keys: readonly string[]): [string, unknown, Fields] {
    const o = this.object(v, at);
    const key = keys.find((k) => k in o);
    if (key === undefined) this.fail(at, `expected one of ${keys.join(', ')}`);
    return [key, o[key], o];
  }
}

/** Splits `---\nYAML\n---\nbody`. */
function splitFrontMatter(r: Reader, text: string): { yaml: string; body: string } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!m) r.fail('', 'a lesson file starts with a front matter block: a line `---`, the YAML fields, and another `---`');
  return { yaml: m[1]!, body: m[2]!.trim() };
}

function parseFields(r: Reader, yaml: string): Fields {
  try {
    return r.object(parseYaml(yaml), 'front matter');
  } catch (e) {
    if (e instanceof YAMLParseError) r.fail('front matter', `the YAML does not parse: ${e.message.split('\n')[0]}`);
    throw e;
  }
}

function place(r: Reader, v: unknown, at: string): SourcePlace {
  const o = r.object(v, at);
  const file = r.text(o.file, `${at}.file`);
  if (o.line === undefined && o.find === undefined) r.fail(at, 'say which line: `line: 42` or `find: "text on the line"`');
  const out: SourcePlace = { file };
  if (o.line !== undefined) {
    if (typeof o.line !== 'number' || !Number.isInteger(o.line) || o.line < 1) r.fail(`${at}.line`, 'expected a line number, 1 or more');
    out.line = o.line;
  }
  if (o.find !== undefined) out.find = r.text(o.find, `${at}.find`);
  return out;
}

function pane(r: Reader, v: unknown, at: string): LessonPane {
  if (typeof v !== 'string' || !(LESSON_PANES as readonly string[]).includes(v)) r.fail(at, `expected a pane: ${LESSON_PANES.join(', ')}`);
  return v as LessonPane;
}

const ACTIONS = ['open-project', 'open-file', 'highlight', 'type', 'breakpoint', 'build'] as const;

function action(r: Reader, v: unknown, at: string): LessonAction {
  const [key, value] = r.single(v, at, ACTIONS);
  switch (key as (typeof ACTIONS)[number]) {
    case 'open-project': return { kind: 'open-project', project: r.text(value, `${at}.open-project`) };
    case 'open-file': return { kind: 'open-file', at: place(r, value, `${at}.open-file`) };
    case 'highlight': return { kind: 'highlight', pane: pane(r, value, `${at}.highlight`) };
    case 'type': return { kind: 'type', command: r.text(value, `${at}.type`) };
    case 'breakpoint': return { kind: 'breakpoint', at: place(r, value, `${at}.breakpoint`) };
    case 'build': return { kind: 'build' };
  }
}

function step(r: Reader, v: unknown, at: string): LessonStep {
  const o = r.object(v, at);
  const actions = o.do === undefined ? [] : r.list(o.do, `${at}.do`).map((a, i) => action(r, a, `${at}.do[${i}]`));
  return { text: r.text(o.text, `${at}.text`), actions };
}

function pattern(r: Reader, v: unknown, at: string): EventPattern {
  const o = r.object(v, at);
  if (typeof o.kind !== 'string' || !(TRACE_KINDS as readonly string[]).includes(o.kind)) {
    r.fail(`${at}.kind`, `expected an event kind: ${TRACE_KINDS.join(', ')}`);
  }
  for (const [key, value] of Object.entries(o)) {
    const ok = ['string', 'number', 'boolean'].includes(typeof value)
      || (Array.isArray(value) && value.every((x) => typeof x === 'string' || typeof x === 'number'));
    if (!ok) r.fail(`${at}.${key}`, 'expected text, a number, true/false, or a list of texts and numbers');
    if (typeof value === 'string') regexOf(value, (problem) => r.fail(`${at}.${key}`, problem));
  }
  return o as EventPattern;
}

/** A `/…/flags` pattern value as a RegExp (null: plain text). */
export function regexOf(value: string, fail: (problem: string) => never = (p) => { throw new Error(p); }): RegExp | null {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(value);
  if (!m) return null;
  try {
    return new RegExp(m[1]!, m[2]);
  } catch (e) {
    return fail(`the regular expression ${value} does not compile: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function bounds(r: Reader, o: Fields, at: string): CountBounds {
  const out: CountBounds = {};
  if (o.atLeast !== undefined) out.atLeast = r.count(o.atLeast, `${at}.atLeast`);
  if (o.atMost !== undefined) out.atMost = r.count(o.atMost, `${at}.atMost`);
  if (out.atLeast !== undefined && out.atMost !== undefined && out.atLeast > out.atMost) r.fail(at, 'atLeast is more than atMost: no count can pass');
  return out;
}

const RULES = ['event', 'sequence', 'window', 'stepped-over', 'device'] as const;

function rule(r: Reader, v: unknown, at: string): CheckRule {
  const [key, value, o] = r.single(v, at, RULES);
  const missing = r.text(o.missing, `${at}.missing`);
  switch (key as (typeof RULES)[number]) {
    case 'event': {
      const count = o.count === undefined ? undefined : bounds(r, r.object(o.count, `${at}.count`), `${at}.count`);
      return { kind: 'event', match: pattern(r, value, `${at}.event`), ...(count ? { count } : {}), missing };
    }
    case 'sequence': {
      const steps = r.list(value, `${at}.sequence`).map((p, i) => pattern(r, p, `${at}.sequence[${i}]`));
      if (steps.length === 0) r.fail(`${at}.sequence`, 'a sequence needs at least one event');
      return { kind: 'sequence', steps, missing };
    }
    case 'window': {
      const w = r.object(value, `${at}.window`);
      const expect = r.list(o.expect, `${at}.expect`).map((e, i) => {
        const eo = r.object(e, `${at}.expect[${i}]`);
        return { match: pattern(r, eo.match, `${at}.expect[${i}].match`), ...bounds(r, eo, `${at}.expect[${i}]`) };
      });
      const label = w.label === undefined ? undefined : r.text(w.label, `${at}.window.label`);
      return {
        kind: 'window', from: pattern(r, w.from, `${at}.window.from`), to: pattern(r, w.to, `${at}.window.to`),
        expect, ...(label ? { label } : {}), missing,
      };
    }
    case 'stepped-over': return { kind: 'stepped-over', match: pattern(r, value, `${at}.stepped-over`), missing };
    case 'device': {
      const d = r.object(value, `${at}.device`);
      const is = d.is;
      if (typeof is !== 'string' && typeof is !== 'number') r.fail(`${at}.device.is`, 'expected a value name ("RUNNING") or a number');
      return { kind: 'device', register: r.text(d.register, `${at}.device.register`), is, missing };
    }
  }
}

function optionalText(r: Reader, f: Fields, key: string): string | undefined {
  return f[key] === undefined ? undefined : r.text(f[key], key);
}

/** Reads lesson file `file` (its name, for messages) with contents `text`. */
export function parseLesson(file: string, text: string): Lesson {
  const r: Reader = new Reader(file);
  const { yaml, body } = splitFrontMatter(r, text);
  const f = parseFields(r, yaml);
  const id = r.text(f.id, 'id');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) r.fail('id', 'use lower-case letters, digits and dashes ("trapping-mmio")');
  if (typeof f.number !== 'number' || !Number.isInteger(f.number) || f.number < 1) r.fail('number', 'expected the lesson\'s number, 1 or more');
  const panes = f.panes === undefined ? [] : r.list(f.panes, 'panes').map((p, i) => pane(r, p, `panes[${i}]`));
  const steps = r.list(f.steps ?? [], 'steps').map((s, i) => step(r, s, `steps[${i}]`));
  const check = r.list(f.check, 'check').map((c, i) => rule(r, c, `check[${i}]`));
  if (check.length === 0) r.fail('check', 'a lesson needs at least one rule to check');
  const lesson: Lesson = { id, number: f.number, title: r.text(f.title, 'title'), goal: r.text(f.goal, 'goal'), panes, steps, check, body };
  const diagram = optionalText(r, f, 'diagram');
  if (diagram !== undefined) lesson.diagram = diagram;
  const project = optionalText(r, f, 'project');
  if (project !== undefined) lesson.project = project;
  const module = optionalText(r, f, 'module');
  if (module !== undefined) lesson.module = module;
  if (f.grade !== undefined) {
    const g = r.object(f.grade, 'grade');
    lesson.grade = { commands: r.list(g.commands, 'grade.commands').map((c, i) => r.text(c, `grade.commands[${i}]`)) };
  }
  return lesson;
}

/** Lessons in course order; two files with the same number or id are an error. */
export function sortLessons(lessons: Lesson[]): Lesson[] {
  const sorted = [...lessons].sort((a, b) => a.number - b.number);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.number === b.number) throw new LessonFileError(b.id, `lessons "${a.id}" and "${b.id}" both have number ${a.number}`);
  }
  const ids = new Set<string>();
  for (const l of sorted) {
    if (ids.has(l.id)) throw new LessonFileError(l.id, `two lessons have the id "${l.id}"`);
    ids.add(l.id);
  }
  return sorted;
}
