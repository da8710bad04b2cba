/* BITS_PER_LONG for RV32 (ilp32: long is 32 bits), as Linux 6.1's
 * asm-generic/bitsperlong.h derives it from CONFIG_64BIT. */
#ifndef __ASM_GENERIC_BITS_PER_LONG
#define __ASM_GENERIC_BITS_PER_LONG

#define __BITS_PER_LONG 32
#define BITS_PER_LONG 32
#define BITS_PER_LONG_LONG 64

#endif
