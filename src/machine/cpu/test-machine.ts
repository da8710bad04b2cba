// A bare hart on a small bus for unit tests: RAM at 0x8000_0000, a ROM at
// 0x1000 and a register-file device at 0x1000_0000 that records when (in
// retired instructions) it was accessed. Programs are hand-encoded words.

import { Bus } from '../bus.ts';
import { VirtualClock } from '../clock.ts';
import { ioRegion, ramRegion } from '../memory-region.ts';
import { Tracer } from '../trace/tracer.ts';
import { Cpu, STEP_EXIT } from './cpu.ts';
import { VIRT_MEMMAP } from '../memmap.ts';
import { asm } from './encode.ts';

export const RAM_BASE = 0x8000_0000;
export const ROM_BASE = 0x1000;
export const DEV_BASE = 0x1000_0000;
/** Where tests put mtvec: a `j .` loop. */
export const HANDLER = RAM_BASE + 0x800;

export interface TestMachine {
  cpu: Cpu;
  bus: Bus;
  tracer: Tracer;
  ram: Uint8Array;
  rom: Uint8Array;
  /** The device's four word registers. */
  dev: Uint32Array;
  /** cpu.instret seen by each device access. */
  devAccessInstret: number[];
  /** Called on each device write (offset, value). */
  onDevWrite: (offset: number, value: number) => void;
}

export function testMachine(program: number[], at = RAM_BASE): TestMachine {
  const clock = new VirtualClock();
  const tracer = new Tracer(clock);
  const bus = new Bus(clock, tracer);
  const ram = ramRegion('ram', 'ram', 0x10000);
  const rom = ramRegion('rom', 'rom', 0x1000, 'rom');
  bus.map(RAM_BASE, ram);
  bus.map(ROM_BASE, rom);
  const m = { bus, tracer, ram: ram.bytes, rom: rom.bytes, dev: new Uint32Array(4), devAccessInstret: [] } as unknown as TestMachine;
  m.onDevWrite = () => {};
  bus.map(DEV_BASE, ioRegion('dev', 'dev', 0x10, {
    read: (offset) => {
      m.devAccessInstret.push(m.cpu.instret);
      return m.dev[offset >>> 2];
    },
    write: (offset, value) => {
      m.devAccessInstret.push(m.cpu.instret);
      m.dev[offset >>> 2] = value;
      m.onDevWrite(offset, value);
    },
  }));
  m.cpu = new Cpu(bus, { base: RAM_BASE, bytes: ram.bytes }, tracer);
  clock.attachCounter(m.cpu);
  poke(m, HANDLER, [asm.jal(0, 0)]);
  poke(m, at, program);
  m.cpu.reset(at);
  m.cpu.csr.mtvec = HANDLER;
  return m;
}

/** Writes instruction words at a RAM or ROM address. */
export function poke(m: TestMachine, addr: number, words: number[]): void {
  const mem = addr >= RAM_BASE ? m.ram : m.rom;
  const off = addr - (addr >= RAM_BASE ? RAM_BASE : ROM_BASE);
  const dv = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  words.forEach((w, i) => dv.setUint32(off + 4 * i, w >>> 0, true));
}

/** lui + addi pair loading any 32-bit value into rd. */
export function li(rd: number, value: number): number[] {
  const hi = (value + 0x800) & 0xfffff000;
  const lo = (value - hi) | 0;
  return [asm.lui(rd, hi), asm.addi(rd, rd, lo)];
}

/** Runs an ELF on the hart with just enough of the virt board around it (RAM,
 * UART0 transmit, the finisher, CLINT msip): for the QEMU differential tests. */
export function runElfOnHart(image: Uint8Array, maxSlices = 1000): { out: string; status: number } {
  const clock = new VirtualClock();
  const tracer = new Tracer(clock);
  const bus = new Bus(clock, tracer);
  const ram = ramRegion('ram', 'ram', 1 << 24);
  bus.map(VIRT_MEMMAP.dram.base, ram);
  const cpu = new Cpu(bus, { base: VIRT_MEMMAP.dram.base, bytes: ram.bytes }, tracer);
  clock.attachCounter(cpu);
  let out = '';
  let status = -1;
  bus.map(VIRT_MEMMAP.uart0.base, ioRegion('uart0', 'uart', 0x100, {
    read: (offset) => (offset === 5 ? 0x60 : 0),
    write: (offset, value) => { if (offset === 0) out += String.fromCharCode(value); },
  }));
  bus.map(VIRT_MEMMAP.test.base, ioRegion('test', 'finisher', 0x1000, {
    read: () => 0,
    write: (_offset, value) => { status = (value & 0xffff) === 0x5555 ? 0 : value >>> 16; cpu.requestExit(); },
  }));
  bus.map(VIRT_MEMMAP.clint.base, ioRegion('clint', 'clint', 0x10000, {
    read: (offset) => (offset === 0 ? (cpu.csr.mip >>> 3) & 1 : 0),
    write: (offset, value) => { if (offset === 0) cpu.setInterruptPending(3, (value & 1) !== 0); },
  }));
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  for (let i = 0; i < dv.getUint16(44, true); i++) {
    const ph = dv.getUint32(28, true) + i * dv.getUint16(42, true);
    if (dv.getUint32(ph, true) !== 1) continue;
    const off = dv.getUint32(ph + 4, true);
    bus.load(dv.getUint32(ph + 12, true), image.subarray(off, off + dv.getUint32(ph + 16, true)));
  }
  cpu.reset(dv.getUint32(24, true));
  for (let slices = 0; slices < maxSlices && cpu.step(1_000_000) !== STEP_EXIT;) slices++;
  return { out, status };
}
