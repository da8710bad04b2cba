// What every device model is, in QEMU's terms (hw/core/qdev, sysbus): a type
// with properties, `realize` that creates its memory regions and IRQ lines,
// `reset`, and versioned saved state. A sysbus device exposes its regions and
// lines in the order it created them (sysbus_init_mmio, sysbus_init_irq); only
// the board decides where they are mapped and what the lines are wired to.

import type { IrqLine } from './irq.ts';
import type { MemoryRegion } from './memory-region.ts';

export interface DeviceState {
  /** Bumped whenever the saved layout changes, so old snapshots are refused cleanly. */
  version: number;
  [field: string]: unknown;
}

export interface Device {
  /** QEMU type name ("stopwatch", "riscv.sifive.plic"). */
  readonly typeName: string;
  realize(): void;
  reset(): void;
  saveState(): DeviceState;
  loadState(state: DeviceState): void;
}

export interface SysBusDevice extends Device {
  /** Memory regions, in sysbus_init_mmio order (index 0 = first `reg` entry). */
  readonly mmio: readonly MemoryRegion[];
  /** Output IRQ lines, in sysbus_init_irq order. */
  readonly irqs: readonly IrqLine[];
}
