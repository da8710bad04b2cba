// The PLIC of QEMU's virt board (hw/intc/sifive_plic.c, QEMU 7.2): 96 sources,
// 7 priority levels, context 0 = hart 0 M-mode (→ mip.MEIP), context 1 = hart 0
// S-mode (→ mip.SEIP). As in QEMU 7.2 and the PLIC spec's gateway, a high
// input latches its pending bit (every assertion does, even a repeated one,
// as qemu_set_irq does) and a low input does not clear it; a source whose
// line is still high when its claim completes is pending again.

import type { DeviceState, SysBusDevice } from '../device.ts';
import { IrqLine } from '../irq.ts';
import { ioRegion, type AccessSize, type MemoryRegion } from '../memory-region.ts';
import { VIRT_MEMMAP, VIRT_PLIC_NUM_SOURCES } from '../memmap.ts';
import type { Tracer } from '../trace/tracer.ts';

export const PLIC_PRIORITY_BASE = 0x0;
export const PLIC_PENDING_BASE = 0x1000;
export const PLIC_ENABLE_BASE = 0x2000;
export const PLIC_ENABLE_STRIDE = 0x80;
export const PLIC_CONTEXT_BASE = 0x20_0000;
export const PLIC_CONTEXT_STRIDE = 0x1000;
export const PLIC_CONTEXT_THRESHOLD = 0x0;
export const PLIC_CONTEXT_CLAIM = 0x4;
export const PLIC_NUM_PRIORITIES = 7;
export const PLIC_NUM_CONTEXTS = 2;

const WORDS = Math.ceil(VIRT_PLIC_NUM_SOURCES / 32);
const STATE_VERSION = 1;

export class Plic implements SysBusDevice {
  readonly typeName = 'riscv.sifive.plic';
  readonly numSources = VIRT_PLIC_NUM_SOURCES;
  /** Output lines, one per context: [0] → MEIP, [1] → SEIP. */
  readonly irqs = [new IrqLine('plic.meip'), new IrqLine('plic.seip')];
  readonly mmio: MemoryRegion[] = [];
  private priority = new Uint32Array(VIRT_PLIC_NUM_SOURCES);
  private pending = new Uint32Array(WORDS);
  private claimed = new Uint32Array(WORDS);
  private enable = new Uint32Array(WORDS * PLIC_NUM_CONTEXTS);
  private threshold = new Uint32Array(PLIC_NUM_CONTEXTS);
  /** Current level of every input line. */
  private level = new Uint8Array(VIRT_PLIC_NUM_SOURCES);

  constructor(private readonly tracer: Tracer) {}

  realize(): void {
    if (this.mmio.length) return;
    this.mmio.push(ioRegion('plic', 'plic', VIRT_MEMMAP.plic.size, {
      read: (offset, size) => this.read(offset, size),
      write: (offset, value, size) => this.write(offset, value, size),
      readName: 'sifive_plic_read', writeName: 'sifive_plic_write', // QEMU's names
    }, (offset) => describe(offset), 4)); // word access only, as QEMU's sifive_plic
  }

  reset(): void {
    this.priority.fill(0);
    this.pending.fill(0);
    this.claimed.fill(0);
    this.enable.fill(0);
    this.threshold.fill(0);
    for (let s = 1; s < this.numSources; s++) if (this.level[s]) this.setPending(s, true);
    this.update();
  }

  /** The sink of input `source`'s line (what the board connects an IrqLine to). */
  inputHandler(source: number, lineName: string): (level: boolean) => void {
    if (source <= 0 || source >= this.numSources) throw new Error(`plic: source ${source} does not exist`);
    return (level) => this.setInput(source, level, lineName);
  }

  setInput(source: number, level: boolean, lineName = `plic.${source}`): void {
    const was = this.level[source] === 1;
    this.level[source] = level ? 1 : 0;
    if (was !== level && this.tracer.enabled) this.tracer.emit({ kind: 'irq-line', line: lineName, level: level ? 1 : 0, source });
    if (!level) return;
    this.setPending(source, true);
    this.update();
  }

  /** One source as a debugger sees it, read without side effects (a claim register read would claim). */
  peekSource(source: number): { priority: number; pending: boolean; claimed: boolean; level: boolean; enabled: boolean[]; thresholds: number[] } {
    const bit = 1 << (source & 31), word = source >> 5;
    const enabled: boolean[] = [];
    for (let ctx = 0; ctx < PLIC_NUM_CONTEXTS; ctx++) enabled.push((this.enable[ctx * WORDS + word] & bit) !== 0);
    return {
      priority: this.priority[source], pending: (this.pending[word] & bit) !== 0, claimed: (this.claimed[word] & bit) !== 0,
      level: this.level[source] === 1, enabled, thresholds: [...this.threshold],
    };
  }

  isPending(source: number): boolean {
    return (this.pending[source >> 5] & (1 << (source & 31))) !== 0;
  }

  read(offset: number, _size: AccessSize): number {
    offset &= ~3;
    if (offset < PLIC_PENDING_BASE) {
      const src = (offset - PLIC_PRIORITY_BASE) >> 2;
      return src < this.numSources ? this.priority[src] : 0;
    }
    if (offset < PLIC_ENABLE_BASE) {
      const word = (offset - PLIC_PENDING_BASE) >> 2;
      return word < WORDS ? this.pending[word] : 0;
    }
    if (offset < PLIC_CONTEXT_BASE) {
      const { ctx, word } = enableIndex(offset);
      return ctx < PLIC_NUM_CONTEXTS && word < WORDS ? this.enable[ctx * WORDS + word] : 0;
    }
    const ctx = (offset - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE | 0;
    if (ctx >= PLIC_NUM_CONTEXTS) return 0;
    switch (offset & (PLIC_CONTEXT_STRIDE - 1)) {
      case PLIC_CONTEXT_THRESHOLD: return this.threshold[ctx];
      case PLIC_CONTEXT_CLAIM: return this.claim(ctx);
      default: return 0;
    }
  }

  write(offset: number, value: number, _size: AccessSize): void {
    offset &= ~3;
    value >>>= 0;
    if (offset < PLIC_PENDING_BASE) {
      const src = (offset - PLIC_PRIORITY_BASE) >> 2;
      // num_priorities + 1 is a power of two: QEMU keeps the low bits (WARL).
      if (src < this.numSources) this.priority[src] = value % (PLIC_NUM_PRIORITIES + 1);
    } else if (offset < PLIC_ENABLE_BASE) {
      return; // pending bits are read-only
    } else if (offset < PLIC_CONTEXT_BASE) {
      const { ctx, word } = enableIndex(offset);
      if (ctx < PLIC_NUM_CONTEXTS && word < WORDS) this.enable[ctx * WORDS + word] = value;
    } else {
      const ctx = (offset - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE | 0;
      if (ctx >= PLIC_NUM_CONTEXTS) return;
      const reg = offset & (PLIC_CONTEXT_STRIDE - 1);
      if (reg === PLIC_CONTEXT_THRESHOLD && value <= PLIC_NUM_PRIORITIES) this.threshold[ctx] = value;
      else if (reg === PLIC_CONTEXT_CLAIM) this.complete(ctx, value);
    }
    this.update();
  }

  /** The highest-priority pending, enabled, unclaimed source above the
   * context's threshold (lowest id wins a tie), or 0. */
  best(ctx: number): number {
    let bestSrc = 0;
    let bestPrio = this.threshold[ctx];
    for (let w = 0; w < WORDS; w++) {
      const ready = this.pending[w] & ~this.claimed[w] & this.enable[ctx * WORDS + w];
      if (!ready) continue;
      for (let b = 0; b < 32; b++) {
        const src = w * 32 + b;
        if (ready & (1 << b) && this.priority[src] > bestPrio) {
          bestSrc = src;
          bestPrio = this.priority[src];
        }
      }
    }
    return bestSrc;
  }

  private claim(ctx: number): number {
    const src = this.best(ctx);
    if (src) {
      this.setPending(src, false);
      this.claimed[src >> 5] |= 1 << (src & 31);
      this.tracer.emit({ kind: 'plic', action: 'claim', source: src, context: ctx });
    }
    this.update();
    return src;
  }

  private complete(ctx: number, src: number): void {
    if (src >= this.numSources) return;
    this.claimed[src >> 5] &= ~(1 << (src & 31));
    this.tracer.emit({ kind: 'plic', action: 'complete', source: src, context: ctx });
    if (this.level[src]) this.setPending(src, true);
  }

  private setPending(src: number, on: boolean): void {
    const bit = 1 << (src & 31);
    if (on) {
      if (this.tracer.enabled && !(this.pending[src >> 5] & bit)) this.tracer.emit({ kind: 'plic', action: 'pending', source: src });
      this.pending[src >> 5] |= bit;
    } else {
      this.pending[src >> 5] &= ~bit;
    }
  }

  private update(): void {
    for (let ctx = 0; ctx < PLIC_NUM_CONTEXTS; ctx++) this.irqs[ctx].set(this.best(ctx) !== 0);
  }

  saveState(): DeviceState {
    return {
      version: STATE_VERSION, priority: [...this.priority], pending: [...this.pending], claimed: [...this.claimed],
      enable: [...this.enable], threshold: [...this.threshold], level: [...this.level],
    };
  }

  loadState(state: DeviceState): void {
    if (state.version !== STATE_VERSION) throw new Error(`plic: saved state version ${String(state.version)} is not ${STATE_VERSION}`);
    this.priority.set(state.priority as number[]);
    this.pending.set(state.pending as number[]);
    this.claimed.set(state.claimed as number[]);
    this.enable.set(state.enable as number[]);
    this.threshold.set(state.threshold as number[]);
    this.level.set(state.level as number[]);
    this.update();
  }
}

function enableIndex(offset: number): { ctx: number; word: number } {
  const rel = offset - PLIC_ENABLE_BASE;
  return { ctx: rel / PLIC_ENABLE_STRIDE | 0, word: (rel % PLIC_ENABLE_STRIDE) >> 2 };
}

function describe(offset: number): string | undefined {
  offset &= ~3;
  if (offset < PLIC_PENDING_BASE) return `priority[${offset >> 2}]`;
  if (offset < PLIC_ENABLE_BASE) return `pending[${(offset - PLIC_PENDING_BASE) >> 2}]`;
  if (offset < PLIC_CONTEXT_BASE) {
    const { ctx, word } = enableIndex(offset);
    return `enable[${ctx}][${word}]`;
  }
  const ctx = (offset - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE | 0;
  const reg = offset & (PLIC_CONTEXT_STRIDE - 1);
  if (reg === PLIC_CONTEXT_THRESHOLD) return `threshold[${ctx}]`;
  if (reg === PLIC_CONTEXT_CLAIM) return `claim[${ctx}]`;
  return undefined;
}
