/* Page size and the kernel's linear mapping on RV32 (Sv32: 4 KiB pages), as
 * Linux 6.1's arch/riscv/include/asm/page.h defines them. */
#ifndef _ASM_RISCV_PAGE_H
#define _ASM_RISCV_PAGE_H

#include <asm/thread_info.h>

#define PAGE_OFFSET		_AC(CONFIG_PAGE_OFFSET, UL)

#endif
