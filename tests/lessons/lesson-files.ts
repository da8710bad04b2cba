// The lessons as the page and the autograder read them: every lessons/*.md
// parsed with the app's own parser, and each lesson's recorded evidence.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson, sortLessons } from '../../src/protocol/lessons/front-matter.ts';
import type { Lesson, LessonEvidence } from '../../src/protocol/lessons/lesson.ts';
import { ROOT } from './lesson-guest.ts';

export const LESSONS_DIR = join(ROOT, 'lessons');

/** lessons/NN-slug.md: the lesson files, by name. */
export const lessonFileNames = (): string[] => readdirSync(LESSONS_DIR).filter((f) => /\.md$/.test(f)).sort();

export function loadLessons(): Lesson[] {
  return sortLessons(lessonFileNames().map((f) => parseLesson(f, readFileSync(join(LESSONS_DIR, f), 'utf8'))));
}

/** A recorded scenario (scripts/record-lesson-traces.ts): `about` says what the student did. */
export type RecordedEvidence = LessonEvidence & { about: string };

export function recordedEvidence(lesson: number, outcome: 'pass' | 'fail'): RecordedEvidence {
  const file = join(ROOT, 'tests/lessons/traces', `${String(lesson).padStart(2, '0')}-${outcome}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedEvidence;
}
