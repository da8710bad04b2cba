// The guest kernel's own RV32 code, assembled by the playground's assembler
// and linked at the start of RAM: the boot code the boot ROM jumps to (M-mode
// set-up as OpenSBI leaves a hart for Linux, then S-mode), the S-mode trap
// entry (registers saved as Linux riscv's struct pt_regs, interrupts claimed
// and completed at the PLIC by MMIO) and the idle task's wfi loop.

import type { Diagnostic } from '../../toolchain/diagnostics.ts';
import { assemble } from '../../toolchain/asm/assemble.ts';
import { linkImage } from '../../toolchain/obj/link.ts';
import {
  BOOT_STACK_TOP, EXCEPTION_SLOT, IRQ_SLOT, KERNEL_TEXT, MTRAP_SLOT, PLIC_CLAIM_CTX1, START_KERNEL_SLOT,
} from './layout.ts';

/** struct pt_regs on RV32: epc, then x1..x31 (x_n at 4n), status, badaddr, cause, orig_a0. */
export const PT_REGS = { size: 144, epc: 0, status: 128, badaddr: 132, cause: 136, origA0: 140 } as const;

/** Exceptions handed to S-mode: misaligned, access faults, illegal instruction, breakpoint,
 * ecall from U, page faults (OpenSBI delegates or redirects all of these to Linux). */
const MEDELEG = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 12) | (1 << 13) | (1 << 15);
/** Supervisor software, timer and external interrupts, as OpenSBI delegates them. */
const MIDELEG = (1 << 1) | (1 << 5) | (1 << 9);
const SIE_SEIE = 1 << 9;

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

function saveRegs(): string {
  const lines: string[] = [];
  for (let n = 1; n < 32; n++) if (n !== 2) lines.push(`\tsw x${n}, ${4 * n}(sp)`);
  return lines.join('\n');
}

function restoreRegs(): string {
  const lines: string[] = [];
  for (let n = 1; n < 32; n++) if (n !== 2) lines.push(`\tlw x${n}, ${4 * n}(sp)`);
  return lines.join('\n');
}

export const ENTRY_ASM = `
	.text
	.globl _start
# M-mode, from the boot ROM: a0 = hart id, a1 = the device tree.
_start:
	la t0, m_trap
	csrw mtvec, t0
	li t0, -1			# one PMP entry: S-mode may use all of physical space
	csrw pmpaddr0, t0
	li t0, 0x1f			# NAPOT, R W X
	csrw pmpcfg0, t0
	li t0, ${hex(MEDELEG)}
	csrw medeleg, t0
	li t0, ${hex(MIDELEG)}
	csrw mideleg, t0
	li t0, 7
	csrw mcounteren, t0
	li t0, 0x1800			# mstatus.MPP = S
	csrc mstatus, t0
	li t0, 0x800
	csrs mstatus, t0
	la t0, s_entry
	csrw mepc, t0
	mret
	.align 2
m_trap:
	li t0, ${hex(MTRAP_SLOT)}
	jr t0
# S-mode: the trap vector, a stack, then the kernel proper.
s_entry:
	la t0, handle_exception
	csrw stvec, t0
	li t0, ${hex(SIE_SEIE)}
	csrs sie, t0
	li sp, ${hex(BOOT_STACK_TOP)}
	mv a0, a1
	li t0, ${hex(START_KERNEL_SLOT)}
	jalr t0
# The idle task: wait for an interrupt with interrupts on, forever.
	.globl idle_loop
idle_loop:
	csrsi sstatus, 2
1:	wfi
	j 1b
	.globl idle_loop_end
idle_loop_end:
# Every S-mode trap: save the interrupted registers as a struct pt_regs on its stack.
	.align 2
	.globl handle_exception
handle_exception:
	addi sp, sp, -${PT_REGS.size}
${saveRegs()}
	addi t0, sp, ${PT_REGS.size}
	sw t0, 8(sp)
	csrr t0, sepc
	sw t0, ${PT_REGS.epc}(sp)
	csrr t0, sstatus
	sw t0, ${PT_REGS.status}(sp)
	csrr t0, stval
	sw t0, ${PT_REGS.badaddr}(sp)
	csrr t0, scause
	sw t0, ${PT_REGS.cause}(sp)
	sw a0, ${PT_REGS.origA0}(sp)
	bltz t0, handle_irq
	mv a0, sp			# an exception: the kernel explains it (an Oops)
	li t0, ${hex(EXCEPTION_SLOT)}
	jalr t0
	j ret_from_exception
# Claim, handle, complete, until the PLIC has nothing more for us.
handle_irq:
	li s1, ${hex(PLIC_CLAIM_CTX1)}
1:	lw s2, 0(s1)
	beqz s2, ret_from_exception
	mv a0, s2
	li t0, ${hex(IRQ_SLOT)}
	jalr t0
	sw s2, 0(s1)
	j 1b
	.globl ret_from_exception
ret_from_exception:
	lw t0, ${PT_REGS.status}(sp)
	csrw sstatus, t0
	lw t0, ${PT_REGS.epc}(sp)
	csrw sepc, t0
${restoreRegs()}
	lw sp, 8(sp)
	sret
	.globl handle_exception_end
handle_exception_end:
`;

export interface KernelImage {
  elf: Uint8Array;
  symbols: Map<string, number>;
}

let cached: KernelImage | undefined;

/** The kernel's code as an ELF executable for the board, built once. */
export function kernelImage(): KernelImage {
  if (cached) return cached;
  const diags: Diagnostic[] = [];
  const obj = assemble('entry.S', ENTRY_ASM, diags);
  const img = linkImage([obj], { entry: '_start', textBase: KERNEL_TEXT, stackSize: 0 }, diags);
  if (!img || diags.some((d) => d.severity === 'error')) {
    throw new Error(`the guest kernel's entry code does not assemble: ${diags.map((d) => d.message).join('; ')}`);
  }
  cached = { elf: img.elf, symbols: img.symbols };
  return cached;
}
