// The lessons as the command line finds them: the Markdown files of a lessons
// folder (the repository's lessons/, or a teacher's own with --lessons DIR),
// each read with the same parser the page uses, in course order. A file that
// does not parse is reported with its name and the field at fault, so a
// teacher fixes it before a class grades against it.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson, sortLessons } from '../protocol/lessons/front-matter.ts';
import type { Lesson } from '../protocol/lessons/lesson.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** A lesson file is "NN-slug.md"; other Markdown beside it (a README) is not a lesson. */
const LESSON_FILE = /^\d+-[^/]*\.md$/;

/** The repository's lessons/ (this file is src/cli/..., or dist-cli/... in the bundle), or null. */
export function defaultLessonsDir(): string | null {
  for (const c of [join(HERE, '../lessons'), join(HERE, '../../lessons')]) {
    if (existsSync(c) && statSync(c).isDirectory()) return c;
  }
  return null;
}

/** Every lesson of `dir`, in course order; throws LessonFileError on a file that cannot be used. */
export function readLessons(dir: string): Lesson[] {
  const files = readdirSync(dir).filter((f) => LESSON_FILE.test(f)).sort();
  return sortLessons(files.map((f) => parseLesson(f, readFileSync(join(dir, f), 'utf8'))));
}

/** "lessons 1–7", "lesson 5", "no lessons": the numbers a student may ask for. */
export function lessonRange(lessons: readonly Lesson[]): string {
  if (lessons.length === 0) return 'there are no lessons';
  if (lessons.length === 1) return `there is only lesson ${lessons[0]!.number}`;
  const numbers = lessons.map((l) => l.number);
  const contiguous = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  return contiguous ? `there are lessons ${numbers[0]}–${numbers[numbers.length - 1]}` : `there are lessons ${numbers.join(', ')}`;
}
