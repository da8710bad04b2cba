/* errno values 1-34 (the classic UNIX ones), with Linux 6.1's numbering
 * (include/uapi/asm-generic/errno-base.h). */
#ifndef _ASM_GENERIC_ERRNO_BASE_H
#define _ASM_GENERIC_ERRNO_BASE_H

#define	EPERM		 1	/* not the owner / not permitted */
#define	ENOENT		 2	/* no such file or directory */
#define	ESRCH		 3	/* no such process */
#define	EINTR		 4	/* a signal interrupted the call */
#define	EIO		 5	/* input/output error */
#define	ENXIO		 6	/* no such device or address */
#define	E2BIG		 7	/* argument list too long */
#define	ENOEXEC		 8	/* not an executable format */
#define	EBADF		 9	/* bad file descriptor */
#define	ECHILD		10	/* no child process */
#define	EAGAIN		11	/* try again */
#define	ENOMEM		12	/* out of memory */
#define	EACCES		13	/* permission denied */
#define	EFAULT		14	/* bad address */
#define	ENOTBLK		15	/* a block device is required */
#define	EBUSY		16	/* device or resource busy */
#define	EEXIST		17	/* already exists */
#define	EXDEV		18	/* link across devices */
#define	ENODEV		19	/* no such device */
#define	ENOTDIR		20	/* not a directory */
#define	EISDIR		21	/* is a directory */
#define	EINVAL		22	/* invalid argument */
#define	ENFILE		23	/* system file table full */
#define	EMFILE		24	/* too many open files */
#define	ENOTTY		25	/* not a terminal (unknown ioctl) */
#define	ETXTBSY		26	/* text file busy */
#define	EFBIG		27	/* file too large */
#define	ENOSPC		28	/* no space left on device */
#define	ESPIPE		29	/* illegal seek */
#define	EROFS		30	/* read-only file system */
#define	EMLINK		31	/* too many links */
#define	EPIPE		32	/* broken pipe */
#define	EDOM		33	/* argument out of the function's domain */
#define	ERANGE		34	/* result out of range */

#endif
