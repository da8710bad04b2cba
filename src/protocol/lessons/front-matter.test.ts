import { describe, expect, it } from 'vitest';
import { LessonFileError, parseLesson, sortLessons } from './front-matter.ts';

const LESSON = `---
id: trapping-mmio
number: 2
title: Trapping MMIO
goal: A write to command is a VM exit.
diagram: trapping-mmio.svg
panes: [editor, device, host]
project: stopwatch
steps:
  - text: Open the driver where it sends a command.
    do:
      - open-file: { file: stopwatch.c, find: "writel(" }
      - highlight: code
  - text: Start it.
    do:
      - type: stopwatch_ctrl.sh start
      - breakpoint: { file: stopwatch.c, line: 12 }
      - build: true
      - open-project: stopwatch-noack
  - text: Look at the Host pane.
check:
  - event: { kind: mmio, access: trap, reg: command, valueName: [START, STOP] }
    count: { atLeast: 1, atMost: 3 }
    missing: No START yet.
  - window:
      from: { kind: kcall, into: driver }
      to: { kind: kcall, name: "/^simple_read/" }
      label: show
    expect:
      - { match: { kind: vm-exit }, atMost: 1 }
    missing: The read took exits.
  - device: { register: status, is: RUNNING }
    missing: Not running.
grade:
  commands: [stopwatch_ctrl.sh start]
---

# Trapping

Some **text**.
`;

const broken = (edit: (text: string) => string) => () => parseLesson('02-trapping.md', edit(LESSON));

describe('a lesson file', () => {
  it('reads into a lesson: fields, steps with their actions, rules, grade and the Markdown body', () => {
    const l = parseLesson('02-trapping.md', LESSON);
    expect(l).toMatchObject({ id: 'trapping-mmio', number: 2, title: 'Trapping MMIO', diagram: 'trapping-mmio.svg', project: 'stopwatch', panes: ['editor', 'device', 'host'] });
    expect(l.steps.map((s) => s.actions.map((a) => a.kind))).toEqual([
      ['open-file', 'highlight'], ['type', 'breakpoint', 'build', 'open-project'], [],
    ]);
    expect(l.steps[0]!.actions[0]).toEqual({ kind: 'open-file', at: { file: 'stopwatch.c', find: 'writel(' } });
    expect(l.check.map((r) => r.kind)).toEqual(['event', 'window', 'device']);
    expect(l.check[0]).toMatchObject({ count: { atLeast: 1, atMost: 3 }, match: { valueName: ['START', 'STOP'] } });
    expect(l.grade).toEqual({ commands: ['stopwatch_ctrl.sh start'] });
    expect(l.body).toBe('# Trapping\n\nSome **text**.');
  });

  it('names the file, the field and what was expected when something is wrong', () => {
    expect(broken((t) => t.replace('---\nid', 'id'))).toThrow(/02-trapping.md: a lesson file starts with a front matter block/);
    expect(broken((t) => t.replace('highlight: code', 'highlight: kitchen'))).toThrow(/steps\[0\]\.do\[1\]\.highlight: expected a pane/);
    expect(broken((t) => t.replace('build: true', 'bake: true'))).toThrow(/steps\[1\]\.do\[2\]: expected one of open-project, open-file/);
    expect(broken((t) => t.replace('kind: mmio', 'kind: mmoi'))).toThrow(/check\[0\]\.event\.kind: expected an event kind/);
    expect(broken((t) => t.replace('"/^simple_read/"', '"/(/"'))).toThrow(/check\[1\]\.window\.to\.name: the regular expression/);
    expect(broken((t) => t.replace('    missing: Not running.\n', ''))).toThrow(/check\[2\]\.missing: expected some text/);
    expect(broken((t) => t.replace('atLeast: 1, atMost: 3', 'atLeast: 4, atMost: 3'))).toThrow(/no count can pass/);
    expect(broken((t) => t.replace('line: 12', 'line: 0'))).toThrow(/breakpoint\.line: expected a line number/);
    expect(broken((t) => t.replace('title: Trapping MMIO', 'title: [oops'))).toThrow(/front matter: the YAML does not parse/);
    expect(broken((t) => t.replace('number: 2', 'number: two'))).toThrow(LessonFileError);
  });

  it('puts lessons in course order and refuses two with one number', () => {
    const a = parseLesson('a.md', LESSON);
    const b = { ...a, id: 'first', number: 1 };
    expect(sortLessons([a, b]).map((l) => l.number)).toEqual([1, 2]);
    expect(() => sortLessons([a, { ...a, id: 'other' }])).toThrow(/both have number 2/);
  });
});
