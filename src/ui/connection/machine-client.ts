// The UI's end of the worker protocol: starts the machine worker, sends it
// MachineCommands and routes its MachineEvents — UART bytes to the terminal
// channel, register snapshots once per animation frame, the rest to the store.

import { transferablesOf, type MachineCommand, type MachineEvent } from '../../protocol/messages.ts';
import type { RegisterSnapshot } from '../../protocol/registers.ts';
import { UartChannel } from './uart-channel.ts';

export interface MachineEventSink {
  receive(event: Exclude<MachineEvent, { type: 'uart-out' }>): void;
}

export class MachineClient {
  readonly uart = new UartChannel();
  private readonly worker: Worker;
  private pendingRegisters: RegisterSnapshot | null = null;
  private frameRequested = false;

  constructor(private readonly sink: MachineEventSink) {
    this.worker = new Worker(new URL('../../worker/machine-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<MachineEvent>) => this.dispatch(e.data);
    this.worker.onerror = (e) => {
      sink.receive({ type: 'error', message: `The machine worker failed to start or crashed: ${e.message || 'unknown error'}. Reload the page.` });
    };
  }

  send(command: MachineCommand): void {
    if (command.type === 'reset') this.uart.clear();
    this.worker.postMessage(command, transferablesOf(command));
  }

  private dispatch(event: MachineEvent): void {
    switch (event.type) {
      case 'uart-out': {
        const bytes = event.bytes.length;
        return this.uart.write(event.bytes, () => this.send({ type: 'uart-ack', bytes }));
      }
      case 'registers':
        return this.queueRegisters(event.registers);
      case 'loaded':
        this.uart.clear();
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
