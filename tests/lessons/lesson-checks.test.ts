// The course's lessons (lessons/*.md) are well-formed, point at things that
// exist, and their checks tell a student who did the lesson from one who
// did not: each check passes on the evidence recorded when a student did every
// step, and fails, with the right rule's message, on the evidence recorded when
// a step was left out (scripts/record-lesson-traces.ts records both).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCheck } from '../../src/protocol/lessons/check.ts';
import type { Lesson, LessonAction, LessonPane, SourcePlace } from '../../src/protocol/lessons/lesson.ts';
import { exampleCatalog } from '../../src/worker/examples.ts';
import { LESSONS_DIR, lessonFileNames, loadLessons, recordedEvidence } from './lesson-files.ts';

const lessons = loadLessons();

/**
 * Which rule (its index in `check`) each lesson's fail scenario breaks: the
 * step the scenario leaves out. Other rules may fail too; this one must.
 */
const BROKEN_RULE: Record<string, number> = {
  'boot-and-probe': 2, // not started again after the reload
  'trapping-mmio': 2, // never stopped on the store
  'pass-through': 0, // show never ran
  'interrupts': 1, // the broken driver was never tried: no storm
  'show-path': 1, // the bare skeleton: nothing copied from shared memory
  'price-of-trapping': 0, // only the shared file was read
  'blocking-reads': 0, // the skeleton polls with msleep
};

function projectFiles(lesson: Lesson, project = lesson.project): Record<string, string> {
  const example = exampleCatalog().find((e) => e.id === project);
  if (!example) throw new Error(`lesson ${lesson.number} opens project "${project}", which is neither an example nor a folder of lessons/drivers`);
  return example.files;
}

/** The source places a lesson's steps point at, with the project open at that step. */
function placesOf(lesson: Lesson): { project: string | undefined; at: SourcePlace }[] {
  const out: { project: string | undefined; at: SourcePlace }[] = [];
  let project = lesson.project;
  for (const step of lesson.steps) {
    for (const a of step.actions) {
      if (a.kind === 'open-project') project = a.project;
      if (a.kind === 'open-file' || a.kind === 'breakpoint') out.push({ project, at: a.at });
    }
  }
  return out;
}

describe('the lesson files', () => {
  it('are numbered 1 to N without gaps, one file each, ids unique, named NN-slug.md after their number', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(7);
    expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1));
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(lessonFileNames().map((f) => Number(f.slice(0, 2)))).toEqual(lessons.map((l) => l.number));
  });

  it('each has a goal, a short body, steps, panes and an existing diagram with a title and a description', () => {
    for (const l of lessons) {
      expect(l.goal.length, l.id).toBeGreaterThan(20);
      expect(l.body.length, l.id).toBeGreaterThan(100);
      expect(l.body.length, `${l.id}: the explanation is short, the diagram does the talking`).toBeLessThan(2000);
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.panes.length, l.id).toBeGreaterThan(0);
      expect(l.diagram, l.id).toBeDefined();
      const svg = readFileSync(join(LESSONS_DIR, 'diagrams', l.diagram!), 'utf8');
      expect(svg, l.diagram).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="/);
      expect(svg, l.diagram).toMatch(/<title[^>]*>[^<]+<\/title>/);
      expect(svg, l.diagram).toMatch(/<desc[^>]*>[^<]+<\/desc>/);
    }
  });

  it('open projects that exist, and every file and line a step points at is in that project', () => {
    for (const l of lessons) {
      if (l.project) projectFiles(l);
      for (const { project, at } of placesOf(l)) {
        const text = projectFiles(l, project)[at.file];
        expect(text, `lesson ${l.number}: ${at.file} in ${project}`).toBeDefined();
        if (at.find) expect(text, `lesson ${l.number}: "${at.find}" in ${at.file}`).toContain(at.find);
      }
    }
  });

  it('list every pane their steps use, so the presenter view, which shows only those, never hides one a step needs', () => {
    const paneOf = (a: LessonAction): LessonPane | null =>
      a.kind === 'type' ? 'terminal' : a.kind === 'open-file' || a.kind === 'breakpoint' ? 'editor' : a.kind === 'highlight' ? a.pane : null;
    for (const l of lessons) {
      for (const step of l.steps) {
        for (const a of step.actions) {
          const pane = paneOf(a);
          if (pane && pane !== 'lessons') expect(l.panes, `lesson ${l.number}: "${step.text.slice(0, 40)}…" uses the ${pane} pane`).toContain(pane);
        }
      }
    }
  });

  it('say what is missing in every rule, and the lessons that can be graded headless name their commands and module', () => {
    for (const l of lessons) {
      for (const rule of l.check) expect(rule.missing.length, l.id).toBeGreaterThan(30);
      if (l.grade) {
        expect(l.grade.commands.length, l.id).toBeGreaterThan(0);
        expect(l.module, l.id).toBe('stopwatch');
      }
    }
  });
});

describe.each(lessons.map((l) => [`${l.number} ${l.id}`, l] as const))('lesson %s: its check', (_, lesson) => {
  it('passes on what a student who did every step left in the machine', () => {
    const evidence = recordedEvidence(lesson.number, 'pass');
    const r = evaluateCheck(lesson.check, evidence);
    expect(r.rules.filter((x) => !x.ok).map((x) => x.message), evidence.about).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('fails, saying what is missing, when a step was left out', () => {
    const evidence = recordedEvidence(lesson.number, 'fail');
    const r = evaluateCheck(lesson.check, evidence);
    expect(r.ok, evidence.about).toBe(false);
    const broken = BROKEN_RULE[lesson.id];
    expect(broken, `BROKEN_RULE names the rule ${lesson.id}'s fail trace breaks`).toBeDefined();
    expect(r.rules[broken!]!.ok, evidence.about).toBe(false);
    expect(r.rules[broken!]!.message.startsWith(lesson.check[broken!]!.missing)).toBe(true);
  });
});

describe('the figures the Lessons pane charts', () => {
  it('lesson 6: the trapped read costs an exit per byte and far more virtual time than the copy from shared memory', () => {
    const lesson = lessons.find((l) => l.id === 'price-of-trapping')!;
    const r = evaluateCheck(lesson.check, recordedEvidence(lesson.number, 'pass'));
    const [trapped, shared] = r.figures;
    expect(r.figures.map((f) => f.label)).toEqual(['one trapped read per byte', 'one copy from shared memory']);
    expect(trapped!.exits).toBe('0.00 seconds'.length + 1); // the recorded text and its NUL: one exit per byte
    expect(trapped!.exitNs).toBe(trapped!.exits * 5_000);
    expect(shared!.exits).toBe(0);
    expect(trapped!.spanNs).toBeGreaterThan(100 * shared!.spanNs);
  });

  it('lesson 3: show copies the text with no exit after UPDATE', () => {
    const lesson = lessons.find((l) => l.id === 'pass-through')!;
    const r = evaluateCheck(lesson.check, recordedEvidence(lesson.number, 'pass'));
    expect(r.figures).toHaveLength(1);
    expect(r.figures[0]!.exits).toBe(0);
    expect(r.figures[0]!.passthrough).toBeGreaterThanOrEqual(4); // data_len, then the text a word at a time
  });
});

describe('the lesson folder', () => {
  it('holds no diagram that no lesson shows', () => {
    const used = new Set(lessons.map((l) => l.diagram));
    expect(readdirSync(join(LESSONS_DIR, 'diagrams')).filter((f) => !used.has(f))).toEqual([]);
  });
});
