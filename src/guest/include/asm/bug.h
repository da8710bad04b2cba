/* BUG() and WARN() on RISC-V: an ebreak whose address is recorded in the
 * __bug_table section (file, line, flags), which the trap handler looks up, as
 * Linux 6.1's arch/riscv/include/asm/bug.h does with relative pointers. */
#ifndef _ASM_RISCV_BUG_H
#define _ASM_RISCV_BUG_H

#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/types.h>

#define __INSN_LENGTH_MASK  _UL(0x3)
#define __INSN_LENGTH_32    _UL(0x3)
#define __COMPRESSED_INSN_MASK	_UL(0xffff)

#define __BUG_INSN_32	_UL(0x00100073) /* ebreak */
#define __BUG_INSN_16	_UL(0x9002) /* c.ebreak */

#define GENERIC_BUG_RELATIVE_POINTERS 1

typedef u32 bug_insn_t;

/* One __bug_table entry: where the ebreak is and which source line it stands
 * for, both as offsets from the entry itself. */
struct bug_entry {
	int		bug_addr_disp;
	int		file_disp;
	unsigned short	line;
	unsigned short	flags;
};

#define BUGFLAG_WARNING		(1 << 0)
#define BUGFLAG_ONCE		(1 << 1)
#define BUGFLAG_DONE		(1 << 2)
#define BUGFLAG_NO_CUT_HERE	(1 << 3)
#define BUGFLAG_TAINT(taint)	((taint) << 8)

#define __BUG_ENTRY_ADDR	".word 1b - 2b"
#define __BUG_ENTRY_FILE	".word %0 - 2b"
#define __BUG_ENTRY			\
	__BUG_ENTRY_ADDR "\n\t"		\
	__BUG_ENTRY_FILE "\n\t"		\
	".half %1\n\t"			\
	".half %2"

/* The ebreak, then its table entry; ".org 2b + size" pads the entry to
 * sizeof(struct bug_entry) and fails the build if the layout disagrees. */
#define __BUG_FLAGS(flags)					\
do {								\
	__asm__ __volatile__ (					\
		"1:\n\t"					\
			"ebreak\n"				\
			".pushsection __bug_table,\"aw\"\n\t"	\
		"2:\n\t"					\
			__BUG_ENTRY "\n\t"			\
			".org 2b + %3\n\t"			\
			".popsection"				\
		:						\
		: "i" (__FILE__), "i" (__LINE__),		\
		  "i" (flags),					\
		  "i" (sizeof(struct bug_entry)));		\
} while (0)

#define BUG() do {						\
	__BUG_FLAGS(0);						\
	unreachable();						\
} while (0)

#define __WARN_FLAGS(flags) __BUG_FLAGS(BUGFLAG_WARNING|(flags))

#define HAVE_ARCH_BUG

#include <asm-generic/bug.h>

#endif
