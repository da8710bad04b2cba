// The board's memory map, as one table (like QEMU's virt_memmap[] in
// hw/riscv/virt.c, QEMU 7.2). The board, the device-tree builder, the CLI and
// the UI all read it; nothing else hard-codes an address.

export interface MemMapEntry {
  readonly base: number;
  readonly size: number;
}

export const VIRT_MEMMAP = {
  mrom: { base: 0x0000_1000, size: 0xf000 },
  test: { base: 0x0010_0000, size: 0x1000 },
  clint: { base: 0x0200_0000, size: 0x1_0000 },
  platformBus: { base: 0x0400_0000, size: 0x200_0000 },
  plic: { base: 0x0c00_0000, size: 0x60_0000 },
  uart0: { base: 0x1000_0000, size: 0x100 },
  dram: { base: 0x8000_0000, size: 128 * 1024 * 1024 },
} as const satisfies Record<string, MemMapEntry>;

export type VirtMemMapName = keyof typeof VIRT_MEMMAP;

/** PLIC interrupt sources, as in QEMU's virt.h. */
export const VIRT_IRQ = {
  uart0: 10,
  /** First PLIC source of the platform bus (VIRT_PLATFORM_BUS_IRQ). */
  platformBusFirst: 64,
  platformBusCount: 32,
} as const;

/** Number of PLIC sources (riscv,ndev), as QEMU's VIRT_IRQCHIP_NUM_SOURCES. */
export const VIRT_PLIC_NUM_SOURCES = 96;

/** The CLINT's mtime runs at 10 MHz, like QEMU's virt (timebase-frequency). */
export const VIRT_TIMEBASE_HZ = 10_000_000;

/** Finisher commands (hw/misc/sifive_test.c). */
export const FINISHER = { FAIL: 0x3333, PASS: 0x5555, RESET: 0x7777 } as const;
