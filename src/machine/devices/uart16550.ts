// The ns16550a UART0 of QEMU's virt board (hw/char/serial.c): transmit is
// instantaneous (THRE/TEMT always set again at once), receive takes keyboard
// bytes into RBR or the 16-byte FIFO only while there is room (as QEMU's
// serial_can_receive holds the chardev back), and the interrupt identification
// follows serial_update_irq's priorities. Its one IRQ line goes to PLIC source 10.

import type { Timer, VirtualClock } from '../clock.ts';
import type { DeviceState, SysBusDevice } from '../device.ts';
import { IrqLine, type IrqHandler } from '../irq.ts';
import { ioRegion, type AccessSize, type MemoryRegion } from '../memory-region.ts';
import type { Tracer } from '../trace/tracer.ts';

export const UART_RBR = 0; // read; THR on write; DLL when LCR.DLAB
export const UART_IER = 1; // DLM when LCR.DLAB
export const UART_IIR = 2; // read; FCR on write
export const UART_LCR = 3;
export const UART_MCR = 4;
export const UART_LSR = 5;
export const UART_MSR = 6;
export const UART_SCR = 7;

export const UART_IER_RDI = 0x01;
export const UART_IER_THRI = 0x02;
export const UART_IER_RLSI = 0x04;
export const UART_IER_MSI = 0x08;
export const UART_IIR_NO_INT = 0x01;
export const UART_IIR_THRI = 0x02;
export const UART_IIR_RDI = 0x04;
export const UART_IIR_RLSI = 0x06;
export const UART_IIR_CTI = 0x0c;
export const UART_IIR_FE = 0xc0;
export const UART_FCR_FE = 0x01;
export const UART_FCR_RFR = 0x02;
export const UART_FCR_XFR = 0x04;
export const UART_LCR_DLAB = 0x80;
export const UART_MCR_OUT2 = 0x08;
export const UART_MCR_LOOP = 0x10;
export const UART_LSR_DR = 0x01;
export const UART_LSR_OE = 0x02;
export const UART_LSR_BI = 0x10;
export const UART_LSR_THRE = 0x20;
export const UART_LSR_TEMT = 0x40;
export const UART_LSR_INT_ANY = 0x1e;
export const UART_MSR_DCD = 0x80;
export const UART_MSR_DSR = 0x20;
export const UART_MSR_CTS = 0x10;
export const UART_MSR_ANY_DELTA = 0x0f;

const FIFO_LENGTH = 16;
/** QEMU's power-on char_transmit_time: 10 bits at 9600 baud, in ns. */
const CHAR_TRANSMIT_NS = Math.floor(1e9 / 9600) * 10;
const STATE_VERSION = 1;
const REG_NAMES = ['rbr/thr', 'ier', 'iir/fcr', 'lcr', 'mcr', 'lsr', 'msr', 'scr'];
const UART_MMIO_SIZE = REG_NAMES.length;

/** serial.c calls qemu_set_irq on every update, so a PLIC sees the line
 * asserted again even when its level did not change. */
export class RepeatingIrqLine extends IrqLine {
  private sink: IrqHandler | undefined;

  override connect(handler: IrqHandler): void {
    this.sink = handler;
    super.connect(handler);
  }

  drive(level: boolean): void {
    if (level === this.level) this.sink?.(level);
    else this.set(level);
  }
}

export class Uart16550 implements SysBusDevice {
  readonly typeName = 'serial';
  readonly irq = new RepeatingIrqLine('uart0');
  readonly irqs = [this.irq];
  readonly mmio: MemoryRegion[] = [];
  private ier = 0;
  private iir = UART_IIR_NO_INT;
  private fcr = 0;
  private lcr = 0;
  private mcr = UART_MCR_OUT2;
  private lsr = UART_LSR_TEMT | UART_LSR_THRE;
  private msr = UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
  private scr = 0;
  private divider = 0x0c;
  private rbr = 0;
  private rxFifo: number[] = [];
  private rxTriggerLevel = 1;
  private thrPending = false;
  private timeoutPending = false;
  private timeoutTimer: Timer;
  /** Keyboard bytes the UART could not take yet (QEMU's chardev holds them). */
  private input: number[] = [];
  private output: number[] = [];

  constructor(private readonly clock: VirtualClock, private readonly tracer: Tracer) {
    this.timeoutTimer = clock.createTimer('uart0-fifo-timeout', () => {
      this.timeoutPending = true;
      this.updateIrq();
    });
  }

  realize(): void {
    if (this.mmio.length) return;
    // QEMU's serial_mm maps only its 8 registers (8 << regshift bytes); the
    // rest of the device tree's 0x100 is unassigned: an access there faults.
    this.mmio.push(ioRegion('uart0', 'uart0', UART_MMIO_SIZE, {
      read: (offset, size) => this.read(offset, size),
      write: (offset, value, size) => this.write(offset, value, size),
    }, (offset) => REG_NAMES[offset & 7]));
  }

  reset(): void {
    Object.assign(this, {
      ier: 0, iir: UART_IIR_NO_INT, fcr: 0, lcr: 0, mcr: UART_MCR_OUT2, lsr: UART_LSR_TEMT | UART_LSR_THRE,
      msr: UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS, scr: 0, divider: 0x0c, rbr: 0, rxTriggerLevel: 1,
      thrPending: false, timeoutPending: false, rxFifo: [], input: [],
    });
    // `output` stays: those bytes already left the UART for the host's terminal.
    this.clock.disarm(this.timeoutTimer);
    this.updateIrq();
  }

  /** Keyboard input: queued, and fed to the receiver as it has room. */
  receive(bytes: Uint8Array): void {
    for (const b of bytes) this.input.push(b);
    this.pumpInput();
  }

  /** Bytes the guest transmitted since the last call. */
  takeOutput(): Uint8Array {
    const out = Uint8Array.from(this.output);
    this.output.length = 0;
    return out;
  }

  get outputLength(): number {
    return this.output.length;
  }

  read(offset: number, _size: AccessSize): number {
    switch (offset & 7) {
      case UART_RBR: return this.lcr & UART_LCR_DLAB ? this.divider & 0xff : this.readRbr();
      case UART_IER: return this.lcr & UART_LCR_DLAB ? (this.divider >> 8) & 0xff : this.ier;
      case UART_IIR: return this.readIir();
      case UART_LCR: return this.lcr;
      case UART_MCR: return this.mcr;
      case UART_LSR: return this.readLsr();
      case UART_MSR: return this.readMsr();
      default: return this.scr;
    }
  }

  write(offset: number, value: number, _size: AccessSize): void {
    value &= 0xff;
    switch (offset & 7) {
      case UART_RBR:
        if (this.lcr & UART_LCR_DLAB) this.divider = (this.divider & 0xff00) | value;
        else this.transmit(value);
        return;
      case UART_IER:
        if (this.lcr & UART_LCR_DLAB) this.divider = (this.divider & 0xff) | (value << 8);
        else this.writeIer(value);
        return;
      case UART_IIR: this.writeFcr(value); return;
      case UART_LCR: this.lcr = value; return;
      case UART_MCR: this.mcr = value & 0x1f; return;
      case UART_SCR: this.scr = value; return;
      default: return; // LSR and MSR are read-only
    }
  }

  private transmit(byte: number): void {
    if (this.mcr & UART_MCR_LOOP) {
      this.acceptByte(byte);
    } else {
      this.output.push(byte);
      if (this.tracer.enabled) this.tracer.emit({ kind: 'uart', dir: 'tx', byte });
    }
    // Sent at once: the holding register is empty again and says so.
    this.lsr |= UART_LSR_THRE | UART_LSR_TEMT;
    this.thrPending = true;
    this.updateIrq();
  }

  private readRbr(): number {
    let value: number;
    if (this.fcr & UART_FCR_FE) {
      value = this.rxFifo.length ? this.rxFifo.shift()! : 0;
      if (this.rxFifo.length === 0) this.lsr &= ~(UART_LSR_DR | UART_LSR_BI);
      else this.clock.arm(this.timeoutTimer, this.clock.nowNs() + 4 * CHAR_TRANSMIT_NS);
      this.timeoutPending = false;
    } else {
      value = this.rbr;
      this.lsr &= ~(UART_LSR_DR | UART_LSR_BI);
    }
    this.updateIrq();
    if (!(this.mcr & UART_MCR_LOOP)) this.pumpInput();
    return value;
  }

  private readIir(): number {
    const value = this.iir;
    // Reading IIR acknowledges a THR-empty interrupt (serial.c).
    if ((value & 0x0f) === UART_IIR_THRI) {
      this.thrPending = false;
      this.updateIrq();
    }
    return value;
  }

  private readLsr(): number {
    const value = this.lsr;
    if (this.lsr & (UART_LSR_BI | UART_LSR_OE)) {
      this.lsr &= ~(UART_LSR_BI | UART_LSR_OE);
      this.updateIrq();
    }
    return value;
  }

  private readMsr(): number {
    if (this.mcr & UART_MCR_LOOP) {
      // Loopback wires RTS→CTS, DTR→DSR, OUT1→RI, OUT2→DCD (serial.c).
      return ((this.mcr & 0x0c) << 4) | ((this.mcr & 0x02) << 3) | ((this.mcr & 0x01) << 5);
    }
    const value = this.msr;
    if (this.msr & UART_MSR_ANY_DELTA) {
      this.msr &= 0xf0;
      this.updateIrq();
    }
    return value;
  }

  private writeIer(value: number): void {
    const changed = (this.ier ^ value) & 0x0f;
    this.ier = value & 0x0f;
    // Turning THRI on with THR empty raises the interrupt again (serial.c, for Windows).
    if (changed & UART_IER_THRI) this.thrPending = (this.ier & UART_IER_THRI) !== 0 && (this.lsr & UART_LSR_THRE) !== 0;
    if (changed) this.updateIrq();
  }

  private writeFcr(value: number): void {
    if (this.fcr === value) return;
    if ((value ^ this.fcr) & UART_FCR_FE) value |= UART_FCR_XFR | UART_FCR_RFR;
    if (value & UART_FCR_RFR) {
      this.lsr &= ~(UART_LSR_DR | UART_LSR_BI);
      this.clock.disarm(this.timeoutTimer);
      this.timeoutPending = false;
      this.rxFifo = [];
    }
    if (value & UART_FCR_XFR) {
      this.lsr |= UART_LSR_THRE;
      this.thrPending = true;
    }
    this.fcr = value & 0xc9;
    if (this.fcr & UART_FCR_FE) {
      this.iir |= UART_IIR_FE;
      this.rxTriggerLevel = [1, 4, 8, 14][this.fcr >> 6];
    } else {
      this.iir &= ~UART_IIR_FE;
    }
    this.updateIrq();
    this.pumpInput();
  }

  private canReceive(): boolean {
    if (this.mcr & UART_MCR_LOOP) return false;
    return this.fcr & UART_FCR_FE ? this.rxFifo.length < FIFO_LENGTH : !(this.lsr & UART_LSR_DR);
  }

  private pumpInput(): void {
    while (this.input.length && this.canReceive()) this.acceptByte(this.input.shift()!);
  }

  private acceptByte(byte: number): void {
    if (this.tracer.enabled) this.tracer.emit({ kind: 'uart', dir: 'rx', byte });
    if (this.fcr & UART_FCR_FE) {
      if (this.rxFifo.length >= FIFO_LENGTH) this.lsr |= UART_LSR_OE;
      else this.rxFifo.push(byte);
      this.clock.arm(this.timeoutTimer, this.clock.nowNs() + 4 * CHAR_TRANSMIT_NS);
    } else {
      if (this.lsr & UART_LSR_DR) this.lsr |= UART_LSR_OE;
      this.rbr = byte;
    }
    this.lsr |= UART_LSR_DR;
    this.updateIrq();
  }

  /** serial_update_irq: the highest-priority cause that IER enables. */
  private updateIrq(): void {
    let id = UART_IIR_NO_INT;
    if (this.ier & UART_IER_RLSI && this.lsr & UART_LSR_INT_ANY) id = UART_IIR_RLSI;
    else if (this.ier & UART_IER_RDI && this.timeoutPending) id = UART_IIR_CTI;
    else if (this.ier & UART_IER_RDI && this.lsr & UART_LSR_DR
      && (!(this.fcr & UART_FCR_FE) || this.rxFifo.length >= this.rxTriggerLevel)) id = UART_IIR_RDI;
    else if (this.ier & UART_IER_THRI && this.thrPending) id = UART_IIR_THRI;
    else if (this.ier & UART_IER_MSI && this.msr & UART_MSR_ANY_DELTA) id = 0x00;
    this.iir = id | (this.iir & 0xf0);
    this.irq.drive(id !== UART_IIR_NO_INT);
  }

  saveState(): DeviceState {
    return {
      version: STATE_VERSION, ier: this.ier, iir: this.iir, fcr: this.fcr, lcr: this.lcr, mcr: this.mcr, lsr: this.lsr,
      msr: this.msr, scr: this.scr, divider: this.divider, rbr: this.rbr, rxFifo: [...this.rxFifo],
      rxTriggerLevel: this.rxTriggerLevel, thrPending: this.thrPending, timeoutPending: this.timeoutPending,
      input: [...this.input], timeoutArmed: this.timeoutTimer.armed, timeoutNs: this.timeoutTimer.deadlineNs,
    };
  }

  loadState(state: DeviceState): void {
    if (state.version !== STATE_VERSION) throw new Error(`uart0: saved state version ${String(state.version)} is not ${STATE_VERSION}`);
    const { version: _v, timeoutArmed, timeoutNs, rxFifo, input, ...regs } = state;
    Object.assign(this, regs, { rxFifo: [...(rxFifo as number[])], input: [...(input as number[])], output: [] });
    if (timeoutArmed) this.clock.arm(this.timeoutTimer, timeoutNs as number);
    else this.clock.disarm(this.timeoutTimer);
    this.updateIrq();
  }
}
