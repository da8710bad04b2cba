// Run to cursor acts only from a stop at a C line with the cursor in the
// project's code, and otherwise says what to do instead.
import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../protocol/driver.ts';
import { runToCursorBlocked, useEditorCursor, type RunToCursorState } from './run-to-cursor.ts';

const project = { files: { 'stopwatch.c': 'int x;\n' } } as unknown as RunToCursorState['project'];
const at: SourceLocation = { file: 'stopwatch.c', line: 215, function: 'stopwatch_time_read' };
const stopped: RunToCursorState = { runState: 'paused', sourceLocation: at, project };
const cursor = { file: 'stopwatch.c', line: 217 };

describe('Run to cursor', () => {
  it('can run from a stop at a C line, with the cursor on a line of the project', () => {
    expect(runToCursorBlocked(stopped, cursor)).toBeNull();
  });

  it('says to pause at a breakpoint first while the machine runs', () => {
    expect(runToCursorBlocked({ ...stopped, runState: 'running', sourceLocation: null }, cursor)).toMatch(/while the machine is stopped at a C line: pause it at a breakpoint first \(set a breakpoint/);
  });

  it('says how to stop at a C line when paused elsewhere (Pause, or a step by instructions)', () => {
    expect(runToCursorBlocked({ ...stopped, sourceLocation: null }, cursor)).toMatch(/stopped at a C line: set a breakpoint on a line of your code .* F9\), then make it run that line/);
  });

  it('asks for a cursor in the code when the editor shows a guest header or nothing', () => {
    expect(runToCursorBlocked(stopped, null)).toMatch(/click a line of your code in the editor first/);
    expect(runToCursorBlocked(stopped, { file: 'linux/module.h', line: 3 })).toMatch(/click a line of your code/);
  });

  it('tells a halted or empty machine what to do', () => {
    expect(runToCursorBlocked({ ...stopped, runState: 'halted' }, cursor)).toMatch(/Press Reset/);
    expect(runToCursorBlocked({ ...stopped, runState: 'empty' }, cursor)).toMatch(/open an example/);
  });

  it('keeps the editor\'s cursor, and a report of the same place changes nothing', () => {
    const { setCursor } = useEditorCursor.getState();
    setCursor(cursor);
    const first = useEditorCursor.getState().cursor;
    setCursor({ ...cursor });
    expect(useEditorCursor.getState().cursor).toBe(first);
    setCursor(null);
    expect(useEditorCursor.getState().cursor).toBeNull();
  });
});
