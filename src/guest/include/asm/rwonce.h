/* RISC-V takes the generic READ_ONCE/WRITE_ONCE (Linux 6.1 has no
 * arch/riscv/include/asm/rwonce.h; Kbuild generates this wrapper). */
#include <asm-generic/rwonce.h>
