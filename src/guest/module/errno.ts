// The Linux error numbers the module loader returns (include/uapi/asm-generic/errno-base.h),
// negated as the kernel returns them.

export const ENOENT = 2, ENOEXEC = 8, ENOMEM = 12, EEXIST = 17, EINVAL = 22;

/** A failed load: the error (e.g. -ENOENT) and what the kernel logged on the way. */
export class ModuleLoadError extends Error {
  constructor(readonly errno: number, readonly log: string[]) {
    super(`${log.join('\n')}${log.length ? '\n' : ''}(err ${errno})`);
  }
}
