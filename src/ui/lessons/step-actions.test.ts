// A step's button: its actions run in order through the page's hands, a
// `find` text lands on the first line that contains it, and an action that
// cannot be done stops the step with what to do instead.
import { describe, expect, it } from 'vitest';
import type { LessonAction } from '../../protocol/lessons/lesson.ts';
import { resolveLine, runActions, type PlaygroundHands } from './step-actions.ts';

const SOURCE = '#include <x.h>\n\nstatic void go(u32 action)\n{\n\twritel(action, regs + CMD);\n\twritel(action, regs + CMD);\n}\n';

function hands(files: Record<string, string> = { 'stopwatch.c': SOURCE }) {
  const log: string[] = [];
  let project = files;
  const h: PlaygroundHands = {
    openProject: (id) => {
      log.push(`open ${id}`);
      if (id === 'missing') return Promise.resolve('There is no example "missing".');
      project = { 'stopwatch.c': SOURCE };
      return Promise.resolve(null);
    },
    fileText: (file) => project[file],
    showFileAt: (file, line) => { log.push(`show ${file}:${line}`); return Promise.resolve(null); },
    highlight: (pane) => { log.push(`highlight ${pane}`); return null; },
    typeCommand: (command) => { log.push(`type ${command}`); return null; },
    setBreakpoint: (file, line) => { log.push(`break ${file}:${line}`); return null; },
    build: () => { log.push('build'); return null; },
  };
  return { h, log };
}

describe('lesson step actions', () => {
  it('finds the first line containing the text, or takes a line number that exists', () => {
    expect(resolveLine(SOURCE, { file: 'stopwatch.c', find: 'writel(action' })).toBe(5);
    expect(resolveLine(SOURCE, { file: 'stopwatch.c', line: 3 })).toBe(3);
    expect(resolveLine(SOURCE, { file: 'stopwatch.c', find: 'readl(' })).toBeNull();
    expect(resolveLine(SOURCE, { file: 'stopwatch.c', line: 99 })).toBeNull();
  });

  it('does every action of a step in order, through the playground', async () => {
    const { h, log } = hands({});
    const actions: LessonAction[] = [
      { kind: 'open-project', project: 'stopwatch' },
      { kind: 'open-file', at: { file: 'stopwatch.c', find: 'writel(action' } },
      { kind: 'highlight', pane: 'code' },
      { kind: 'breakpoint', at: { file: 'stopwatch.c', find: 'writel(action' } },
      { kind: 'type', command: 'stopwatch_ctrl.sh start' },
      { kind: 'build' },
    ];
    const outcome = await runActions(actions, h);
    expect(log).toEqual(['open stopwatch', 'show stopwatch.c:5', 'highlight code', 'break stopwatch.c:5', 'type stopwatch_ctrl.sh start', 'build']);
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain('type `stopwatch_ctrl.sh start` in the terminal (you press Enter)');
  });

  it('stops at an action it cannot do and says what to do instead', async () => {
    const { h, log } = hands({ 'other.c': '' });
    const outcome = await runActions([
      { kind: 'highlight', pane: 'editor' },
      { kind: 'open-file', at: { file: 'stopwatch.c', find: 'writel(' } },
      { kind: 'type', command: 'never typed' },
    ], h);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe("Done: point at the Editor pane. Then: The project has no file stopwatch.c. Open the lesson's project first (the first step, or the button under the goal).");
    expect(log).toEqual(['highlight editor']);

    const edited = await runActions([{ kind: 'breakpoint', at: { file: 'stopwatch.c', find: 'readl(' } }], hands().h);
    expect(edited.message).toBe('stopwatch.c has no line containing `readl(` (was it edited?). Find it by hand, or reset the example to its original text.');
    expect((await runActions([{ kind: 'open-project', project: 'missing' }], hands().h)).message).toBe('There is no example "missing".');
  });

  it('says a step without actions is done by hand', async () => {
    expect(await runActions([], hands().h)).toEqual({ ok: true, message: 'This step is done by hand.' });
  });
});
