/* RISC-V's asm/types.h is the generic int-ll64 one (u8..u64 come from
 * <linux/types.h>). */
#include <uapi/asm-generic/int-ll64.h>
