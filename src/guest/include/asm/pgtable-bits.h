/* Sv32 page-table entry bits, and the protection ioremap gives device memory
 * (kernel read/write, global), as Linux 6.1's
 * arch/riscv/include/asm/pgtable-bits.h and pgtable.h define them. */
#ifndef _ASM_RISCV_PGTABLE_BITS_H
#define _ASM_RISCV_PGTABLE_BITS_H

#define _PAGE_PRESENT	(1 << 0)
#define _PAGE_READ	(1 << 1)
#define _PAGE_WRITE	(1 << 2)
#define _PAGE_EXEC	(1 << 3)
#define _PAGE_USER	(1 << 4)
#define _PAGE_GLOBAL	(1 << 5)
#define _PAGE_ACCESSED	(1 << 6)
#define _PAGE_DIRTY	(1 << 7)

#define _PAGE_KERNEL	(_PAGE_READ | _PAGE_WRITE | _PAGE_PRESENT | \
			 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL)
#define _PAGE_IOREMAP	_PAGE_KERNEL

#endif
