// Which trace event the student is looking at. Selecting an event selects it
// in every pane (the C line in the editor, the instruction in the Code pane,
// the register or bytes in the Device pane, the callback in the Host pane);
// "follow" keeps the newest event selected while the machine runs. The events
// themselves are not here: they live in the machine client's TraceBuffer.

import type { StateCreator } from 'zustand';
import type { SourceLocation } from '../../protocol/driver.ts';
import type { MachineCommand } from '../../protocol/messages.ts';
import type { CodeLine } from '../../protocol/registers.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import type { PlaygroundState } from './playground-state.ts';

/** Where the selected event's pc is: its C line (null: none known) and the code around it. */
export interface TracedSource {
  pc: number;
  location: SourceLocation | null;
  code: CodeLine[];
}

export interface TraceSlice {
  /** The event selected in the trace (null: none). */
  selectedTrace: TraceEvent | null;
  /** The worker's answer for the selected event's pc (null: none asked, or no pc). */
  tracedSource: TracedSource | null;
  /** Keep the newest event selected while running. */
  followTrace: boolean;
  /** The board's device tree, once asked for (the Trace pane's export). */
  exportedDtb: { dtb: Uint8Array; dts: string } | null;
  /** Selects an event; `locate`: ask the worker where its pc is (a click does; follow mode does not, 60 times a second). */
  selectTraceEvent(event: TraceEvent | null, locate?: boolean): void;
  setFollowTrace(follow: boolean): void;
  requestDtb(): void;
  receiveTraceAnswer(answer: { type: 'located'; pc: number; location: SourceLocation | null; code: CodeLine[] } | { type: 'dtb'; dtb: Uint8Array; dts: string }): void;
}

export const createTraceSlice = (send: (command: MachineCommand) => void): StateCreator<PlaygroundState, [], [], TraceSlice> => (set, get) => ({
  selectedTrace: null,
  tracedSource: null,
  followTrace: false,
  exportedDtb: null,
  selectTraceEvent(event, locate = true) {
    set({ selectedTrace: event });
    if (!locate) return;
    if (event?.pc === undefined) {
      set({ tracedSource: null });
      return;
    }
    const ra = event.kind === 'mmio' ? event.ra : undefined;
    send(ra === undefined ? { type: 'locate', pc: event.pc } : { type: 'locate', pc: event.pc, ra });
  },
  setFollowTrace: (follow) => set({ followTrace: follow }),
  requestDtb() {
    set({ exportedDtb: null });
    send({ type: 'export-dtb' });
  },
  receiveTraceAnswer(answer) {
    if (answer.type === 'dtb') return set({ exportedDtb: { dtb: answer.dtb, dts: answer.dts } });
    // A late answer for an event no longer selected is dropped.
    if (get().selectedTrace?.pc !== answer.pc) return;
    set({ tracedSource: { pc: answer.pc, location: answer.location, code: answer.code } });
  },
});
