/* Runs every 16-bit encoding (all 49152 halfwords whose low bits are not 11)
 * once, in M mode, and prints what each did, so the differential test can
 * compare the hart's C extension with qemu-system-riscv32's encoding by
 * encoding. Each halfword is written to `slot`, in the middle of a sled of
 * c.ebreak, with x1..x31 = slot + 1024 + 8*i: loads and stores stay inside the
 * sled, jumps and taken branches land on a c.ebreak. The trap that follows is
 * classified as
 *   I  illegal instruction with mepc = slot, mtval = the halfword
 *   i  illegal instruction otherwise
 *   B  breakpoint at slot (c.ebreak itself)
 *   .  breakpoint at slot + 2 (it fell through)
 *   j  breakpoint elsewhere (it jumped or branched)
 *   ?  any other trap
 *   s  not run: c.j, c.jal, c.beqz, c.bnez with offset 0 would spin on the spot
 * and mcause, mtval, mepc - slot, x1..x31 and the store area are folded into a
 * hash per line of 64 encodings: "hhhh <48 classes> <hash>". */
	.equ	UART0, 0x10000000
	.equ	FINISHER, 0x100000
	.equ	AREA, 1024	/* registers and stores start at slot + AREA */
	.equ	AREA_WORDS, 128

	.text
	.globl	main
main:
	la	t0, on_trap
	csrw	mtvec, t0
	sw	zero, current, t0
	li	t0, 0x811c9dc5
	sw	t0, hash, t1
	/* fall through */
next:
	lw	a0, current
	andi	t1, a0, 3
	li	t2, 3
	beq	t1, t2, skip
	li	t1, 0x2001	/* c.jal . */
	beq	a0, t1, spins
	li	t1, 0xa001	/* c.j . */
	beq	a0, t1, spins
	li	t1, 0xc003
	and	t2, a0, t1
	li	t1, 0xc001	/* c.beqz/c.bnez: offset in bits 12:10 and 6:2 */
	bne	t2, t1, 1f
	li	t1, 0x1c7c
	and	t2, a0, t1
	beqz	t2, spins
1:	la	t1, slot + AREA
	li	t2, 0x90029002	/* two c.ebreak */
	li	t3, AREA_WORDS
1:	lw	t4, 0(t1)	/* rewrite only what a store changed: each write */
	beq	t4, t2, 2f	/* to the sled's page costs QEMU a code flush */
	sw	t2, 0(t1)
2:	addi	t1, t1, 4
	addi	t3, t3, -1
	bnez	t3, 1b
	la	t1, slot
	sh	a0, 0(t1)
	fence.i
	la	x1, slot + AREA + 8
	.irp	i, 2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	addi	x\i, x1, (\i - 1) * 8
	.endr
	j	slot

/* A trap: save x1..x31, classify, hash, and go on with the next encoding. */
	.align	2
on_trap:
	csrw	mscratch, t0
	la	t0, saved
	.irp	i, 1,2,3,4,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sw	x\i, \i * 4(t0)
	.endr
	csrr	t1, mscratch
	sw	t1, 20(t0)
	la	sp, __stack_top
	lw	a0, current
	csrr	a1, mcause
	csrr	a2, mtval
	csrr	a3, mepc
	la	t0, slot
	sub	a3, a3, t0
	call	classify
	lw	a0, current
	la	t1, classes
	add	t1, t1, a0
	sb	a5, 0(t1)	/* classify returns its char in a5 */
	lw	t0, hash
	li	t1, 16777619
	csrr	t2, mcause
	xor	t0, t0, t2
	mul	t0, t0, t1
	csrr	t2, mtval
	xor	t0, t0, t2
	mul	t0, t0, t1
	csrr	t2, mepc
	la	t3, slot
	sub	t2, t2, t3
	xor	t0, t0, t2
	mul	t0, t0, t1
	la	t3, saved + 4
	li	t4, 31
1:	lw	t2, 0(t3)
	xor	t0, t0, t2
	mul	t0, t0, t1
	addi	t3, t3, 4
	addi	t4, t4, -1
	bnez	t4, 1b
	la	t3, slot + AREA
	li	t4, AREA_WORDS
1:	lw	t2, 0(t3)
	xor	t0, t0, t2
	mul	t0, t0, t1
	addi	t3, t3, 4
	addi	t4, t4, -1
	bnez	t4, 1b
	sw	t0, hash, t1
	j	skip
spins:
	la	t1, classes
	add	t1, t1, a0
	li	t2, 's'
	sb	t2, 0(t1)
skip:
	lw	a0, current
	addi	a0, a0, 1
	sw	a0, current, t1
	andi	t1, a0, 63
	bnez	t1, 2f
	la	sp, __stack_top
	addi	a0, a0, -64
	call	print_line
	li	t0, 0x811c9dc5
	sw	t0, hash, t1
2:	lw	a0, current
	li	t0, 0x10000
	bltu	a0, t0, next
	li	t0, FINISHER
	li	t1, 0x5555
	sw	t1, 0(t0)
3:	wfi
	j	3b

/* a0 = halfword, a1 = mcause, a2 = mtval, a3 = mepc - slot; returns a char in a5. */
classify:
	li	a5, '?'
	li	t0, 2
	bne	a1, t0, 1f
	li	a5, 'i'
	bnez	a3, 9f
	bne	a2, a0, 9f
	li	a5, 'I'
	ret
1:	li	t0, 3
	bne	a1, t0, 9f
	li	a5, 'B'
	beqz	a3, 9f
	li	a5, '.'
	li	t0, 2
	beq	a3, t0, 9f
	li	a5, 'j'
9:	ret

putc:
	li	t0, UART0
1:	lbu	t1, 5(t0)
	andi	t1, t1, 0x20
	beqz	t1, 1b
	sb	a0, 0(t0)
	ret

/* a0 = value, a1 = hex digits */
puthex:
	addi	sp, sp, -16
	sw	ra, 12(sp)
	sw	s0, 8(sp)
	sw	s1, 4(sp)
	mv	s0, a0
	slli	s1, a1, 2
1:	addi	s1, s1, -4
	srl	a0, s0, s1
	andi	a0, a0, 15
	la	t2, digits
	add	a0, a0, t2
	lbu	a0, 0(a0)
	call	putc
	bnez	s1, 1b
	lw	ra, 12(sp)
	lw	s0, 8(sp)
	lw	s1, 4(sp)
	addi	sp, sp, 16
	ret

/* a0 = first halfword of the line */
print_line:
	addi	sp, sp, -16
	sw	ra, 12(sp)
	sw	s0, 8(sp)
	sw	s1, 4(sp)
	mv	s0, a0
	li	a1, 4
	call	puthex
	li	a0, ' '
	call	putc
	li	s1, 64
1:	andi	t0, s0, 3
	li	t1, 3
	beq	t0, t1, 2f
	la	t0, classes
	add	t0, t0, s0
	lbu	a0, 0(t0)
	call	putc
2:	addi	s0, s0, 1
	addi	s1, s1, -1
	bnez	s1, 1b
	li	a0, ' '
	call	putc
	lw	a0, hash
	li	a1, 8
	call	puthex
	li	a0, '\n'
	call	putc
	lw	ra, 12(sp)
	lw	s0, 8(sp)
	lw	s1, 4(sp)
	addi	sp, sp, 16
	ret

	.section .rodata
digits:	.ascii	"0123456789abcdef"

	.data
	.align	2
current: .word 0
hash:	.word 0
saved:	.space	128

	.bss
classes: .space	0x10000

/* The sled: executable (the board has no PMP or paging in the way), away from
 * the code above so that rewriting `slot` does not touch its page. */
	.section .text.sled, "ax", @progbits
	.align	12
sled_low:
	.rept	1024
	.2byte	0x9002
	.endr
slot:
	.rept	1536
	.2byte	0x9002
	.endr
