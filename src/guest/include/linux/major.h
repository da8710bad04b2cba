/* Assigned character-device majors drivers name (Linux 6.1's
 * include/uapi/linux/major.h, the few used here). */
#ifndef _LINUX_MAJOR_H
#define _LINUX_MAJOR_H

#define MEM_MAJOR		1
#define TTY_MAJOR		4
#define MISC_MAJOR		10

#endif
