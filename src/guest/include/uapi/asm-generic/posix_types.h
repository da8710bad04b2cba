/* The __kernel_* types behind size_t, ssize_t, loff_t, pid_t..., for a 32-bit
 * architecture, as Linux 6.1's include/uapi/asm-generic/posix_types.h has them. */
#ifndef __ASM_GENERIC_POSIX_TYPES_H
#define __ASM_GENERIC_POSIX_TYPES_H

typedef long		__kernel_long_t;
typedef unsigned long	__kernel_ulong_t;
typedef __kernel_ulong_t __kernel_ino_t;
typedef unsigned int	__kernel_mode_t;
typedef int		__kernel_pid_t;
typedef int		__kernel_ipc_pid_t;
typedef unsigned int	__kernel_uid_t;
typedef unsigned int	__kernel_gid_t;
typedef __kernel_long_t	__kernel_suseconds_t;
typedef int		__kernel_daddr_t;
typedef unsigned int	__kernel_uid32_t;
typedef unsigned int	__kernel_gid32_t;
typedef unsigned int	__kernel_old_dev_t;

/* 32-bit: size_t is unsigned int, as GCC's own size_t for ilp32. */
typedef unsigned int	__kernel_size_t;
typedef int		__kernel_ssize_t;
typedef int		__kernel_ptrdiff_t;

typedef long long	__kernel_loff_t;
typedef long long	__kernel_time64_t;
typedef __kernel_long_t	__kernel_old_time_t;
typedef __kernel_long_t	__kernel_clock_t;
typedef int		__kernel_timer_t;
typedef int		__kernel_clockid_t;
typedef char *		__kernel_caddr_t;
typedef unsigned short	__kernel_uid16_t;
typedef unsigned short	__kernel_gid16_t;

#endif
