// The small printf subset names are built with (alloc_workqueue's and
// kthread_create's "fmt, ..."): %s, %d, %i, %u, %x, %c and %%.
import type { KernelContext, VarArgs } from '../api.ts';

export function formatName(k: KernelContext, fmt: string, va: VarArgs): string {
  return fmt.replace(/%([sdiuxc%])/g, (_m, c: string) => {
    if (c === '%') return '%';
    if (c === 's') return k.ram.cString(va.u32());
    if (c === 'c') return String.fromCharCode(va.u32() & 0xff);
    if (c === 'x') return va.u32().toString(16);
    return c === 'u' ? String(va.u32()) : String(va.i32());
  });
}
