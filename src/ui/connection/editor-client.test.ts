// The editor client without a browser: the worker is replaced by a recorder,
// time by Vitest's fake clock. What matters to the student: one compile per
// pause in typing, and never the markers of an older text after a newer one.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DriverSources } from '../../protocol/driver.ts';
import type { EditorRequest, EditorResponse } from '../../protocol/editor-messages.ts';
import { CHECK_DEBOUNCE_MS, EditorClient, type CheckResult } from './editor-client.ts';

class FakeWorker {
  static last: FakeWorker;
  readonly posted: EditorRequest[] = [];
  onmessage: ((e: { data: EditorResponse }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  constructor() { FakeWorker.last = this; }
  postMessage(r: EditorRequest) { this.posted.push(r); }
  answer(r: EditorResponse) { this.onmessage?.({ data: r }); }
}

const sources = (text: string): DriverSources => ({ module: 'm', main: 'm.c', files: { 'm.c': text } });
const diag = (message: string) => ({ severity: 'error' as const, message, file: 'm.c', line: 1, col: 1, length: 1, sourceLine: null, text: message });

describe('the editor client', () => {
  let checked: CheckResult[];
  let failures: string[];
  let client: EditorClient;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    checked = [];
    failures = [];
    client = new EditorClient((r) => checked.push(r), (m) => failures.push(m));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('compiles once typing pauses, the newest text only', () => {
    client.check('driver', sources('a'));
    vi.advanceTimersByTime(CHECK_DEBOUNCE_MS - 1);
    client.check('driver', sources('ab'));
    vi.advanceTimersByTime(CHECK_DEBOUNCE_MS - 1);
    expect(FakeWorker.last.posted).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(FakeWorker.last.posted).toMatchObject([{ type: 'check', sources: sources('ab') }]);
  });

  it("drops the answer to a check once a newer one was sent", () => {
    client.check('driver', sources('old'));
    vi.advanceTimersByTime(CHECK_DEBOUNCE_MS);
    client.check('driver', sources('new'));
    vi.advanceTimersByTime(CHECK_DEBOUNCE_MS);
    const [older, newer] = FakeWorker.last.posted;
    FakeWorker.last.answer({ type: 'diagnostics', id: newer.id, diagnostics: [diag('of the new text')], checkMs: 5 });
    FakeWorker.last.answer({ type: 'diagnostics', id: older.id, diagnostics: [diag('of the old text')], checkMs: 5 });
    expect(checked.map((c) => c.diagnostics[0].message)).toEqual(['of the new text']);
  });

  it('answers each hover by its id, and passes a failure on in words', async () => {
    const at = { file: 'm.c', line: 1, col: 1 };
    const first = client.hover('driver', sources('x'), at);
    const second = client.definition('driver', sources('x'), at);
    const [h, d] = FakeWorker.last.posted;
    FakeWorker.last.answer({ type: 'definition', id: d.id, target: { file: 'linux/io.h', line: 3, col: 1, header: true } });
    FakeWorker.last.answer({ type: 'failed', id: h.id, message: "The editor's checker failed" });
    await expect(second).resolves.toEqual({ file: 'linux/io.h', line: 3, col: 1, header: true });
    await expect(first).resolves.toBeNull();
    expect(failures).toEqual(["The editor's checker failed"]);
  });
});
