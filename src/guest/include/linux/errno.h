/* errno values, plus the kernel-internal ones user space never sees
 * (ERESTARTSYS, EPROBE_DEFER, ENOTSUPP...), as in Linux 6.1's include/linux/errno.h. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm/errno.h>

#define ERESTARTSYS	512	/* a signal came: restart the system call */
#define ERESTARTNOINTR	513
#define ERESTARTNOHAND	514
#define ENOIOCTLCMD	515	/* no such ioctl: try the generic ones */
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER	517	/* probe again later: a resource is not there yet */
#define EOPENSTALE	518
#define ENOPARAM	519

#define EBADHANDLE	521
#define ENOTSYNC	522
#define EBADCOOKIE	523
#define ENOTSUPP	524
#define ETOOSMALL	525
#define ESERVERFAULT	526
#define EBADTYPE	527
#define EJUKEBOX	528
#define EIOCBQUEUED	529
#define ERECALLCONFLICT	530
#define ENOGRACE	531

#endif
