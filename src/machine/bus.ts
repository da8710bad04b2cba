// The system bus: regions mapped at guest-physical addresses (QEMU's
// address_space_memory, flattened). The CPU reads RAM directly for speed and
// comes here for everything else. A bus error is not an exception: the access
// sets `fault` and the CPU turns it into an access-fault trap.
//
// Every access to an `io` region is a VM exit: it costs `exitPriceNs` of
// virtual time, is counted in `exits`, and is traced as exit, access, entry.
// Accesses to `ram-device` regions are pass-through: counted and traced, no
// callback, no exit.

import type { VirtualClock } from './clock.ts';
import { ExitStats } from './exit-stats.ts';
import type { AccessSize, IoRegion, MemoryRegion } from './memory-region.ts';
import type { Tracer } from './trace/tracer.ts';

export const BUS_OK = 0;
export const BUS_UNMAPPED = 1;
export const BUS_READ_ONLY = 2;
export type BusFault = typeof BUS_OK | typeof BUS_UNMAPPED | typeof BUS_READ_ONLY;

/**
 * Default price of one VM exit, in virtual nanoseconds: an order of magnitude,
 * not a measured constant. A trapped MMIO access under KVM costs the
 * guest-to-hypervisor transition, the kernel's decode of the fault, a return
 * to the VMM in user space (QEMU) and the way back. Dall et al., "ARM
 * Virtualization: Performance and Architectural Implications" (ISCA 2016,
 * section IV) put the bare VM/hypervisor transitions alone at a few hundred
 * to a few thousand cycles (~1 µs); a round trip through user space costs
 * more. The example output of the kvmexit-aarch64 tracing tool (proposed to
 * bcc in iovisor/bcc PR #4570) shows MMIO exits (EC_DABT_LOW) on an arm64
 * KVM host averaging ~11,300 in its AVG_TIME column, which reads as ns (its
 * WFI exits average 0.5 s). We take 5 µs: the right order of magnitude
 * for a fast host, and 5,000 instructions of our 1 GHz vCPU, so the cost of
 * trapping versus sharing memory is plain to see. The board makes it
 * configurable (BoardConfig.exitPriceNs).
 */
export const DEFAULT_EXIT_PRICE_NS = 5_000;

export interface Mapping {
  readonly base: number;
  readonly end: number; // exclusive
  readonly region: MemoryRegion;
}

export class Bus {
  /** Outcome of the last read or write: BUS_OK, BUS_UNMAPPED, BUS_READ_ONLY. */
  fault: BusFault = BUS_OK;
  exitPriceNs = DEFAULT_EXIT_PRICE_NS;
  readonly exits = new ExitStats();
  private mappings: Mapping[] = [];
  /** Guest pc of the access in progress, for traces (set by the CPU). */
  pc = 0;
  /** The hart's return address register, read only for traced MMIO accesses (set by the board). */
  returnAddress: (() => number) | null = null;
  /** Told of every write into a `ram` region (guest stores through the bus, loading): the CPU drops translated code there. */
  onRamWrite: ((addr: number, length: number) => void) | null = null;

  constructor(private readonly clock: VirtualClock, private readonly tracer: Tracer) {}

  map(base: number, region: MemoryRegion): void {
    const end = base + region.size;
    for (const m of this.mappings) {
      if (base < m.end && m.base < end) {
        throw new Error(`bus: ${region.name} at 0x${base.toString(16)} overlaps ${m.region.name}`);
      }
    }
    this.mappings.push({ base, end, region });
    this.mappings.sort((a, b) => a.base - b.base);
  }

  unmap(region: MemoryRegion): void {
    this.mappings = this.mappings.filter((m) => m.region !== region);
  }

  find(addr: number): Mapping | undefined {
    for (const m of this.mappings) if (addr >= m.base && addr < m.end) return m;
    return undefined;
  }

  get regions(): readonly Mapping[] {
    return this.mappings;
  }

  read(addr: number, size: AccessSize): number {
    const m = this.find(addr);
    if (!m || addr + size > m.end) return this.fail(BUS_UNMAPPED);
    const r = m.region, offset = addr - m.base;
    if (r.kind === 'io') {
      if (size < r.minAccessSize) return this.fail(BUS_UNMAPPED);
      this.fault = BUS_OK;
      return this.ioRead(m, r, offset, size);
    }
    this.fault = BUS_OK;
    const value = readBytes(r.bytes, offset, size);
    if (r.kind === 'ram-device') this.passthrough(m, offset, 'read', size, value);
    return value;
  }

  write(addr: number, value: number, size: AccessSize): void {
    const m = this.find(addr);
    if (!m || addr + size > m.end || (m.region.kind === 'io' && size < m.region.minAccessSize)) {
      this.fail(BUS_UNMAPPED);
      return;
    }
    const r = m.region;
    if (r.kind === 'rom') {
      this.fail(BUS_READ_ONLY);
      return;
    }
    this.fault = BUS_OK;
    const offset = addr - m.base;
    value = size === 4 ? value >>> 0 : value & (size === 1 ? 0xff : 0xffff);
    if (r.kind === 'io') {
      this.ioWrite(m, r, offset, value, size);
      return;
    }
    writeBytes(r.bytes, offset, value, size);
    if (r.kind === 'ram-device') this.passthrough(m, offset, 'write', size, value);
    else if (r.kind === 'ram') this.onRamWrite?.(addr, size);
  }

  /** Copies bytes into RAM or ROM (the loader; not a guest access). */
  load(addr: number, data: Uint8Array): boolean {
    const m = this.find(addr);
    if (!m || m.region.kind === 'io' || addr + data.length > m.end) return false;
    m.region.bytes.set(data, addr - m.base);
    if (m.region.kind === 'ram') this.onRamWrite?.(addr, data.length);
    return true;
  }

  /** Reads memory without side effects (a debugger's view); io reads as undefined. */
  peek(addr: number, size: AccessSize): number | undefined {
    const m = this.find(addr);
    if (!m || m.region.kind === 'io' || addr + size > m.end) return undefined;
    return readBytes(m.region.bytes, addr - m.base, size);
  }

  private fail(fault: BusFault): number {
    this.fault = fault;
    return 0;
  }

  private ioRead(m: Mapping, r: IoRegion, offset: number, size: AccessSize): number {
    const reg = r.describe?.(offset); // exit accounting is per register, traced or not
    this.enterDevice(m, reg, 'read', r.ops.readName);
    const value = r.ops.read(offset, size) >>> 0;
    this.traceAccess(m, offset, 'read', size, value, 'trap', reg);
    this.leaveDevice(m);
    return value;
  }

  private ioWrite(m: Mapping, r: IoRegion, offset: number, value: number, size: AccessSize): void {
    const reg = r.describe?.(offset);
    this.enterDevice(m, reg, 'write', r.ops.writeName);
    this.traceAccess(m, offset, 'write', size, value, 'trap', reg);
    r.ops.write(offset, value, size);
    this.leaveDevice(m);
  }

  /** `callback`: the name of the region's callback about to run (traced with the exit; a device that names none gets "owner_read"). */
  private enterDevice(m: Mapping, reg: string | undefined, op: 'read' | 'write', callback: string | undefined): void {
    const cost = this.exitPriceNs;
    this.exits.countExit(m.region.owner, reg, op, cost);
    if (this.tracer.enabled) {
      this.tracer.emit({
        kind: 'vm-exit', device: m.region.owner, region: m.region.name, reg, op, costNs: cost,
        callback: callback ?? `${m.region.owner}_${op}`,
      }, this.pc);
    }
    this.clock.addNs(cost);
  }

  private leaveDevice(m: Mapping): void {
    if (this.tracer.enabled) this.tracer.emit({ kind: 'vm-entry', device: m.region.owner }, this.pc);
  }

  private passthrough(m: Mapping, offset: number, op: 'read' | 'write', size: AccessSize, value: number): void {
    this.exits.countPassthrough(m.region.owner, op);
    if (this.tracer.enabled) this.traceAccess(m, offset, op, size, value, 'passthrough', undefined);
  }

  /** The kernel's own code (memcpy_fromio and friends, in TypeScript) read or wrote
   * `bytes` of a pass-through buffer: counted and traced as the CPU's accesses are, in the
   * pieces Linux's __memcpy_fromio makes, so a trace shows the copy and who made it (`pc`, its caller). */
  hostPassthrough(addr: number, op: 'read' | 'write', bytes: Uint8Array, pc: number): void {
    const m = this.find(addr >>> 0);
    if (!m || m.region.kind !== 'ram-device') return;
    const saved = this.pc, savedRa = this.returnAddress;
    this.pc = pc;
    this.returnAddress = null; // pc is already the caller's
    // In the pieces Linux's __memcpy_fromio/__memcpy_toio make: aligned words, then single bytes.
    const start = (addr >>> 0) - m.base;
    for (let i = 0; i < bytes.length;) {
      const size: AccessSize = ((start + i) & 3) === 0 && bytes.length - i >= 4 ? 4 : 1;
      this.passthrough(m, start + i, op, size, readBytes(bytes, i, size));
      i += size;
    }
    this.pc = saved;
    this.returnAddress = savedRa;
  }

  private traceAccess(m: Mapping, offset: number, op: 'read' | 'write', size: AccessSize, value: number,
    access: 'trap' | 'passthrough', reg: string | undefined): void {
    if (!this.tracer.enabled) return;
    const r = m.region;
    const valueName = r.kind === 'io' ? r.describeValue?.(offset, value) : undefined;
    this.tracer.emit({
      kind: 'mmio', access, op, addr: m.base + offset, size, value, region: r.name,
      device: r.owner, offset, reg: reg ?? (r.kind === 'ram-device' ? r.describe?.(offset) : undefined), valueName,
      ra: this.returnAddress?.(),
    }, this.pc);
  }
}

export function readBytes(b: Uint8Array, off: number, size: AccessSize): number {
  if (size === 1) return b[off];
  if (size === 2) return b[off] | (b[off + 1] << 8);
  return (b[off] | (b[off + 1] << 8) | (b[off + 2] << 16) | (b[off + 3] << 24)) >>> 0;
}

export function writeBytes(b: Uint8Array, off: number, value: number, size: AccessSize): void {
  b[off] = value;
  if (size >= 2) b[off + 1] = value >>> 8;
  if (size === 4) {
    b[off + 2] = value >>> 16;
    b[off + 3] = value >>> 24;
  }
}
