// Which lessons the command line can grade, and why the others are checked in the page.
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { whyNotHeadless } from './headless.ts';

describe('whyNotHeadless', () => {
  const base: Lesson = { id: 'x', number: 2, title: 'X', goal: 'g', panes: [], steps: [], body: '', check: [{ kind: 'device', register: 'status', is: 'RUNNING', missing: 'm' }] };

  it('a lesson with grade commands and no debugger rule can be graded headless', () => {
    expect(whyNotHeadless({ ...base, grade: { commands: ['true'] } })).toBeNull();
  });

  it('one without grade commands, or that asks for a step in the debugger, is checked in the page', () => {
    expect(whyNotHeadless(base)).toMatch(/no `grade:` commands/);
    expect(whyNotHeadless({
      ...base, grade: { commands: ['true'] },
      check: [{ kind: 'stepped-over', match: { kind: 'mmio', access: 'trap', op: 'write', reg: 'command' }, missing: 'm' }],
    })).toBe('it asks you to step over a trapped write to `command` in the debugger, which only the page can watch');
  });
});
