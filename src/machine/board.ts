// QEMU's riscv32 `virt` board, trimmed (hw/riscv/virt.c, QEMU 7.2): the one
// place that creates the devices, maps them at VIRT_MEMMAP and wires their
// IRQ lines, plus the run loop that keeps timer interrupts exact by never
// running past the next virtual-clock deadline.

import type { WatchHit } from '../protocol/watchpoints.ts';
import { Bus, DEFAULT_EXIT_PRICE_NS } from './bus.ts';
import { Cpu, STEP_BREAKPOINT, STEP_WFI } from './cpu/cpu.ts';
import { EventStop } from './cpu/event-stop.ts';
import { BootRom, fdtLoadAddress } from './devices/boot-rom.ts';
import { Clint } from './devices/clint.ts';
import { Plic } from './devices/plic.ts';
import { SifiveTest, type FinisherRequest } from './devices/sifive-test.ts';
import { StopwatchDevice, type StopwatchProps } from './devices/stopwatch/stopwatch.ts';
import { Uart16550 } from './devices/uart16550.ts';
import type { DeviceState, SysBusDevice } from './device.ts';
import { buildVirtDtb } from './fdt/virt-fdt.ts';
import { parseElf, type ElfImage } from './loader/elf-loader.ts';
import { ramRegion, type RamRegion } from './memory-region.ts';
import { VIRT_IRQ, VIRT_MEMMAP } from './memmap.ts';
import { PlatformBus } from './platform-bus.ts';
import { SliceClock } from './slice-clock.ts';
import { Tracer } from './trace/tracer.ts';

export interface BoardConfig {
  ramSize: number;
  nsPerInsn: number;
  exitPriceNs: number;
  /** null leaves the stopwatch off the platform bus. */
  stopwatch: StopwatchProps | null;
  /** /chosen/bootargs, as QEMU's -append sets it (none by default). */
  bootargs?: string;
  /** false: no translation of hot code into JavaScript, the interpreter runs everything (docs/jit.md). */
  jit?: boolean;
}

export const DEFAULT_BOARD_CONFIG: BoardConfig = {
  ramSize: VIRT_MEMMAP.dram.size,
  nsPerInsn: 1,
  exitPriceNs: DEFAULT_EXIT_PRICE_NS,
  stopwatch: { startAtBoot: true, onError: 'stop' },
};

export type RunStop =
  | { reason: 'budget' }
  | { reason: 'wfi'; wakeAtNs: number }
  | { reason: 'breakpoint'; pc: number }
  /** A data watchpoint: after the access (pc at the next instruction), or, on a trapping
   * register, before it (pc at the instruction; the device model has not run). */
  | { reason: 'watchpoint'; hit: WatchHit }
  /** A run to the next event reached it: eventStop.take() says where. */
  | { reason: 'event' }
  | { reason: 'poweroff'; exitCode: number }
  | { reason: 'reset' }
  | { reason: 'device-error'; device: string; message: string };

export interface RunOptions {
  /** 'skip': an idle hart jumps to the next deadline; 'return': hand the wait to the caller. */
  idle?: 'skip' | 'return';
}

/** mip bits the interrupt lines drive (privileged spec 3.1.9). */
const MIP_MSIP = 3, MIP_MTIP = 7, MIP_SEIP = 9, MIP_MEIP = 11;
const STATE_VERSION = 1;

export class VirtBoard {
  readonly config: BoardConfig;
  readonly clock = new SliceClock();
  readonly tracer: Tracer;
  readonly bus: Bus;
  readonly cpu: Cpu;
  /** Run to the next VM exit, IRQ or lane event (armed by the host; run() returns 'event'). */
  readonly eventStop: EventStop;
  /** Guest RAM; reset clears it by swapping in a fresh buffer (see freshRam). */
  private ramRegion: RamRegion;
  /** What was written to RAM since it was last cleared: only reset's own loads
   * (the DTB, the ELF segments), or anything ('all': the hart ran, a state was
   * restored, or host code took the RAM's bytes). */
  private ramWrites: { addr: number; length: number }[] | 'all' = [];
  readonly bootRom = new BootRom();
  readonly plic: Plic;
  readonly clint: Clint;
  readonly uart: Uart16550;
  readonly finisher = new SifiveTest();
  readonly platformBus: PlatformBus;
  readonly stopwatch: StopwatchDevice | null = null;
  private readonly devices: SysBusDevice[];
  private dtbBytes: Uint8Array;
  private image: ElfImage | undefined;
  /** A stop a device asked for during the current slice (finisher, device error). */
  private requested: RunStop | null = null;
  /** Powered off: stays so until reset. */
  private halted: RunStop | null = null;
  /** The hart executed wfi and waits for an enabled interrupt. */
  private waiting = false;
  /** yieldToHost() was called: run() returns after this step. */
  private hostYield = false;

  constructor(config: Partial<BoardConfig> = {}) {
    this.config = { ...DEFAULT_BOARD_CONFIG, ...config };
    this.clock.nsPerInsn = this.config.nsPerInsn;
    this.tracer = new Tracer(this.clock);
    this.bus = new Bus(this.clock, this.tracer);
    this.bus.exitPriceNs = this.config.exitPriceNs;
    this.ramRegion = ramRegion('ram', 'ram', this.config.ramSize);
    this.cpu = new Cpu(this.bus, { base: VIRT_MEMMAP.dram.base, bytes: this.ramRegion.bytes }, this.tracer);
    this.bus.returnAddress = () => this.cpu.x[1] >>> 0; // traces name the caller of an accessor like __raw_writel
    this.cpu.useTranslator = this.config.jit !== false;
    this.clock.attachCounter(this.cpu);
    this.eventStop = new EventStop(this.cpu, this.tracer);
    this.plic = new Plic(this.tracer);
    this.clint = new Clint(this.clock, this.tracer);
    this.uart = new Uart16550(this.clock, this.tracer);
    this.devices = [this.plic, this.clint, this.uart, this.finisher];
    this.mapMemory();
    this.wireInterrupts();
    this.platformBus = new PlatformBus(this.bus, VIRT_MEMMAP.platformBus.base, VIRT_MEMMAP.platformBus.size,
      VIRT_IRQ.platformBusFirst, VIRT_IRQ.platformBusCount,
      (source, line) => line.connect(this.plic.inputHandler(source, line.name)));
    if (this.config.stopwatch) this.stopwatch = this.attachStopwatch(this.config.stopwatch);
    this.finisher.onRequest = (r) => this.finisherRequest(r);
    this.cpu.timeSource = () => this.clint.mtime();
    this.dtbBytes = buildVirtDtb({ ramBase: VIRT_MEMMAP.dram.base, ramSize: this.config.ramSize, platformBus: this.platformBus, bootargs: this.config.bootargs });
    this.reset();
  }

  private mapMemory(): void {
    this.bus.map(VIRT_MEMMAP.mrom.base, this.bootRom.region);
    this.bus.map(VIRT_MEMMAP.dram.base, this.ramRegion);
    const at: [SysBusDevice, number][] = [
      [this.finisher, VIRT_MEMMAP.test.base], [this.clint, VIRT_MEMMAP.clint.base],
      [this.plic, VIRT_MEMMAP.plic.base], [this.uart, VIRT_MEMMAP.uart0.base],
    ];
    for (const [device, base] of at) {
      device.realize();
      this.bus.map(base, device.mmio[0]);
    }
  }

  private wireInterrupts(): void {
    const hart = (bit: number) => (level: boolean) => this.cpu.setInterruptPending(bit, level);
    this.clint.msip.connect(hart(MIP_MSIP));
    this.clint.mtip.connect(hart(MIP_MTIP));
    this.plic.irqs[0].connect(hart(MIP_MEIP));
    this.plic.irqs[1].connect(hart(MIP_SEIP));
    this.uart.irq.connect(this.plic.inputHandler(VIRT_IRQ.uart0, 'uart0'));
  }

  private attachStopwatch(props: StopwatchProps): StopwatchDevice {
    const stopwatch = new StopwatchDevice(this.clock, this.tracer, props);
    stopwatch.onDeviceError = (message) => this.deviceError('stopwatch', message);
    this.platformBus.attach(stopwatch);
    this.devices.push(stopwatch);
    return stopwatch;
  }

  /** A device hit a condition its model treats as fatal (QEMU's hw_error; the
   * device has traced it): stop after the current instruction. */
  deviceError(device: string, message: string): void {
    this.requested ??= { reason: 'device-error', device, message };
    this.cpu.requestExit();
  }

  private finisherRequest(r: FinisherRequest): void {
    this.requested ??= r.kind === 'reset' ? { reason: 'reset' } : { reason: 'poweroff', exitCode: r.exitCode };
    this.cpu.requestExit();
  }

  /** Loads an ELF executable and resets the board to boot it. Throws ElfLoadError. */
  loadElf(image: Uint8Array, name = 'the file'): { entry: number } {
    const areas = [VIRT_MEMMAP.mrom, { base: VIRT_MEMMAP.dram.base, size: this.config.ramSize }];
    this.image = parseElf(image, name, areas);
    this.reset();
    return { entry: this.image.entry };
  }

  /** RAM's region, for host code: it may write the bytes, so the next reset clears all of RAM. */
  get ram(): RamRegion {
    this.ramWrites = 'all';
    this.cpu.translator.flush(); // the host may rewrite code the hart has translated
    return this.ramRegion;
  }

  /** Power-on reset: CPU at the boot ROM, devices in their reset state, RAM
   * cleared, the last ELF and the DTB loaded again. */
  reset(): void {
    this.eventStop.disarm();
    this.cpu.reset(VIRT_MEMMAP.mrom.base);
    this.clock.reset();
    this.freshRam();
    for (const d of this.devices) d.reset();
    this.bus.exits.reset();
    const fdtAddr = fdtLoadAddress(VIRT_MEMMAP.dram.base, this.config.ramSize, this.dtbBytes.length);
    this.bootRom.program(this.image?.entry ?? VIRT_MEMMAP.dram.base, fdtAddr);
    this.load(fdtAddr, this.dtbBytes);
    for (const s of this.image?.segments ?? []) {
      this.load(s.addr, s.data); // the zero tail is already zero: RAM was cleared
    }
    this.requested = this.halted = null;
    this.waiting = false;
  }

  private load(addr: number, data: Uint8Array): void {
    this.bus.load(addr, data);
    if (this.ramWrites !== 'all') this.ramWrites.push({ addr, length: data.length });
  }

  /** Zeroes RAM without touching a page nobody wrote: filling all 128 MiB
   * would make the operating system hand out every page (~0.4 s, and 128 MiB
   * of memory, for a guest that used a few kilobytes). Reset's own loads are
   * cleared where they lie; after a run the buffer is replaced by a new
   * allocation, whose pages the system zeroes lazily. Host code that writes
   * RAM through the bus between two resets, without running the hart, must
   * take `ram` (or its writes survive the reset). */
  private freshRam(): void {
    const writes = this.ramWrites;
    this.ramWrites = [];
    if (writes !== 'all') {
      const bytes = this.ramRegion.bytes, base = VIRT_MEMMAP.dram.base;
      for (const w of writes) if (w.addr >= base) bytes.fill(0, w.addr - base, w.addr - base + w.length);
      return;
    }
    this.bus.unmap(this.ramRegion);
    this.ramRegion = ramRegion('ram', 'ram', this.config.ramSize);
    this.bus.map(VIRT_MEMMAP.dram.base, this.ramRegion);
    this.cpu.attachRam(this.ramRegion.bytes);
  }

  /** Runs up to `maxInsns` instructions; see RunStop for why it stopped. */
  run(maxInsns: number, opts: RunOptions = {}): RunStop & { insns: number } {
    if (this.halted) return { ...this.halted, insns: 0 };
    this.ramWrites = 'all'; // the hart's stores are not tracked: the hot loop stays lean
    let insns = 0;
    for (;;) {
      this.clock.fireDue();
      if (this.waiting && !this.interruptEnabledPending()) {
        const wakeAtNs = this.clock.nextDeadlineNs();
        if (opts.idle === 'return' || wakeAtNs === Infinity) return { reason: 'wfi', wakeAtNs, insns };
        this.idleUntil(wakeAtNs);
        if (this.eventStop.reached) return { reason: 'event', insns };
        continue;
      }
      this.waiting = false;
      const left = maxInsns - insns;
      if (left <= 0) return { reason: 'budget', insns };
      const before = this.cpu.instret;
      const slice = this.sliceFor(left);
      this.clock.beginSlice(this.clock.nowNs() + slice * this.clock.nsPerInsn, this.stopSlice);
      const result = this.cpu.step(slice);
      this.clock.endSlice();
      insns += this.cpu.instret - before;
      const stop = this.takeRequested();
      if (stop) return { ...stop, insns };
      const hit = this.cpu.watchpoints.hit;
      if (hit) {
        this.cpu.watchpoints.hit = null;
        return { reason: 'watchpoint', hit, insns };
      }
      if (this.eventStop.reached) return { reason: 'event', insns };
      if (this.hostYield) {
        this.hostYield = false;
        return { reason: 'budget', insns };
      }
      if (result === STEP_BREAKPOINT) return { reason: 'breakpoint', pc: this.cpu.pc, insns };
      if (result === STEP_WFI) this.waiting = true;
    }
  }

  private readonly stopSlice = () => this.cpu.requestExit();

  /** Ends the current run() after the current instruction, as if its budget were spent:
   * a host-side kernel (the guest kernel's services) wants control back. */
  yieldToHost(): void {
    this.hostYield = true;
    this.cpu.requestExit();
  }

  /** The hart leaves its wfi without an interrupt: a host-side scheduler (the
   * guest kernel's) has put other work on it. */
  leaveWfi(): void {
    this.waiting = false;
  }

  /** Instructions until the next timer deadline (at least 1), capped at `left`. */
  private sliceFor(left: number): number {
    const untilNs = this.clock.nextDeadlineNs() - this.clock.nowNs();
    if (untilNs === Infinity) return left;
    return Math.max(1, Math.min(left, Math.ceil(untilNs / this.clock.nsPerInsn)));
  }

  private takeRequested(): RunStop | null {
    const stop = this.requested;
    this.requested = null;
    if (!stop) return null;
    if (stop.reason === 'reset') this.reset();
    else this.halted = stop;
    return stop;
  }

  /** As QEMU's cpu_has_work for wfi: an interrupt pending and enabled in mie
   * (whatever mstatus.MIE says). */
  private interruptEnabledPending(): boolean {
    return (this.cpu.csr.mip & this.cpu.csr.mie) !== 0;
  }

  /** Real-time mode: the caller has waited until `ns`; virtual time catches up. */
  idleUntil(ns: number): void {
    const now = this.clock.nowNs();
    if (ns > now) this.clock.addNs(ns - now);
    this.clock.fireDue();
  }

  takeUartOutput(): Uint8Array {
    return this.uart.takeOutput();
  }

  sendUartInput(bytes: Uint8Array): void {
    this.uart.receive(bytes);
  }

  dtb(): Uint8Array {
    return this.dtbBytes;
  }

  /** Whole-machine snapshot: CPU, devices, virtual time and a copy of RAM. */
  saveState(): DeviceState {
    return {
      version: STATE_VERSION, cpu: this.cpu.saveState(), clockExtraNs: this.clock.saveState().extraNs,
      ram: this.ramRegion.bytes.slice(), devices: this.devices.map((d) => d.saveState()),
      waiting: this.waiting, halted: this.halted,
    };
  }

  loadState(state: DeviceState): void {
    if (state.version !== STATE_VERSION) throw new Error(`board: saved state version ${String(state.version)} is not ${STATE_VERSION}`);
    this.clock.reset();
    this.cpu.loadState(state.cpu as ReturnType<Cpu['saveState']>);
    this.clock.addNs(state.clockExtraNs as number);
    this.ramWrites = 'all';
    this.ramRegion.bytes.set(state.ram as Uint8Array);
    this.cpu.translator.flush();
    (state.devices as DeviceState[]).forEach((s, i) => this.devices[i].loadState(s));
    this.waiting = state.waiting as boolean;
    this.halted = state.halted as RunStop | null;
    this.requested = null;
  }
}
