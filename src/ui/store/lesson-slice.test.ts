// The lessons in the store: a lesson opens by number, the student's ticks and
// a passed check survive a reload (and a reset forgets them), the debugger's
// stops are recorded with the trace position they happened at, and Check
// reads the trace, the stops and the device to say what is missing.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { DeviceView } from '../../protocol/device-view.ts';
import type { RegisterSnapshot } from '../../protocol/registers.ts';
import type { TraceBody, TraceEvent } from '../../protocol/trace-events.ts';
import { buildCatalog } from '../lessons/lesson-catalog.ts';
import type { LessonTraceSource, ProgressStorage } from './lesson-slice.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

const LESSON = `---
id: trapping-mmio
number: 2
title: Trapping MMIO
goal: A write to \`command\` is a VM exit.
diagram: trap.svg
panes: [editor, terminal, trace]
project: stopwatch
steps:
  - text: Put the command on the shell line, then press Enter.
    do:
      - type: "stopwatch_ctrl.sh start"
  - text: Stop on the write and step over it.
check:
  - event: { kind: mmio, access: trap, op: write, reg: command, valueName: START }
    missing: No trapped write of START to \`command\` yet. Press Enter on the command in the terminal.
  - stepped-over: { kind: mmio, access: trap, op: write, reg: command }
    missing: Stop on the writel with a breakpoint, then Step once.
  - device: { register: status, is: RUNNING }
    missing: The stopwatch is not running.
---
A write to a trapping register leaves the guest.
`;

const FIRST = LESSON.replace('id: trapping-mmio', 'id: boot-and-probe').replace('number: 2', 'number: 1').replace('diagram: trap.svg\n', '');

class FakeTrace implements LessonTraceSource {
  list: TraceEvent[] = [];
  add(body: TraceBody, pc = 0x8010_0040): void {
    const seq = this.list.length === 0 ? 0 : this.list[this.list.length - 1]!.seq + 1;
    this.list.push({ ...body, seq, timeNs: seq * 1000, pc } as TraceEvent);
  }
  events = () => this.list;
  latestSeq = () => this.list.at(-1)?.seq ?? -1;
}

class MemoryStorage implements ProgressStorage {
  text: string | null = null;
  load = () => this.text;
  save = (text: string) => { this.text = text; };
}

const startWrite: TraceBody = {
  kind: 'mmio', access: 'trap', op: 'write', addr: 0x0400_0090, size: 4, value: 1, region: 'regs', device: 'stopwatch', offset: 0, reg: 'command', valueName: 'START',
};

function makeStore(trace = new FakeTrace(), storage = new MemoryStorage()) {
  const catalog = buildCatalog({ '/lessons/02-trapping-mmio.md': LESSON, '/lessons/01-boot.md': FIRST }, {
    '/lessons/diagrams/trap.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>A trapped write</title><desc>guest to host and back</desc></svg>',
  });
  return create<PlaygroundState>()(playgroundState(() => {}, { catalog, storage, trace }));
}

const registers = (pc: number, instret: number) => ({ pc, instret }) as unknown as RegisterSnapshot;

function deviceWithStatus(valueName: string): DeviceView {
  return { registers: [{ name: 'status', offset: 8, size: 8, access: 'RO', raw: valueName === 'RUNNING' ? 1 : 0, valueName }] } as unknown as DeviceView;
}

describe('lesson slice', () => {
  it('opens a lesson by its number, and the panel with it', () => {
    const store = makeStore();
    expect(store.getState().lessons.map((l) => l.number)).toEqual([1, 2]);
    expect(store.getState().lessonsOpen).toBe(false);
    expect(store.getState().openLesson(2)).toBe(true);
    expect(store.getState().currentLesson?.title).toBe('Trapping MMIO');
    expect(store.getState().lessonsOpen).toBe(true);
    expect(store.getState().openLesson(9)).toBe(false);
    expect(store.getState().currentLesson?.number).toBe(2);
  });

  it('keeps the ticked steps and a passed check in the browser, until the lesson is reset', () => {
    const storage = new MemoryStorage();
    const trace = new FakeTrace();
    const store = makeStore(trace, storage);
    store.getState().setStepDone('trapping-mmio', 1, true);
    store.getState().setStepDone('trapping-mmio', 0, true);
    store.getState().setStepDone('trapping-mmio', 1, false);
    const reloaded = makeStore(new FakeTrace(), storage);
    expect(reloaded.getState().lessonProgress['trapping-mmio']).toEqual({ steps: [0], passed: false });

    reloaded.getState().resetLesson('trapping-mmio');
    expect(makeStore(new FakeTrace(), storage).getState().lessonProgress['trapping-mmio']).toBeUndefined();
  });

  it('ignores saved progress it cannot read', () => {
    const storage = new MemoryStorage();
    storage.text = '{"trapping-mmio": {"steps": [1, "x", -2, 1], "passed": "yes"}, "other": 3';
    expect(makeStore(new FakeTrace(), storage).getState().lessonProgress).toEqual({});
    storage.text = '{"trapping-mmio": {"steps": [1, "x", -2, 1], "passed": "yes"}}';
    expect(makeStore(new FakeTrace(), storage).getState().lessonProgress).toEqual({ 'trapping-mmio': { steps: [1], passed: false } });
  });

  it('records a breakpoint stop and the step after it, each with the newest trace event of its moment', () => {
    const trace = new FakeTrace();
    const store = makeStore(trace);
    trace.add({ kind: 'kcall', name: 'printk', args: [] });
    // The worker sends the registers, then the status, for each stop.
    store.setState({ registers: registers(0x8010_0040, 100) });
    store.setState({ runState: 'paused', stop: { reason: 'breakpoint', pc: 0x8010_0040 } });
    trace.add(startWrite);
    store.setState({ registers: registers(0x8010_0044, 101) });
    store.setState({ stop: { reason: 'step', count: 1, waiting: false } });
    // A second Step reports the same status again: only the registers tell it happened.
    store.setState({ registers: registers(0x8010_0048, 102) });
    store.setState({ registers: registers(0x8010_0048, 102) }); // the same snapshot once more is no new stop
    expect(store.getState().lessonStops).toEqual([
      { pc: 0x8010_0040, cause: 'breakpoint', lastSeq: 0 },
      { pc: 0x8010_0044, cause: 'step', lastSeq: 1 },
      { pc: 0x8010_0048, cause: 'step', lastSeq: 1 },
    ]);
  });

  it('forgets the stops of a run whose trace started over', () => {
    const trace = new FakeTrace();
    const store = makeStore(trace);
    trace.add(startWrite);
    trace.add(startWrite);
    store.setState({ registers: registers(0x100, 1), runState: 'paused', stop: { reason: 'pause' } });
    trace.list = []; // Reset: the page's ring is cleared, seq starts at 0 again
    trace.add(startWrite);
    store.setState({ runState: 'running', stop: null });
    store.setState({ registers: registers(0x200, 5), runState: 'paused', stop: { reason: 'pause' } });
    expect(store.getState().lessonStops).toEqual([{ pc: 0x200, cause: 'pause', lastSeq: 0 }]);
  });

  it('checks the open lesson: what is missing when a step was not done, a pass (kept) when all was', () => {
    const trace = new FakeTrace();
    const store = makeStore(trace);
    expect(store.getState().checkLesson()).toBeNull(); // no lesson open
    store.getState().openLesson(2);

    const before = store.getState().checkLesson()!;
    expect(before.ok).toBe(false);
    expect(before.rules.map((r) => r.message)).toEqual([
      'No trapped write of START to `command` yet. Press Enter on the command in the terminal.',
      'Stop on the writel with a breakpoint, then Step once. (the hart has not stopped yet)',
      'The stopwatch is not running. (the device is not known yet)',
    ]);
    expect(store.getState().lessonProgress['trapping-mmio']?.passed ?? false).toBe(false);

    // The student stops on the writel, steps over it, and the stopwatch runs.
    store.setState({ registers: registers(0x8010_0040, 10), runState: 'paused', stop: { reason: 'breakpoint', pc: 0x8010_0040 } });
    trace.add(startWrite, 0x8010_0040);
    store.setState({ registers: registers(0x8010_0044, 11), stop: { reason: 'step', count: 1, waiting: false } });
    store.setState({ deviceView: deviceWithStatus('RUNNING') });
    const after = store.getState().checkLesson()!;
    expect(after.rules.map((r) => r.ok)).toEqual([true, true, true]);
    expect(after.ok).toBe(true);
    expect(store.getState().lessonCheck).toMatchObject({ lessonId: 'trapping-mmio', run: 2 });
    expect(store.getState().lessonProgress['trapping-mmio']?.passed).toBe(true);

    store.setState({ deviceView: deviceWithStatus('STOPPED') });
    expect(store.getState().checkLesson()!.rules[2]!.message).toBe('The stopwatch is not running. (status is STOPPED)');
    expect(store.getState().lessonProgress['trapping-mmio']?.passed).toBe(true); // passed once stays passed
  });
});

describe('lesson catalog', () => {
  it('keeps the lessons that parse, says what is wrong with the others, and reads the diagrams\' names', () => {
    const broken = '---\nid: Broken Lesson\nnumber: 3\n---\nbody';
    const catalog = buildCatalog({ '/lessons/02-t.md': LESSON, '/lessons/03-broken.md': broken, '/lessons/04-x.md': LESSON.replace('number: 2', 'number: 4') }, {
      '/lessons/diagrams/trap.svg': '<svg><title>A trapped\n  write</title><desc>guest → host</desc></svg>',
    });
    expect(catalog.lessons.map((l) => l.id)).toEqual(['trapping-mmio']);
    expect(catalog.problems[0]).toMatch(/^03-broken\.md: id: /);
    expect(catalog.problems[1]).toMatch(/both have|two lessons have the id/);
    expect(catalog.diagrams['trap.svg']).toMatchObject({ title: 'A trapped write', description: 'guest → host' });
    expect(catalog.diagrams['trap.svg']!.url).toMatch(/^data:image\/svg\+xml/);
  });

  it('names a diagram a lesson asks for that is not there', () => {
    const catalog = buildCatalog({ '/lessons/02-t.md': LESSON }, {});
    expect(catalog.problems).toEqual(['trapping-mmio: the diagram "trap.svg" is not in lessons/diagrams/']);
  });
});
