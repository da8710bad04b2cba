/* __init/__exit section markers and the initcall types, as Linux 6.1's
 * include/linux/init.h defines them for modules: the loader may free
 * .init.text after init_module() returns. */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

#define __init		__section(".init.text") __cold  __latent_entropy __noinitretpoline
#define __initdata	__section(".init.data")
#define __initconst	__section(".init.rodata")
#define __exitdata	__section(".exit.data")
#define __exit_call	__used __section(".exitcall.exit")

#define __noinitretpoline

/* In a module, exit code is kept (the module may be unloaded). */
#define __exitused  __used
#define __exit          __section(".exit.text") __exitused __cold notrace

#define __ref            __section(".ref.text") noinline
#define __refdata        __section(".ref.data")
#define __refconst       __section(".ref.rodata")

#ifndef __ASSEMBLY__
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#endif

#endif
