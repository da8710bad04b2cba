// Where the guest kernel keeps things in the virt board's physical space
// (no paging: satp stays Bare, so virtual = physical). RAM starts with the
// kernel's own RV32 code and data, then the area modules are loaded into,
// then kmalloc's heap (task stacks come from it too). Kernel services live
// in a window at 0xc0000000 where nothing is mapped: a call there is a fetch
// from nowhere that the run loop services in TypeScript (docs/guest/kernel.md).

import { VIRT_MEMMAP } from '../../machine/memmap.ts';

export const RAM_BASE = VIRT_MEMMAP.dram.base;
/** The kernel's RV32 entry code (boot, trap entry, idle loop). */
export const KERNEL_TEXT = RAM_BASE;
/** Kernel variables (jiffies, system_wq, param_ops_int, ...), one after another. */
export const KERNEL_DATA = RAM_BASE + 0x1_0000;
export const KERNEL_DATA_SIZE = 0x1_0000;
/** The stack start_kernel runs on, before the first task exists. */
export const BOOT_STACK_TOP = RAM_BASE + 0x2_0000 + 0x2000;
/** module_alloc's area. */
export const MODULE_AREA = RAM_BASE + 0x10_0000;
export const MODULE_AREA_SIZE = 0x70_0000;
/** kmalloc's heap and the task stacks. */
export const HEAP_BASE = RAM_BASE + 0x80_0000;
/** The heap ends well below the device tree, which the boot ROM leaves near the top of RAM. */
export const HEAP_END_MARGIN = 0x40_0000;

/** The kernel-service window: one 4-byte slot per kernel symbol. */
export const WINDOW_BASE = 0xc000_0000;
export const WINDOW_SLOT = 4;
/** Slot 0: where a nested guest call returns (ra of callGuest). */
export const RET_SLOT = WINDOW_BASE;
/** Slot 1: where a task's first function returns (the task ends). */
export const TASK_EXIT_SLOT = WINDOW_BASE + 4;
/** Slot 2: start_kernel, the boot code's jump into the TypeScript kernel. */
export const START_KERNEL_SLOT = WINDOW_BASE + 8;
/** Slot 3: the trap entry's call for an exception in S-mode. */
export const EXCEPTION_SLOT = WINDOW_BASE + 12;
/** Slot 4: the trap entry's call for an external interrupt (a0 = hwirq). */
export const IRQ_SLOT = WINDOW_BASE + 16;
/** Slot 5: the M-mode trap vector's report (a trap the kernel cannot take). */
export const MTRAP_SLOT = WINDOW_BASE + 20;
/** The first slot of a service. */
export const FIRST_SERVICE_SLOT = WINDOW_BASE + 32;

/** Linux riscv32's THREAD_SIZE: 8 KiB of kernel stack per task. */
export const THREAD_SIZE = 0x2000;
/** Below each stack, a gap nothing else uses: an overflow lands there and is caught. */
export const STACK_GUARD = 0x4000;

/** PLIC registers for context 1 (hart 0, S-mode), as QEMU's virt lays them out. */
export const PLIC_BASE = VIRT_MEMMAP.plic.base;
export const PLIC_PRIORITY = PLIC_BASE;
export const PLIC_ENABLE_CTX1 = PLIC_BASE + 0x2080;
export const PLIC_THRESHOLD_CTX1 = PLIC_BASE + 0x20_1000;
export const PLIC_CLAIM_CTX1 = PLIC_BASE + 0x20_1004;
