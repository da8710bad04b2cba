// Which of the page's resizable panels the presenter view shows: those of the
// panes the current lesson names (Lesson.panes), and the groups that hold
// them. Without a lesson every pane is shown. Panels are hidden, not
// collapsed: the student's own layout (kept in localStorage) is untouched,
// and leaving the presenter view brings it back as it was.

import { LESSON_PANES, type Lesson, type LessonPane } from '../../protocol/lessons/lesson.ts';

/** The ids of PlaygroundLayout's panels (react-resizable-panels' `id`). */
export type PanelId = 'top' | 'guest' | 'work' | 'editor' | 'console' | 'machine' | 'hardware' | 'device' | 'host' | 'trace' | 'lessons';

/** The panels that show a pane: the Code pane and the CPU's registers share the machine column. */
const PANELS_OF: Record<LessonPane, readonly PanelId[]> = {
  guest: ['editor', 'console', 'machine'],
  editor: ['editor'],
  terminal: ['console'],
  code: ['machine'],
  cpu: ['machine'],
  device: ['device'],
  host: ['host'],
  trace: ['trace'],
  lessons: ['lessons'],
};

/** Groups of panels, inner first: a group is hidden when all it holds is. */
const GROUPS: readonly [PanelId, readonly PanelId[]][] = [
  ['work', ['editor', 'console']],
  ['guest', ['work', 'machine']],
  ['hardware', ['device', 'host']],
  ['top', ['lessons', 'guest', 'hardware']],
];

const LEAVES: readonly PanelId[] = ['editor', 'console', 'machine', 'device', 'host', 'trace', 'lessons'];

/**
 * The lesson the student has open. The Lessons panel keeps it in the store as
 * `currentLesson`; read through here so that the presenter view works with or
 * without it (the state is typed without the field until it lands).
 */
export function currentLessonOf(state: object): Lesson | null {
  const lesson = (state as { currentLesson?: Lesson | null }).currentLesson;
  return lesson ?? null;
}

/** The panes the presenter view shows: the lesson's and the lesson itself (its steps and its
 * Check are what the class follows), or all of them without a lesson. */
export function presenterPanes(state: object): readonly LessonPane[] {
  const lesson = currentLessonOf(state);
  if (!lesson || lesson.panes.length === 0) return LESSON_PANES;
  // One list per lesson: a store selector must give the same array for the same state.
  let panes = panesOfLesson.get(lesson);
  if (!panes) panesOfLesson.set(lesson, panes = [...new Set<LessonPane>(['lessons', ...lesson.panes])]);
  return panes;
}

const panesOfLesson = new WeakMap<Lesson, readonly LessonPane[]>();

/** The panels to hide for these panes (empty when every pane is wanted). */
export function hiddenPanels(panes: readonly LessonPane[]): ReadonlySet<PanelId> {
  const shown = new Set<PanelId>(panes.flatMap((p) => PANELS_OF[p] ?? []));
  if (shown.size === 0) return new Set();
  const hidden = new Set<PanelId>(LEAVES.filter((id) => !shown.has(id)));
  for (const [group, members] of GROUPS) if (members.every((m) => hidden.has(m))) hidden.add(group);
  return hidden;
}

/** A divider between two panels is hidden with either of them (nothing to resize against). */
export function separatorHidden(hidden: ReadonlySet<PanelId>, before: PanelId, after: PanelId): boolean {
  return hidden.has(before) || hidden.has(after);
}
