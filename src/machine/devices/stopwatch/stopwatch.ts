// The para-virtual stopwatch (a QEMU-style hw/misc/stopwatch.c device, see
// docs/devices/stopwatch.md): a pass-through buffer, a trapping register bank
// and a level-triggered "timeout" IRQ line; time is counted on the host side,
// in virtual time. A guest mistake is a device error (the original's hw_error)
// or, with on_error=log, a logged guest error (qemu_log_mask(LOG_GUEST_ERROR)).

import type { Timer, VirtualClock } from '../../clock.ts';
import type { DeviceState } from '../../device.ts';
import { cells64 } from '../../fdt/fdt.ts';
import { IrqLine } from '../../irq.ts';
import { ioRegion, ramRegion, type AccessSize, type MemoryRegion, type RamRegion } from '../../memory-region.ts';
import type { PlatformBusDevice, PlatformFdtContext } from '../../platform-bus.ts';
import type { Tracer } from '../../trace/tracer.ts';
import { formatStopwatchSeconds } from './format-seconds.ts';
import {
  STOPWATCH_ACTION, STOPWATCH_COMPATIBLE, STOPWATCH_MEM, STOPWATCH_MEM_DATA_LENGTH, STOPWATCH_MEM_SIZE,
  STOPWATCH_REG, STOPWATCH_REGS_SIZE, STOPWATCH_STATE, STOPWATCH_TIMEOUT_MAX_S, actionName, stateName,
} from './stopwatch-regs.ts';

export interface StopwatchProps {
  /** After realize (and every reset), RESET then START: the stopwatch runs from boot. */
  startAtBoot: boolean;
  /** 'stop': a device error stops the machine (hw_error); 'log': log a guest error, ignore the access. */
  onError: 'stop' | 'log';
}

export const DEFAULT_STOPWATCH_PROPS: StopwatchProps = { startAtBoot: true, onError: 'stop' };

const STATE_VERSION = 1;
const NS_PER_S = 1_000_000_000;
const hex = (v: number): string => `0x${v.toString(16)}`;

/** Where a timeout is: none, counting down, or fired and waiting for TIMEOUT_ACK. */
type TimeoutState = 'none' | 'armed' | 'fired';

export class StopwatchDevice implements PlatformBusDevice {
  readonly typeName = 'stopwatch';
  readonly props: StopwatchProps;
  /** Set by the board: records the error and stops the CPU loop. */
  onDeviceError: (message: string) => void = () => {};
  /** With on_error=log, told each logged guest error (QEMU's -d guest_errors). */
  onGuestError: (message: string) => void = () => {};
  /** The last device error's message (stop or log), for the UI and tests. */
  lastError: string | undefined;

  private regions: MemoryRegion[] = [];
  /** The pass-through buffer's bytes exist from construction; realize maps them. */
  private readonly shared: RamRegion = { ...ramRegion('stopwatch-mem', this.typeName, STOPWATCH_MEM_SIZE, 'ram-device'), describe: describeSharedField };
  private readonly timeoutIrq = new IrqLine('stopwatch.timeout'); // "timeout", named for traces
  private readonly timer: Timer;
  private status: number = STOPWATCH_STATE.RESET;
  private totalNs = 0;
  private startMarkNs = 0;
  private timeout: TimeoutState = 'none';
  /** The command register's value: what the guest last wrote there (the register is write-only, so
   * only the host, or a debugger's peek, sees it; as QEMU's device keeps it in its regs struct). */
  private command = 0;

  constructor(private readonly clock: VirtualClock, private readonly tracer: Tracer, props: Partial<StopwatchProps> = {}) {
    this.props = { ...DEFAULT_STOPWATCH_PROPS, ...props };
    this.timer = clock.createTimer(this.typeName, () => this.timeoutExpired());
  }

  get mmio(): readonly MemoryRegion[] {
    return this.regions;
  }

  get irqs(): readonly IrqLine[] {
    return [this.timeoutIrq];
  }

  /** The pass-through buffer (struct StopWatch_mem); undefined before realize. */
  get mem(): RamRegion | undefined {
    return this.regions.length ? this.shared : undefined;
  }

  get state(): { status: number; totalNs: number; timeout: TimeoutState; irq: boolean } {
    return { status: this.status, totalNs: this.totalNs, timeout: this.timeout, irq: this.timeoutIrq.level };
  }

  /** The whole model as a debugger sees it, read without side effects (no exit, no log, no trace). */
  peek(): { status: number; command: number; totalNs: number; startMarkNs: number; timeout: TimeoutState; deadlineNs: number | null; irq: boolean } {
    return {
      status: this.status, command: this.command, totalNs: this.totalNs, startMarkNs: this.startMarkNs,
      timeout: this.timeout, deadlineNs: this.timer.armed ? this.timer.deadlineNs : null, irq: this.timeoutIrq.level,
    };
  }

  realize(): void {
    if (this.regions.length) return;
    const regs = { ...ioRegion('stopwatch-regs', this.typeName, STOPWATCH_REGS_SIZE, {
      read: (offset, size) => this.ioRead(offset, size),
      write: (offset, value, size) => this.ioWrite(offset, value, size),
      readName: 'stopwatch_io_read', writeName: 'stopwatch_io_write',
    }, describeRegister), describeValue: describeRegisterValue };
    this.regions = [this.shared, regs];
    this.reset();
  }

  reset(): void {
    this.clock.disarm(this.timer);
    this.timeout = 'none';
    this.status = STOPWATCH_STATE.RESET;
    this.totalNs = 0;
    this.startMarkNs = 0;
    this.command = 0;
    this.shared.bytes.fill(0);
    this.lastError = undefined;
    this.updateIrq();
    if (this.props.startAtBoot) {
      this.status = STOPWATCH_STATE.RUNNING;
      this.startMarkNs = this.clock.nowNs();
    }
  }

  // ---- the trapping register bank (stopwatch_io_read / stopwatch_io_write) ----

  private ioRead(offset: number, size: AccessSize): number {
    if (!this.checkAccess('read', offset, 0, size)) return 0;
    if (offset === STOPWATCH_REG.command || offset === STOPWATCH_REG.command + 4) {
      this.deviceError('command', 0, `read of command (offset ${hex(offset)}): command is write-only; read status (offset 0x8) instead`);
      return 0;
    }
    if (offset !== STOPWATCH_REG.status) {
      this.log(() => 'stopwatch_io_read: STATUS upper half: 0x0');
      return 0; // the upper half of a u64 whose values are all small
    }
    this.log(() => `stopwatch_io_read: STATUS: ${hex(this.status)} (${stateName(this.status)})`);
    return this.status;
  }

  private ioWrite(offset: number, value: number, size: AccessSize): void {
    if (!this.checkAccess('write', offset, value, size)) return;
    if (offset === STOPWATCH_REG.status || offset === STOPWATCH_REG.status + 4) {
      this.deviceError('status', value, `write of ${hex(value)} to status (offset ${hex(offset)}): status is read-only; write commands to command (offset 0x0)`);
      return;
    }
    if (offset === STOPWATCH_REG.command + 4) return this.writeCommandHigh(value);
    this.log(() => `stopwatch_io_write: COMMAND value: ${hex(value)} (${actionName(value) ?? 'unknown'})`);
    this.command = value;
    this.action(value);
  }

  /** The upper 32 bits of the u64 command: an RV32 driver's writeq (lo_hi_writeq)
   * writes them as a second access. Zero is harmless; anything else would make
   * a command above 2^32, which no command is. */
  private writeCommandHigh(value: number): void {
    if (value === 0) {
      this.log(() => 'stopwatch_io_write: COMMAND upper half: 0x0 (ignored)');
      return;
    }
    this.deviceError('command', value, `unknown command: upper 32 bits of command written as ${hex(value)}; commands are 0 (RESET) to 5 (TIMEOUT_ACK)`);
  }

  /** Offsets 0x0/0x4 (command) and 0x8/0xc (status), 32-bit accesses only. */
  private checkAccess(op: 'read' | 'write', offset: number, value: number, size: AccessSize): boolean {
    const known = offset === 0x0 || offset === 0x4 || offset === 0x8 || offset === 0xc;
    const what = op === 'read' ? `${size}-byte read` : `${size}-byte write of ${hex(value)}`;
    if (!known) {
      this.log(() => `stopwatch_io_${op}: offset: ${op.toUpperCase()} at ${offset.toString(16)} is INVALID`);
      this.deviceError(`offset ${hex(offset)}`, value, `${what} at offset ${hex(offset)} of the register bank: there is no register there (command is at 0x0, status at 0x8)`);
      return false;
    }
    if (size !== 4) {
      const reg = offset < STOPWATCH_REG.status ? 'command' : 'status';
      this.deviceError(reg, value, `${what} to ${reg} (offset ${hex(offset)}): the registers take 32-bit accesses (readl/writel) only`);
      return false;
    }
    return true;
  }

  // ---- the commands (stopwatch_action) ----

  private action(command: number): void {
    const now = this.clock.nowNs();
    switch (command) {
      case STOPWATCH_ACTION.RESET:
        this.status = STOPWATCH_STATE.RESET;
        this.totalNs = 0;
        return;
      case STOPWATCH_ACTION.START:
        if (this.status !== STOPWATCH_STATE.RESET && this.status !== STOPWATCH_STATE.PAUSED) {
          return this.deviceError('command', command, `START while the stopwatch is ${stateName(this.status)}: START is only valid in RESET or PAUSED; PAUSE or RESET it first`);
        }
        this.status = STOPWATCH_STATE.RUNNING;
        this.startMarkNs = now;
        return;
      case STOPWATCH_ACTION.PAUSE:
        return this.pause(now);
      case STOPWATCH_ACTION.UPDATE:
        return this.update(now);
      case STOPWATCH_ACTION.TIMEOUT:
        return this.armTimeout(now);
      case STOPWATCH_ACTION.TIMEOUT_ACK:
        return this.ackTimeout();
      default:
        this.deviceError('command', command, `unknown command ${hex(command)} written to command; commands are 0 RESET, 1 START, 2 PAUSE, 3 UPDATE, 4 TIMEOUT, 5 TIMEOUT_ACK`);
    }
  }

  private pause(now: number): void {
    if (this.status === STOPWATCH_STATE.PAUSED) return;
    if (this.status === STOPWATCH_STATE.RESET) {
      return this.deviceError('command', STOPWATCH_ACTION.PAUSE, 'PAUSE while the stopwatch is RESET: it was never started; START it first');
    }
    this.status = STOPWATCH_STATE.PAUSED;
    this.totalNs += now - this.startMarkNs;
  }

  /** Writes "%.2f seconds" of the time counted so far into data, NUL-terminated. */
  private update(now: number): void {
    const running = this.status === STOPWATCH_STATE.RUNNING ? now - this.startMarkNs : 0;
    const text = formatStopwatchSeconds(this.totalNs + running);
    const bytes = this.shared.bytes;
    const len = Math.min(text.length, STOPWATCH_MEM_DATA_LENGTH - 1);
    for (let i = 0; i < len; i++) bytes[STOPWATCH_MEM.data + i] = text.charCodeAt(i);
    bytes[STOPWATCH_MEM.data + len] = 0;
    writeU64(bytes, STOPWATCH_MEM.data_len, len + 1);
    this.log(() => `stopwatch: UPDATE: data = "${text}", data_len = ${len + 1}`);
  }

  private armTimeout(now: number): void {
    const seconds = readU64(this.shared.bytes, STOPWATCH_MEM.data_len); // the whole u64: 2^32 + 2 is no 2 s timeout
    if (seconds > STOPWATCH_TIMEOUT_MAX_S) {
      return this.deviceError('command', STOPWATCH_ACTION.TIMEOUT, `TIMEOUT of ${seconds} s (data_len = ${hex(seconds)}): the longest timeout is ${STOPWATCH_TIMEOUT_MAX_S} s`);
    }
    if (this.timeout !== 'none') {
      this.log(() => 'stopwatch: TIMEOUT: a timeout is already pending, ignored');
      return;
    }
    this.timeout = 'armed';
    this.clock.arm(this.timer, now + seconds * NS_PER_S);
    if (this.tracer.enabled) this.tracer.emit({ kind: 'timer', action: 'arm', owner: this.typeName, deadlineNs: this.timer.deadlineNs });
  }

  private ackTimeout(): void {
    if (this.timeout === 'none') {
      return this.deviceError('command', STOPWATCH_ACTION.TIMEOUT_ACK, 'TIMEOUT_ACK with no timeout pending: acknowledge only after the timeout IRQ (or after TIMEOUT)');
    }
    if (this.timeout === 'armed') {
      this.clock.disarm(this.timer);
      if (this.tracer.enabled) this.tracer.emit({ kind: 'timer', action: 'cancel', owner: this.typeName, deadlineNs: Infinity });
    }
    this.timeout = 'none';
    this.updateIrq();
  }

  private timeoutExpired(): void {
    if (this.tracer.enabled) this.tracer.emit({ kind: 'timer', action: 'fire', owner: this.typeName, deadlineNs: this.timer.deadlineNs });
    this.timeout = 'fired';
    this.log(() => 'stopwatch: timeout expired, raising the timeout IRQ');
    this.updateIrq();
  }

  /** The line is high exactly while a fired timeout waits for TIMEOUT_ACK
   * (the PLIC traces the level change, with its source number). */
  private updateIrq(): void {
    this.timeoutIrq.set(this.timeout === 'fired');
  }

  // ---- errors and log lines ----

  private deviceError(reg: string, value: number, what: string): void {
    const message = `stopwatch: ${what} (register ${reg}, value ${hex(value)})`;
    this.lastError = message;
    if (this.props.onError === 'log') {
      if (this.tracer.enabled) this.tracer.emit({ kind: 'device-log', device: this.typeName, message: `guest error: ${message}; access ignored` });
      this.onGuestError(message);
      return;
    }
    if (this.tracer.enabled) this.tracer.emit({ kind: 'device-error', device: this.typeName, message, reg, value });
    this.onDeviceError(message);
  }

  private log(line: () => string): void {
    if (this.tracer.enabled) this.tracer.emit({ kind: 'device-log', device: this.typeName, message: line() });
  }

  // ---- device tree binding (sysbus-fdt.c's add_stopwatch_fdt_node) ----

  fdtNode(ctx: PlatformFdtContext): void {
    const node = ctx.parent.addNode(`stopwatch@${ctx.mmioOffsets[0].toString(16)}`);
    node.setStrings('compatible', STOPWATCH_COMPATIBLE);
    node.setCells('reg', ...this.regions.flatMap((r, i) => [ctx.mmioOffsets[i], r.size]));
    node.setCells('interrupts', ...ctx.irqSources);
  }

  // ---- snapshots ----

  saveState(): DeviceState {
    return {
      version: STATE_VERSION, status: this.status, totalNs: this.totalNs, startMarkNs: this.startMarkNs,
      timeout: this.timeout, deadlineNs: this.timer.armed ? this.timer.deadlineNs : null,
      mem: Array.from(this.mem?.bytes ?? []), command: this.command,
    };
  }

  loadState(state: DeviceState): void {
    if (state.version !== STATE_VERSION) {
      throw new Error(`stopwatch: saved state version ${String(state.version)} is not ${STATE_VERSION}; take a new snapshot`);
    }
    this.status = state.status as number;
    this.totalNs = state.totalNs as number;
    this.startMarkNs = state.startMarkNs as number;
    this.command = (state.command as number | undefined) ?? 0; // absent in states saved before it was kept
    this.timeout = state.timeout as TimeoutState;
    const deadline = state.deadlineNs as number | null;
    if (deadline === null) this.clock.disarm(this.timer);
    else this.clock.arm(this.timer, deadline);
    this.shared.bytes.set(state.mem as number[]);
    this.updateIrq();
  }
}

/** A command's or a state's name, for traces: "START" for a write of 1 to command. */
function describeRegisterValue(offset: number, value: number): string | undefined {
  if (offset === STOPWATCH_REG.command) return actionName(value);
  if (offset === STOPWATCH_REG.status) return stateName(value);
  return undefined;
}

/** The field of struct StopWatch_mem at an offset: "data_len", or "data[i]" for a byte of the text. */
function describeSharedField(offset: number): string | undefined {
  if (offset >= STOPWATCH_MEM.data) return `data[${offset - STOPWATCH_MEM.data}]`;
  return offset >= STOPWATCH_MEM.data_len ? 'data_len' : undefined;
}

function describeRegister(offset: number): string | undefined {
  if (offset === 0x0 || offset === 0x4) return 'command';
  if (offset === 0x8 || offset === 0xc) return 'status';
  return undefined;
}

/** A little-endian u64 as a number (exact below 2^53, which covers any sane length). */
function readU64(bytes: Uint8Array, offset: number): number {
  const word = (at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  return word(offset + 4) * 2 ** 32 + word(offset);
}

function writeU64(bytes: Uint8Array, offset: number, value: number): void {
  const [hi, lo] = cells64(value);
  for (let i = 0; i < 4; i++) {
    bytes[offset + i] = lo >>> (8 * i);
    bytes[offset + 4 + i] = hi >>> (8 * i);
  }
}
