// The page's end of the editor worker: the checker that compiles the project as
// the student types (its own thread, so the machine never waits for it).
// Checks are debounced — one compile per pause in typing — and an answer to a
// check older than the newest one is dropped; hover, definition and header
// text are asked and answered one by one, by request id.

import type { BuildDiagnostic } from '../../protocol/build.ts';
import type { DriverSources } from '../../protocol/driver.ts';
import type { EditorHover, EditorLocation, EditorPosition, EditorRequest, EditorResponse, ProgramKind } from '../../protocol/editor-messages.ts';

/** How long typing must pause before the driver is compiled again. */
export const CHECK_DEBOUNCE_MS = 300;

export interface CheckResult { diagnostics: BuildDiagnostic[]; checkMs: number }

type Pending = (response: EditorResponse) => void;

/** A request before it is given its id (Omit taken member by member of the union). */
type RequestBody = EditorRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class EditorClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private latestCheck = 0;
  private debounce: ReturnType<typeof setTimeout> | null = null;

  /** `onChecked` gets the diagnostics of the newest check only; `onFailure` a sentence for the student. */
  constructor(private readonly onChecked: (result: CheckResult) => void, private readonly onFailure: (message: string) => void) {
    this.worker = new Worker(new URL('../../worker/editor-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<EditorResponse>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.onFailure(`The editor's checker failed to start or crashed (${e.message || 'unknown error'}): errors are not marked as you type. Build & load still reports them; reload the page to try again.`);
    };
  }

  /** Compiles `sources` once typing has paused for CHECK_DEBOUNCE_MS. */
  check(kind: ProgramKind, sources: DriverSources): void {
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      const id = this.send({ type: 'check', kind, sources });
      this.latestCheck = id;
    }, CHECK_DEBOUNCE_MS);
  }

  async hover(kind: ProgramKind, sources: DriverSources, at: EditorPosition): Promise<EditorHover | null> {
    const r = await this.ask({ type: 'hover', kind, sources, at });
    return r.type === 'hover' ? r.hover : null;
  }

  async definition(kind: ProgramKind, sources: DriverSources, at: EditorPosition): Promise<EditorLocation | null> {
    const r = await this.ask({ type: 'definition', kind, sources, at });
    return r.type === 'definition' ? r.target : null;
  }

  /** A guest header's text by include path; null when the guest has none. */
  async header(path: string): Promise<string | null> {
    const r = await this.ask({ type: 'header', path });
    return r.type === 'header' ? r.text : null;
  }

  private ask(body: RequestBody): Promise<EditorResponse> {
    return new Promise((resolve) => {
      const id = this.send(body);
      this.pending.set(id, resolve);
    });
  }

  private send(body: RequestBody): number {
    const id = this.nextId++;
    this.worker.postMessage({ ...body, id } as EditorRequest);
    return id;
  }

  private receive(r: EditorResponse): void {
    if (r.type === 'failed') this.onFailure(r.message);
    if (r.type === 'diagnostics' && r.id === this.latestCheck) this.onChecked({ diagnostics: r.diagnostics, checkMs: r.checkMs });
    const waiting = this.pending.get(r.id);
    if (waiting) {
      this.pending.delete(r.id);
      waiting(r);
    }
  }
}
