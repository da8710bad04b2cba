/* The errno values drivers commonly return beyond the first 34, with Linux
 * 6.1's numbering (include/uapi/asm-generic/errno.h; the rest left out). */
#ifndef _UAPI_ASM_GENERIC_ERRNO_H
#define _UAPI_ASM_GENERIC_ERRNO_H

#include <uapi/asm-generic/errno-base.h>

#define	EDEADLK		35	/* a deadlock would occur */
#define	ENAMETOOLONG	36	/* file name too long */
#define	ENOLCK		37	/* no record locks available */
#define	ENOSYS		38	/* function not implemented */
#define	ENOTEMPTY	39	/* directory not empty */
#define	ELOOP		40	/* too many symbolic links */
#define	EWOULDBLOCK	EAGAIN
#define	ENOMSG		42	/* no message of the desired type */
#define	ENODATA		61	/* no data available */
#define	ETIME		62	/* timer expired */
#define	EPROTO		71	/* protocol error */
#define	EBADMSG		74	/* not a data message */
#define	EOVERFLOW	75	/* value too large for its type */
#define	EILSEQ		84	/* illegal byte sequence */
#define	EOPNOTSUPP	95	/* operation not supported */
#define	EADDRINUSE	98	/* address already in use */
#define	ENOBUFS		105	/* no buffer space available */
#define	ETIMEDOUT	110	/* timed out */
#define	EALREADY	114	/* operation already in progress */
#define	EINPROGRESS	115	/* operation now in progress */
#define	ECANCELED	125	/* operation canceled */

#endif
