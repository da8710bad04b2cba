/* Start-up and trap entry for the bare-metal test programs (QEMU virt,
   -bios none): the boot ROM arrives here in M-mode with a0 = hart id and
   a1 = DTB address. main(hartid, dtb)'s return value goes to the finisher. */

	.section .text.init
	.globl _start
_start:
	la	sp, __stack_top
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sw	zero, 0(t0)
	addi	t0, t0, 4
	j	1b
2:	call	main
	call	exit
3:	j	3b

/* Trap entry (mtvec direct, or the exception slot of a vectored table):
   saves all registers in a struct trap_frame on the stack, calls
   trap_handler(frame), restores (with the handler's changes) and mrets. */
	.text
	.balign 256
	.globl trap_entry
trap_entry:
	addi	sp, sp, -128
	.irp r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sw	x\r, (\r * 4)(sp)
	.endr
	addi	t0, sp, 128
	sw	t0, 8(sp)
	csrr	t0, mepc
	sw	t0, 0(sp)
	mv	a0, sp
	call	trap_handler
	lw	t0, 0(sp)
	csrw	mepc, t0
	.irp r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	lw	x\r, (\r * 4)(sp)
	.endr
	addi	sp, sp, 128
	mret
