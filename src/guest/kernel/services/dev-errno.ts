// The Linux errno values the device and time services return (negated), from
// include/uapi/asm-generic/errno-base.h, errno.h and include/linux/errno.h.
export const E = {
  EPERM: 1, ENOENT: 2, EINTR: 4, EIO: 5, ENXIO: 6, EAGAIN: 11, ENOMEM: 12, EFAULT: 14, EBUSY: 16,
  EEXIST: 17, ENODEV: 19, EINVAL: 22, ENOSYS: 38, ENODATA: 61, EOVERFLOW: 75, EILSEQ: 84,
  ETIMEDOUT: 110, ERESTARTSYS: 512, EPROBE_DEFER: 517,
} as const;

/** ERR_PTR(-errno) as the 32-bit pointer value a driver tests with IS_ERR. */
export function errPtr(errno: number): number {
  return -Math.abs(errno) >>> 0;
}
