// The presenter view shows the lesson's panes and hides the rest, with the
// groups that would be left empty; without a lesson it shows everything.
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { hiddenPanels, presenterPanes, separatorHidden } from './presenter-panes.ts';

const lesson = (panes: Lesson['panes']): Lesson => ({
  id: 'trapping-mmio', number: 2, title: 'Trapping MMIO', goal: 'g', panes, steps: [], check: [], body: '',
});

describe('presenter panes', () => {
  it('are every pane without a lesson, or when the lesson names none', () => {
    expect(presenterPanes({})).toContain('trace');
    expect(presenterPanes({ currentLesson: null })).toHaveLength(9);
    expect(presenterPanes({ currentLesson: lesson([]) })).toHaveLength(9);
    expect([...hiddenPanels(presenterPanes({}))]).toEqual([]);
  });

  it('hide what the lesson does not name, and a group left empty', () => {
    const hidden = hiddenPanels(presenterPanes({ currentLesson: lesson(['editor', 'device', 'host', 'trace']) }));
    // The lesson's own panel stays: the class follows its steps and its Check.
    expect([...hidden].sort()).toEqual(['console', 'machine']);
    // A store selector: the same state gives the same list, or React renders for ever.
    const state = { currentLesson: lesson(['editor']) };
    expect(presenterPanes(state)).toBe(presenterPanes({ ...state }));
    const interrupts = hiddenPanels(['terminal', 'trace']);
    expect([...interrupts].sort()).toEqual(['device', 'editor', 'hardware', 'host', 'lessons', 'machine']);
    const traceOnly = hiddenPanels(['trace']);
    expect(traceOnly.has('top')).toBe(true);
    expect(traceOnly.has('trace')).toBe(false);
    // The Lessons column sits in the top row: a lesson that shows it keeps the row.
    expect(hiddenPanels(['lessons', 'trace']).has('top')).toBe(false);
  });

  it('show the machine column for the Code pane or the CPU, and the whole guest region for "guest"', () => {
    expect(hiddenPanels(['code']).has('machine')).toBe(false);
    expect(hiddenPanels(['cpu']).has('machine')).toBe(false);
    const guest = hiddenPanels(['guest']);
    expect(['editor', 'console', 'machine', 'work', 'guest'].some((p) => guest.has(p as never))).toBe(false);
  });

  it('hide a divider with either panel beside it', () => {
    const hidden = hiddenPanels(['editor', 'device']);
    expect(separatorHidden(hidden, 'editor', 'console')).toBe(true);
    expect(separatorHidden(hidden, 'guest', 'hardware')).toBe(false);
    expect(separatorHidden(hidden, 'device', 'host')).toBe(true);
  });
});
