/* The user-visible part of kernel.h (Linux 6.1's include/uapi/linux/kernel.h). */
#ifndef _UAPI_LINUX_KERNEL_H
#define _UAPI_LINUX_KERNEL_H

#include <uapi/linux/const.h>

#endif
