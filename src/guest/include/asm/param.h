/* HZ: timer ticks per second (CONFIG_HZ), as asm-generic/param.h derives it. */
#ifndef __ASM_GENERIC_PARAM_H
#define __ASM_GENERIC_PARAM_H

# define HZ		CONFIG_HZ
# define USER_HZ	100
# define CLOCKS_PER_SEC	(USER_HZ)

#endif
