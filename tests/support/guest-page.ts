// The page's side of the guest worker, for tests: a GuestHost driven through
// the protocol as the page drives it. It keeps what the page would show (the
// terminal's screen, the events, the trace), acknowledges terminal bytes as
// xterm does, and waits by turning the event loop while the worker's slices
// run.
import type { DriverSources } from '../../src/protocol/driver.ts';
import type { DeviceView } from '../../src/protocol/device-view.ts';
import type { MachineCommand, MachineEvent } from '../../src/protocol/messages.ts';
import type { TraceEvent } from '../../src/protocol/trace-events.ts';
import { exampleCatalog } from '../../src/worker/examples.ts';
import { GUEST_HEADERS } from '../../src/worker/guest-files.ts';
import { GuestHost } from '../../src/worker/guest-host.ts';

export type EventOf<T extends MachineEvent['type']> = Extract<MachineEvent, { type: T }>;

/** An example driver (by its menu id) as the page's editor opens it. */
export function exampleDriver(id = 'stopwatch'): DriverSources {
  const e = exampleCatalog().find((x) => x.id === id);
  if (!e) throw new Error(`no example "${id}"`);
  return { module: e.name, main: e.main, files: { ...e.files } };
}

export interface GuestPageOptions {
  /** The example driver the guest boots with (null: none). Default: the stopwatch driver. */
  driver?: string | null;
  /** Turn tracing on before booting. */
  trace?: boolean;
  /** The worker's clock, for tests of its pacing. */
  nowMs?: () => number;
  /** Sees every event as it arrives. */
  onEvent?: (event: MachineEvent) => void;
}

export class GuestPage {
  readonly events: MachineEvent[] = [];
  readonly trace: TraceEvent[] = [];
  screen = '';
  readonly host: GuestHost;
  private readonly decoder = new TextDecoder();

  constructor(private readonly opts: GuestPageOptions = {}) {
    const driver = opts.driver === null ? null : exampleDriver(opts.driver ?? 'stopwatch');
    this.host = new GuestHost({
      post: (event) => {
        this.events.push(event);
        if (event.type === 'trace') this.trace.push(...event.events);
        if (event.type === 'uart-out') {
          this.screen += this.decoder.decode(event.bytes, { stream: true });
          // The terminal takes the bytes in at once and says so, as xterm does.
          queueMicrotask(() => this.host.handle({ type: 'uart-ack', bytes: event.bytes.length }));
        }
        opts.onEvent?.(event);
      },
    }, { headers: GUEST_HEADERS, defaultDriver: driver, ...(opts.nowMs ? { nowMs: opts.nowMs } : {}) });
  }

  send(command: MachineCommand): void {
    this.host.handle(command);
  }

  type(text: string): void {
    this.send({ type: 'uart-in', bytes: new TextEncoder().encode(text) });
  }

  last<T extends MachineEvent['type']>(type: T): EventOf<T> | undefined {
    return this.events.filter((e): e is EventOf<T> => e.type === type).at(-1);
  }

  paused(): boolean {
    return this.last('status')?.state === 'paused';
  }

  /** Every Device/Host pane snapshot received, oldest first. */
  views(): DeviceView[] {
    return this.events.flatMap((e) => (e.type === 'device-view' ? [e.view] : []));
  }

  /** Waits (turning the event loop, the worker's slices run meanwhile) until `done` holds. */
  async until(done: () => boolean, what: string, limitMs = 60_000): Promise<void> {
    const t0 = Date.now();
    while (!done()) {
      if (Date.now() - t0 > limitMs) throw new Error(`timed out waiting for ${what}; the screen shows:\n${this.screen}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async boot(): Promise<void> {
    if (this.opts.trace) this.send({ type: 'set-trace', enabled: true });
    this.send({ type: 'boot-guest', driver: null });
    await this.until(() => this.screen.endsWith('/ # '), 'the first prompt');
  }

  /** Types a line and waits for the prompt after its output; the output. */
  async command(line: string): Promise<string> {
    const from = this.screen.length;
    this.type(`${line}\r`);
    await this.until(() => this.screen.length > from + line.length + 2 && this.screen.endsWith('/ # '), `the prompt after '${line}'`);
    return this.screen.slice(from);
  }

  dispose(): void {
    this.host.dispose();
  }
}
