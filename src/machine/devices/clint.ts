// The CLINT of QEMU's virt board (hw/intc/riscv_aclint.c, QEMU 7.2): one hart's
// msip (software interrupt), mtimecmp (64-bit, two words) and mtime (10 MHz).
// As QEMU, MTIP is evaluated at reset (mtimecmp = 0 <= mtime: a hart boots
// with mip.MTIP set), when mtimecmp/mtime is written and when the timer expires.

import type { Timer, VirtualClock } from '../clock.ts';
import type { DeviceState, SysBusDevice } from '../device.ts';
import { IrqLine } from '../irq.ts';
import { ioRegion, type AccessSize, type MemoryRegion } from '../memory-region.ts';
import { VIRT_TIMEBASE_HZ } from '../memmap.ts';
import type { Tracer } from '../trace/tracer.ts';

export const CLINT_MSIP = 0x0000;
export const CLINT_MTIMECMP_LO = 0x4000;
export const CLINT_MTIMECMP_HI = 0x4004;
export const CLINT_MTIME_LO = 0xbff8;
export const CLINT_MTIME_HI = 0xbffc;
/** QEMU maps the ACLINT's MSWI (0x4000 bytes) and MTIMER (0x8000) back to back;
 * the rest of the device tree's 0x10000 is unassigned: an access there faults. */
const CLINT_MMIO_SIZE = 0xc000;

const NS_PER_TICK = 1e9 / VIRT_TIMEBASE_HZ;
const TWO32 = 0x1_0000_0000;
const STATE_VERSION = 1;

const REG_NAMES: Record<number, string> = {
  [CLINT_MSIP]: 'msip', [CLINT_MTIMECMP_LO]: 'mtimecmp', [CLINT_MTIMECMP_HI]: 'mtimecmph',
  [CLINT_MTIME_LO]: 'mtime', [CLINT_MTIME_HI]: 'mtimeh',
};

export class Clint implements SysBusDevice {
  readonly typeName = 'riscv.aclint';
  /** Output lines to the hart: mip.MSIP and mip.MTIP. */
  readonly msip = new IrqLine('clint.msip');
  readonly mtip = new IrqLine('clint.mtip');
  readonly irqs = [this.msip, this.mtip];
  readonly mmio: MemoryRegion[] = [];
  private timecmpLo = 0;
  private timecmpHi = 0;
  /** mtime = virtual ticks + delta (a guest write to mtime moves the delta). */
  private timeDelta = 0;
  private timer: Timer;

  constructor(private readonly clock: VirtualClock, private readonly tracer: Tracer) {
    this.timer = clock.createTimer('clint', () => this.timerExpired());
  }

  realize(): void {
    if (this.mmio.length) return;
    this.mmio.push(ioRegion('clint', 'clint', CLINT_MMIO_SIZE, {
      read: (offset, size) => this.read(offset, size),
      write: (offset, value, size) => this.write(offset, value, size),
    }, (offset) => REG_NAMES[offset & ~3], 4)); // word access only, as QEMU's ACLINT
  }

  reset(): void {
    this.timecmpLo = 0;
    this.timecmpHi = 0;
    this.timeDelta = 0;
    this.clock.disarm(this.timer);
    this.msip.lower();
    this.mtip.lower();
    this.updateTimer();
  }

  /** mtime as the guest sees it (ticks of 100 ns). */
  mtime(): number {
    return Math.floor(this.clock.nowNs() / NS_PER_TICK) + this.timeDelta;
  }

  read(offset: number, _size: AccessSize): number {
    switch (offset & ~3) {
      case CLINT_MSIP: return this.msip.level ? 1 : 0;
      case CLINT_MTIMECMP_LO: return this.timecmpLo;
      case CLINT_MTIMECMP_HI: return this.timecmpHi;
      case CLINT_MTIME_LO: return this.mtime() % TWO32 >>> 0;
      case CLINT_MTIME_HI: return Math.floor(this.mtime() / TWO32) >>> 0;
      default: return 0;
    }
  }

  write(offset: number, value: number, _size: AccessSize): void {
    value >>>= 0;
    switch (offset & ~3) {
      case CLINT_MSIP:
        this.msip.set((value & 1) !== 0);
        return;
      case CLINT_MTIMECMP_LO:
        this.timecmpLo = value;
        this.updateTimer();
        return;
      case CLINT_MTIMECMP_HI:
        this.timecmpHi = value;
        this.updateTimer();
        return;
      case CLINT_MTIME_LO:
        this.setMtime(Math.floor(this.mtime() / TWO32) * TWO32 + value);
        return;
      case CLINT_MTIME_HI:
        this.setMtime(value * TWO32 + (this.mtime() % TWO32));
        return;
      default:
        return;
    }
  }

  private setMtime(ticks: number): void {
    this.timeDelta = ticks - Math.floor(this.clock.nowNs() / NS_PER_TICK);
    this.updateTimer();
  }

  /** As riscv_aclint_mtimer_write_timecmp: raise MTIP now if due, else lower it
   * and arm a timer for the exact virtual time mtime reaches mtimecmp. */
  private updateTimer(): void {
    const cmp = this.timecmpHi * TWO32 + this.timecmpLo;
    if (this.mtime() >= cmp) {
      this.cancelTimer();
      this.mtip.raise();
      return;
    }
    this.mtip.lower();
    const deadlineNs = (cmp - this.timeDelta) * NS_PER_TICK;
    if (!Number.isSafeInteger(deadlineNs)) {
      this.cancelTimer(); // beyond 2^53 ns (285 years): never within any run
      return;
    }
    this.clock.arm(this.timer, deadlineNs);
    if (this.tracer.enabled) this.tracer.emit({ kind: 'timer', action: 'arm', owner: 'clint', deadlineNs });
  }

  private cancelTimer(): void {
    if (this.timer.armed && this.tracer.enabled) {
      this.tracer.emit({ kind: 'timer', action: 'cancel', owner: 'clint', deadlineNs: this.timer.deadlineNs });
    }
    this.clock.disarm(this.timer);
  }

  private timerExpired(): void {
    if (this.tracer.enabled) this.tracer.emit({ kind: 'timer', action: 'fire', owner: 'clint', deadlineNs: this.timer.deadlineNs });
    // The deadline was computed from mtimecmp; re-check in case mtime moved.
    this.updateTimer();
  }

  saveState(): DeviceState {
    return {
      version: STATE_VERSION, timecmpLo: this.timecmpLo, timecmpHi: this.timecmpHi, timeDelta: this.timeDelta,
      msip: this.msip.level, mtip: this.mtip.level, timerArmed: this.timer.armed, deadlineNs: this.timer.deadlineNs,
    };
  }

  loadState(state: DeviceState): void {
    if (state.version !== STATE_VERSION) throw new Error(`clint: saved state version ${String(state.version)} is not ${STATE_VERSION}`);
    this.timecmpLo = state.timecmpLo as number;
    this.timecmpHi = state.timecmpHi as number;
    this.timeDelta = state.timeDelta as number;
    this.msip.set(state.msip as boolean);
    this.mtip.set(state.mtip as boolean);
    if (state.timerArmed) this.clock.arm(this.timer, state.deadlineNs as number);
    else this.clock.disarm(this.timer);
  }
}
