// Copies between the kernel and "user" memory (lib/usercopy.c, mm/util.c,
// lib/strncpy_from_user.c). The guest has no MMU, so a user pointer is just
// a RAM address; what Linux's exception table does for a bad one we do by
// catching the fault: the copy stops there and reports how much is left,
// and no Oops happens.

import { GuestFault, type KernelContext, type ServiceModule } from '../api.ts';
import { printWarning } from './printk.ts';
import { slabAlloc, slabFree } from './slab.ts';

const EFAULT = 14, EINVAL = 22, ENOMEM = 12;
const GFP_USER = 0xcc0;
export const errPtr = (errno: number) => (-errno) >>> 0;

/** Copies n bytes; returns how many could NOT be copied (0 when all went well). */
export function copyWithFaults(k: KernelContext, to: number, from: number, n: number): number {
  if (n === 0) return 0;
  try {
    k.ram.setBytes(to, k.ram.bytes(from, n));
    return 0;
  } catch (e) {
    if (!(e instanceof GuestFault)) throw e;
  }
  let done = 0;
  try {
    for (; done < n; done++) k.ram.setU8(to + done, k.ram.u8(from + done));
  } catch (e) {
    if (!(e instanceof GuestFault)) throw e;
  }
  return n - done;
}

/** copy_from_user: as Linux, the part of the kernel buffer that could not be filled is zeroed. */
export function copyFromUser(k: KernelContext, to: number, from: number, n: number): number {
  const left = copyWithFaults(k, to, from, n);
  if (left) k.ram.fill(to + n - left, 0, left);
  return left;
}

/** A copy of a user buffer in a kmalloc block (with a NUL after it if asked), or an ERR_PTR. */
function memdupUser(k: KernelContext, src: number, len: number, nul: boolean): number {
  const p = slabAlloc(k, len + (nul ? 1 : 0), GFP_USER);
  if (!p) return errPtr(ENOMEM);
  if (copyFromUser(k, p, src, len)) { slabFree(k, p); return errPtr(EFAULT); }
  if (nul) k.ram.setU8(p + len, 0);
  return p;
}

/** strnlen_user: the length with its NUL; more than n when there is none in n bytes; 0 on a fault. */
function strnlenUser(k: KernelContext, s: number, n: number): number {
  if (n <= 0) return 0;
  try {
    for (let i = 0; i < n; i++) if (k.ram.u8(s + i) === 0) return i + 1;
    return n + 1;
  } catch (e) {
    if (e instanceof GuestFault) return 0;
    throw e;
  }
}

function strncpyFromUser(k: KernelContext, dst: number, src: number, count: number): number {
  if (count <= 0) return 0;
  const len = strnlenUser(k, src, count);
  if (len === 0) return -EFAULT;
  const n = Math.min(len, count);
  k.ram.setBytes(dst, k.ram.bytes(src, n));
  return len > count ? count : len - 1;
}

export const uaccessServices: ServiceModule = {
  services: {
    _copy_to_user: (k, a) => copyWithFaults(k, a.u32(0), a.u32(1), a.u32(2)),
    _copy_from_user: (k, a) => copyFromUser(k, a.u32(0), a.u32(1), a.u32(2)),
    memdup_user: (k, a) => memdupUser(k, a.u32(0), a.u32(1), false),
    memdup_user_nul: (k, a) => memdupUser(k, a.u32(0), a.u32(1), true),
    strncpy_from_user: (k, a) => strncpyFromUser(k, a.u32(0), a.u32(1), a.i32(2)),
    strnlen_user: (k, a) => strnlenUser(k, a.u32(0), a.i32(1)),
    strndup_user: (k, a) => {
      const s = a.u32(0), n = a.i32(1);
      const len = strnlenUser(k, s, n);
      if (!len) return errPtr(EFAULT);
      if (len > n) return errPtr(EINVAL);
      const p = memdupUser(k, s, len, false);
      if (p < 0xffff_f001) k.ram.setU8(p + len - 1, 0);
      return p;
    },
    __copy_overflow: (k, a) => printWarning(k, 'mm/maccess.c', `Buffer overflow detected (${a.i32(0)} < ${a.u32(1)})!`),
    // Build-time traps: a correct build never calls them; if one runs anyway, say what it means.
    __bad_copy_from: (k) => printWarning(k, 'include/linux/thread_info.h', 'copy_from_user() into a buffer smaller than the copy: the build should have failed'),
    __bad_copy_to: (k) => printWarning(k, 'include/linux/thread_info.h', 'copy_to_user() from a buffer smaller than the copy: the build should have failed'),
  },
};
