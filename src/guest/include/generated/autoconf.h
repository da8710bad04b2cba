/* The guest kernel's configuration, as Kbuild's generated/autoconf.h states it:
 * a 32-bit RISC-V, one hart (no CONFIG_SMP), no kernel preemption, no lockdep.
 * The headers below read these to pick the same variants Linux 6.1 picks. */
#ifndef __GENERATED_AUTOCONF_H
#define __GENERATED_AUTOCONF_H

#define CONFIG_RISCV 1
#define CONFIG_32BIT 1
#define CONFIG_ARCH_RV32I 1
#define CONFIG_MMU 1
#define CONFIG_HZ 100
#define CONFIG_NR_CPUS 1
#define CONFIG_MODULES 1
#define CONFIG_MODULE_UNLOAD 1
#define CONFIG_PRINTK 1
#define CONFIG_SYSFS 1
#define CONFIG_DEBUG_FS 1
#define CONFIG_OF 1
#define CONFIG_OF_IRQ 1
#define CONFIG_GENERIC_IOREMAP 1
#define CONFIG_PAGE_OFFSET 0xc0000000
#define CONFIG_ILLEGAL_POINTER_VALUE 0

#endif
