// The board's virtual clock: a VirtualClock that also watches the end of the
// slice the CPU is running. A slice is planned to end at the next timer
// deadline; if a device arms an earlier timer, or a VM exit's price pushes
// time past the planned end, the CPU is asked to stop after the current
// instruction, so timer interrupts land on the exact instruction (QEMU
// achieves the same by ending the translation block on a timer update).

import { VirtualClock, type Timer } from './clock.ts';

export class SliceClock extends VirtualClock {
  /** Where the running slice must stop; undefined between slices. */
  private sliceEndNs: number | undefined;
  private stopSlice: () => void = () => {};

  /** Called by the board around each cpu.step. */
  beginSlice(endNs: number, stop: () => void): void {
    this.sliceEndNs = endNs;
    this.stopSlice = stop;
  }

  endSlice(): void {
    this.sliceEndNs = undefined;
  }

  override arm(timer: Timer, deadlineNs: number): void {
    super.arm(timer, deadlineNs);
    if (this.sliceEndNs !== undefined && deadlineNs < this.sliceEndNs) this.stopSlice();
  }

  override addNs(ns: number): void {
    super.addNs(ns);
    if (this.sliceEndNs !== undefined && this.nowNs() >= this.sliceEndNs) this.stopSlice();
  }
}
