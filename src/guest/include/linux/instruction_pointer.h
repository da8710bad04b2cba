/* _RET_IP_ and _THIS_IP_ (the caller's and the current code address), as Linux
 * 6.1's include/linux/instruction_pointer.h defines them. */
#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

#define _RET_IP_	(unsigned long)__builtin_return_address(0)
/* A local label's address (GCC's && operator) is the current pc. */
#define _THIS_IP_	({ __label__ __here; __here: (unsigned long)&&__here; })

#endif
