/* RISC-V uses the generic errno numbers (Kbuild's generated asm/errno.h). */
#include <uapi/asm-generic/errno.h>
