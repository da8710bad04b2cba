// The UI's end of the worker protocol: starts the machine worker, sends it
// MachineCommands and routes its MachineEvents — UART bytes to the terminal
// channel, trace events to the trace buffer, register snapshots once per
// animation frame, the rest to the store.
// A worker that crashes after it started is replaced by a fresh one; the page
// says so, and whoever listens with onRestart sets the new machine up again.

import { transferablesOf, type MachineCommand, type MachineEvent } from '../../protocol/messages.ts';
import type { RegisterSnapshot } from '../../protocol/registers.ts';
import { TraceBuffer } from '../trace/trace-buffer.ts';
import { UartChannel } from './uart-channel.ts';

export interface MachineEventSink {
  receive(event: Exclude<MachineEvent, { type: 'uart-out' | 'trace' }>): void;
}

/** Starts the real machine worker (tests pass a fake instead). */
function startMachineWorker(): Worker {
  return new Worker(new URL('../../worker/machine-worker.ts', import.meta.url), { type: 'module' });
}

export const RESTARTED_MESSAGE = 'The machine stopped unexpectedly and was restarted; your code is kept. Build or open your program again to run it.';

export class MachineClient {
  readonly uart = new UartChannel();
  /** The trace events, kept out of the store (a storm is tens of thousands a second). */
  readonly trace = new TraceBuffer();
  private worker: Worker;
  /** The current worker said it is ready: a crash after that is worth a restart, one before it would only repeat. */
  private started = false;
  private readonly restartListeners = new Set<() => void>();
  private pendingRegisters: RegisterSnapshot | null = null;
  private frameRequested = false;

  constructor(private readonly sink: MachineEventSink, private readonly startWorker: () => Worker = startMachineWorker) {
    this.worker = this.connect();
  }

  send(command: MachineCommand): void {
    if (command.type === 'reset') this.uart.clear();
    if (command.type === 'reset' || command.type === 'boot-guest') this.trace.clear();
    this.worker.postMessage(command, transferablesOf(command));
  }

  /** Runs after a crashed worker was replaced by a fresh one, which has nothing loaded yet. Returns how to stop listening. */
  onRestart(listener: () => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  private connect(): Worker {
    const worker = this.startWorker();
    this.started = false;
    worker.onmessage = (e: MessageEvent<MachineEvent>) => {
      if (worker !== this.worker) return; // a late message from the worker that crashed
      if (e.data.type === 'ready') this.started = true;
      this.dispatch(e.data);
    };
    worker.onerror = (e) => this.crashed(worker, e.message);
    return worker;
  }

  private crashed(worker: Worker, detail: string | undefined): void {
    if (worker !== this.worker) return;
    if (!this.started) {
      this.sink.receive({ type: 'error', message: `The machine worker failed to start: ${detail || 'unknown error'}. Reload the page; if it happens again, try another browser.` });
      return;
    }
    console.error('machine worker crashed:', detail);
    worker.terminate();
    this.pendingRegisters = null;
    this.uart.clear();
    this.trace.clear();
    this.worker = this.connect();
    this.sink.receive({ type: 'error', message: RESTARTED_MESSAGE });
    for (const listener of this.restartListeners) listener();
  }

  private dispatch(event: MachineEvent): void {
    switch (event.type) {
      case 'uart-out': {
        const bytes = event.bytes.length;
        const from = this.worker;
        // The ack goes to the worker that sent the bytes, never to its replacement.
        return this.uart.write(event.bytes, () => { if (from === this.worker) this.send({ type: 'uart-ack', bytes }); });
      }
      case 'registers':
        return this.queueRegisters(event.registers);
      case 'trace':
        return this.trace.push(event.events, event.dropped);
      case 'loaded':
        this.uart.clear();
        this.trace.clear();
        return this.sink.receive(event);
      case 'status':
        this.commitRegisters(); // the registers sent before a stop belong to it
        return this.sink.receive(event);
      default:
        return this.sink.receive(event);
    }
  }

  /** Registers can arrive many times a frame while running; the store sees the last one per frame. */
  private queueRegisters(registers: RegisterSnapshot): void {
    this.pendingRegisters = registers;
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.commitRegisters();
    });
  }

  private commitRegisters(): void {
    const latest = this.pendingRegisters;
    this.pendingRegisters = null;
    if (latest) this.sink.receive({ type: 'registers', registers: latest });
  }
}
