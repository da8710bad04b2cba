/* User-visible fixed-width and endian-annotated types (__le32, __be16...), as
 * Linux 6.1's include/uapi/linux/types.h provides them. */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

#include <uapi/asm-generic/int-ll64.h>

#ifndef __ASSEMBLY__
#include <uapi/asm-generic/posix_types.h>

/* Sparse would check these; GCC sees plain integers. */
#define __bitwise
#define __bitwise__ __bitwise

typedef __u16 __bitwise __le16;
typedef __u16 __bitwise __be16;
typedef __u32 __bitwise __le32;
typedef __u32 __bitwise __be32;
typedef __u64 __bitwise __le64;
typedef __u64 __bitwise __be64;

typedef __u16 __bitwise __sum16;
typedef __u32 __bitwise __wsum;

#define __aligned_u64 __u64 __attribute__((aligned(8)))

typedef unsigned __bitwise __poll_t;
#endif

#endif
