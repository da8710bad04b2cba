// The course as the page ships it: every lessons/*.md file of the repository,
// read with the same parser the autograder uses, and the SVG diagrams they
// name. Vite puts the files' text into the bundle at build time (they are
// small), so a teacher adds a lesson by adding a file, and the page needs no
// change. A file that does not parse becomes a problem the panel shows, with
// the parser's message, and the other lessons still open.

import { LessonFileError, parseLesson, sortLessons } from '../../protocol/lessons/front-matter.ts';
import type { Lesson } from '../../protocol/lessons/lesson.ts';

/** A lesson's picture: where the browser finds it, and the words that stand for it. */
export interface LessonDiagram {
  url: string;
  /** The SVG's <title> (or the file name): the image's accessible name. */
  title: string;
  /** The SVG's <desc>, if any: read out as the image's description. */
  description: string;
}

export interface LessonCatalog {
  /** The lessons that parsed, in course order. */
  lessons: Lesson[];
  /** One line per file that could not be used: "05-show-path.md: steps[2]: …". */
  problems: string[];
  /** File name in lessons/diagrams/ → the diagram. */
  diagrams: Record<string, LessonDiagram>;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function textOf(svg: string, tag: 'title' | 'desc'): string {
  const m = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(svg);
  return m ? m[1]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() : '';
}

/** A diagram from its SVG text: a data URL (shown with <img>, so nothing in it runs) and its title and description. */
export function diagramOf(fileName: string, svg: string): LessonDiagram {
  return {
    url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    title: textOf(svg, 'title') || `Diagram ${fileName}`,
    description: textOf(svg, 'desc'),
  };
}

/** Builds the catalog from file path → text (lesson files and SVGs); pure, so it is tested without Vite. */
export function buildCatalog(lessonFiles: Record<string, string>, svgFiles: Record<string, string>): LessonCatalog {
  const problems: string[] = [];
  const parsed: Lesson[] = [];
  for (const [path, text] of Object.entries(lessonFiles).sort(([a], [b]) => a.localeCompare(b))) {
    try {
      parsed.push(parseLesson(baseName(path), text));
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  let lessons: Lesson[];
  try {
    lessons = sortLessons(parsed);
  } catch (err) {
    // Two files claim the same number or id: show both problems, keep the first of each.
    problems.push(err instanceof LessonFileError ? `${err.message}: give each lesson its own number and id` : String(err));
    const seen = new Set<string>();
    lessons = [...parsed].sort((a, b) => a.number - b.number).filter((l) => {
      const [number, id] = [`number ${l.number}`, `id ${l.id}`];
      if (seen.has(number) || seen.has(id)) return false;
      seen.add(number).add(id);
      return true;
    });
  }
  const diagrams: Record<string, LessonDiagram> = {};
  for (const [path, svg] of Object.entries(svgFiles)) diagrams[baseName(path)] = diagramOf(baseName(path), svg);
  for (const lesson of lessons) {
    if (lesson.diagram && !diagrams[lesson.diagram]) problems.push(`${lesson.id}: the diagram "${lesson.diagram}" is not in lessons/diagrams/`);
  }
  return { lessons, problems, diagrams };
}

let shipped: LessonCatalog | null = null;

/** The repository's lessons, as bundled into the page. */
export function shippedCatalog(): LessonCatalog {
  shipped ??= buildCatalog(
    import.meta.glob<string>('../../../lessons/*.md', { query: '?raw', import: 'default', eager: true }),
    import.meta.glob<string>('../../../lessons/diagrams/*.svg', { query: '?raw', import: 'default', eager: true }),
  );
  return shipped;
}
