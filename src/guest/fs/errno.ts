// Linux errno numbers (asm-generic/errno-base.h values) and their texts as
// glibc's strerror prints them, which is what busybox and dash show.

export const Errno = {
  EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, EIO: 5, ENXIO: 6, E2BIG: 7, ENOEXEC: 8,
  EBADF: 9, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EFAULT: 14, EBUSY: 16, EEXIST: 17,
  ENODEV: 19, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENFILE: 23, EMFILE: 24, ENOTTY: 25,
  EFBIG: 27, ENOSPC: 28, ESPIPE: 29, EROFS: 30, EPIPE: 32, ERANGE: 34, ENOSYS: 38,
  ENOTEMPTY: 39, ETIMEDOUT: 110,
} as const;
export type Errno = (typeof Errno)[keyof typeof Errno];

const TEXTS: Record<number, string> = {
  1: 'Operation not permitted', 2: 'No such file or directory', 3: 'No such process',
  4: 'Interrupted system call', 5: 'Input/output error', 6: 'No such device or address',
  7: 'Argument list too long', 8: 'Exec format error', 9: 'Bad file descriptor',
  11: 'Resource temporarily unavailable', 12: 'Cannot allocate memory', 13: 'Permission denied',
  14: 'Bad address', 16: 'Device or resource busy', 17: 'File exists', 19: 'No such device',
  20: 'Not a directory', 21: 'Is a directory', 22: 'Invalid argument',
  23: 'Too many open files in system', 24: 'Too many open files',
  25: 'Inappropriate ioctl for device', 27: 'File too large', 28: 'No space left on device',
  29: 'Illegal seek', 30: 'Read-only file system', 32: 'Broken pipe',
  34: 'Numerical result out of range', 38: 'Function not implemented',
  39: 'Directory not empty', 110: 'Connection timed out',
};

/** The text glibc prints for errno `n` (positive), e.g. "Invalid argument". */
export function strerror(n: number): string {
  return TEXTS[Math.abs(n)] ?? `Unknown error ${Math.abs(n)}`;
}

/** An operation of the VFS that failed with a Linux errno. */
export class FsError extends Error {
  constructor(readonly errno: number, readonly path = '') {
    super(path ? `${path}: ${strerror(errno)}` : strerror(errno));
  }
}
