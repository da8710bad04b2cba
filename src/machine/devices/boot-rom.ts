// The virt board's mask ROM at 0x1000 (QEMU 7.2 hw/riscv/boot.c,
// riscv_setup_rom_reset_vec for RV32): a 6-instruction reset vector that puts
// the hart id in a0, the DTB address in a1 and jumps to the start address,
// followed by the two data words it reads and OpenSBI's fw_dynamic_info.
// riscv_load_fdt puts the DTB at the top of RAM, aligned down to 2 MiB.
// One difference, by design: QEMU 7.2 with -bios none starts at the DRAM base
// whatever the ELF says; the board starts at the ELF's entry point (the same
// address for programs that put _start first, as tests/baremetal does).

import { ramRegion, type RamRegion } from '../memory-region.ts';
import { VIRT_MEMMAP } from '../memmap.ts';

const RESET_VECTOR = [
  0x0000_0297, // 1: auipc t0, %pcrel_hi(fw_dyn)
  0x0282_8613, //    addi  a2, t0, %pcrel_lo(1b)
  0xf140_2573, //    csrr  a0, mhartid
  0x0202_a583, //    lw    a1, 32(t0)
  0x0182_a283, //    lw    t0, 24(t0)
  0x0002_8067, //    jr    t0
];
const FW_DYNAMIC_INFO_MAGIC = 0x4942_534f; // "OSBI"
const FW_DYNAMIC_INFO_VERSION = 2;
const FW_DYNAMIC_INFO_NEXT_MODE_S = 1;
const MiB = 1024 * 1024;

/** Where QEMU 7.2 loads the DTB: below the end of RAM (or 3 GiB, whichever is
 * lower), aligned down to 2 MiB (riscv_load_fdt). */
export function fdtLoadAddress(dramBase: number, dramSize: number, fdtSize: number): number {
  const dramEnd = dramBase + dramSize;
  const top = dramBase < 3072 * MiB ? Math.min(dramEnd, 3072 * MiB) : dramEnd;
  return Math.floor((top - fdtSize) / (2 * MiB)) * (2 * MiB);
}

/** The ROM's contents: reset vector, start address, DTB address, fw_dynamic_info. */
export function resetVectorWords(startAddr: number, fdtAddr: number): number[] {
  return [
    ...RESET_VECTOR,
    startAddr >>> 0, 0, // start: .dword
    fdtAddr >>> 0, 0, // fdt_laddr: .dword
    FW_DYNAMIC_INFO_MAGIC, FW_DYNAMIC_INFO_VERSION, startAddr >>> 0, FW_DYNAMIC_INFO_NEXT_MODE_S, 0, 0,
  ];
}

export class BootRom {
  readonly region: RamRegion = ramRegion('mrom', 'mrom', VIRT_MEMMAP.mrom.size, 'rom');

  /** Writes the reset vector for a jump to `startAddr` with a1 = `fdtAddr`. */
  program(startAddr: number, fdtAddr: number): void {
    const bytes = this.region.bytes;
    bytes.fill(0);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    resetVectorWords(startAddr, fdtAddr).forEach((w, i) => view.setUint32(i * 4, w, true));
  }
}
