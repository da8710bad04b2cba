/* Start-up for the gcc-built reference legs (same job as src/toolchain/obj/startup.ts):
 * stack, clear .bss, call main, report its return value to the SiFive test finisher. */
	.section .text.start, "ax", @progbits
	.globl	_start
_start:
	la	sp, __stack_top
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sw	zero, 0(t0)
	addi	t0, t0, 4
	j	1b
2:	call	main
	li	t0, 0x100000
	bnez	a0, 3f
	li	t1, 0x5555
	sw	t1, 0(t0)
	j	4f
3:	slli	a0, a0, 16
	li	t1, 0x3333
	or	t1, t1, a0
	sw	t1, 0(t0)
4:	wfi
	j	4b
