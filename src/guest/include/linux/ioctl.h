/* ioctl number macros (the generic encoding RISC-V uses), as Linux 6.1's
 * include/linux/ioctl.h exposes them. */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H

#include <uapi/asm-generic/ioctl.h>

#endif
