// kmalloc and kfree (mm/slab_common.c) over the kernel's heap in guest RAM,
// and the device-managed allocations and actions of drivers/base/devres.c.
// A driver's memory mistake is reported in dmesg as Linux would (a WARNING
// for a pointer kmalloc never gave out, KASAN's report for a double free),
// and the kernel goes on.

import type { CallArgs, KernelContext, ServiceModule } from '../api.ts';
import { devresAdd, devresRemove } from './devres.ts';
import { printWarning, printkText } from './printk.ts';

export const ZERO_SIZE_PTR = 16;
export const GFP_ZERO = 0x100;
const KMALLOC_ALIGN = 8;
/** What Linux's kmalloc refuses outright (KMALLOC_MAX_SIZE for 4 KiB pages, order 10). */
const KMALLOC_MAX = 4 << 20;

interface SlabState {
  /** Live blocks this file gave out: address → requested size. */
  live: Map<number, number>;
  /** Blocks freed since (for telling a double free from a wild pointer). */
  freed: Set<number>;
}

const slab = (k: KernelContext) => k.state<SlabState>('slab', () => ({ live: new Map(), freed: new Set() }));

/** kmalloc(size, gfp): NULL when the heap is full; ZERO_SIZE_PTR for 0 bytes, as Linux. */
export function slabAlloc(k: KernelContext, size: number, gfp: number): number {
  if (size === 0) return ZERO_SIZE_PTR;
  if (size > KMALLOC_MAX) return 0;
  const p = k.kmalloc(size, KMALLOC_ALIGN);
  if (!p) return 0;
  const st = slab(k);
  st.live.set(p, size);
  st.freed.delete(p);
  if (gfp & GFP_ZERO) k.ram.fill(p, 0, size);
  return p;
}

/** ksize(): the usable size of a block (0 for NULL and ZERO_SIZE_PTR). */
export function slabSize(k: KernelContext, p: number): number {
  if ((p >>> 0) <= ZERO_SIZE_PTR) return 0;
  return slab(k).live.get(p >>> 0) ?? k.ksize(p);
}

/** kfree(): NULL and ZERO_SIZE_PTR are fine; anything else must be a live block. */
export function slabFree(k: KernelContext, p: number): void {
  p >>>= 0;
  if (p <= ZERO_SIZE_PTR) return;
  const st = slab(k);
  if (st.live.delete(p) || k.ksize(p) > 0) {
    st.freed.add(p);
    k.kfree(p);
    return;
  }
  const hex = p.toString(16).padStart(8, '0');
  if (st.freed.has(p)) {
    const caller = k.callerAddress?.() ?? 0;
    printkText(k, '==================================================================\n', 3);
    printkText(k, `BUG: KASAN: double-free in ${caller ? k.symbolize(caller) : 'kfree'}\n`, 3);
    printkText(k, `Free of addr ${hex} by task ${k.current.comm}/${k.current.pid}\n`, 3);
    printkText(k, 'The buggy address was freed before: this kfree() is its second.\n', 3);
    printkText(k, '==================================================================\n', 3);
    return;
  }
  printWarning(k, 'mm/slab_common.c:1015 kfree', `object pointer: 0x${hex}\nkfree() of memory that kmalloc() did not give out: ignored`);
}

export function slabRealloc(k: KernelContext, p: number, size: number, gfp: number): number {
  if ((p >>> 0) <= ZERO_SIZE_PTR) return slabAlloc(k, size, gfp);
  if (size === 0) { slabFree(k, p); return ZERO_SIZE_PTR; }
  const old = slabSize(k, p);
  if (old === 0) { slabFree(k, p); return 0; }
  const q = slabAlloc(k, size, gfp);
  if (!q) return 0;
  k.ram.setBytes(q, k.ram.bytes(p, Math.min(old, size)));
  if (gfp & GFP_ZERO && size > old) k.ram.fill(q + old, 0, size - old);
  slabFree(k, p);
  return q;
}

const DEVM_KMALLOC = 'devm_kmalloc_release';

/** devm_kmalloc(): freed by the kernel when the driver detaches from `dev`. */
export function devmAlloc(k: KernelContext, dev: number, size: number, gfp: number): number {
  const p = slabAlloc(k, size, gfp);
  if (p && p !== ZERO_SIZE_PTR) devresAdd(k, dev, { name: DEVM_KMALLOC, key: p, release: () => slabFree(k, p) });
  return p;
}

function devmFree(k: KernelContext, dev: number, p: number): void {
  if ((p >>> 0) <= ZERO_SIZE_PTR) return;
  if (!devresRemove(k, dev, DEVM_KMALLOC, p >>> 0)) {
    printWarning(k, 'drivers/base/devres.c:1057 devm_kfree', `devm_kfree(): 0x${(p >>> 0).toString(16)} is not memory this device got from devm_kmalloc()`);
    return;
  }
  slabFree(k, p);
}

/** devm_krealloc: a new devm block with the old contents; the old one is released. */
function devmRealloc(k: KernelContext, dev: number, p: number, size: number, gfp: number): number {
  if ((p >>> 0) <= ZERO_SIZE_PTR) return devmAlloc(k, dev, size, gfp);
  if (size === 0) { devmFree(k, dev, p); return ZERO_SIZE_PTR; }
  const old = slabSize(k, p);
  const q = devmAlloc(k, dev, size, gfp);
  if (!q) return 0;
  k.ram.setBytes(q, k.ram.bytes(p, Math.min(old, size)));
  if (gfp & GFP_ZERO && size > old) k.ram.fill(q + old, 0, size - old);
  devmFree(k, dev, p);
  return q;
}

/** The devres name of a devm_add_action() entry: one per function, keyed by its data. */
const actionName = (fn: number) => `devm_action ${(fn >>> 0).toString(16)}`;

function devmAddAction(k: KernelContext, a: CallArgs): number {
  const dev = a.u32(0), fn = a.u32(1), data = a.u32(2);
  devresAdd(k, dev, { name: actionName(fn), key: data, release: async () => { await k.callGuest(fn, data); } });
  return 0;
}

function devmTakeAction(k: KernelContext, a: CallArgs, what: string) {
  const res = devresRemove(k, a.u32(0), actionName(a.u32(1)), a.u32(2));
  if (!res) printWarning(k, `drivers/base/devres.c ${what}`, `${what}(): no such action (${k.symbolize(a.u32(1))}) on this device`);
  return res;
}

function copyToNew(k: KernelContext, src: number, len: number, alloc: (n: number) => number, nul = false): number {
  const p = alloc(len + (nul ? 1 : 0));
  if (!p || p === ZERO_SIZE_PTR) return p;
  k.ram.setBytes(p, k.ram.bytes(src, len));
  if (nul) k.ram.setU8(p + len, 0);
  return p;
}

export const slabServices: ServiceModule = {
  services: {
    __kmalloc: (k, a) => slabAlloc(k, a.u32(0), a.u32(1)),
    kfree: (k, a) => slabFree(k, a.u32(0)),
    kfree_sensitive: (k, a) => {
      const size = slabSize(k, a.u32(0));
      if (size) k.ram.fill(a.u32(0), 0, size);
      slabFree(k, a.u32(0));
    },
    krealloc: (k, a) => slabRealloc(k, a.u32(0), a.u32(1), a.u32(2)),
    ksize: (k, a) => slabSize(k, a.u32(0)),
    __ksize: (k, a) => slabSize(k, a.u32(0)),
    devm_kmalloc: (k, a) => devmAlloc(k, a.u32(0), a.u32(1), a.u32(2)),
    devm_kfree: (k, a) => devmFree(k, a.u32(0), a.u32(1)),
    devm_krealloc: (k, a) => devmRealloc(k, a.u32(0), a.u32(1), a.u32(2), a.u32(3)),
    devm_kmemdup: (k, a) => copyToNew(k, a.u32(1), a.u32(2), (n) => devmAlloc(k, a.u32(0), n, a.u32(3))),
    devm_kstrdup: (k, a) => {
      if (!a.u32(1)) return 0;
      const s = a.u32(1);
      return copyToNew(k, s, k.ram.cString(s, 1 << 20).length, (n) => devmAlloc(k, a.u32(0), n, a.u32(2)), true);
    },
    devm_add_action: (k, a) => devmAddAction(k, a),
    devm_remove_action: (k, a) => { devmTakeAction(k, a, 'devm_remove_action'); },
    devm_release_action: async (k, a) => {
      const res = devmTakeAction(k, a, 'devm_release_action');
      if (res) await res.release();
    },
  },
};

export { copyToNew };
