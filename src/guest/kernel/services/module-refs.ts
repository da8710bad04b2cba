// Module reference counts (kernel/module/main.c's try_module_get/module_put):
// an open file of a driver holds its module (fops->owner), so that `rmmod`
// answers "Module X is in use" instead of unloading code that is still
// reachable. The counter lives in kernel state under 'module-refs'; the
// module loader may install its own (counting on its Module records) by
// creating that state first, and the services here then use it.

import type { KernelContext } from '../api.ts';

export interface ModuleRefs {
  /** try_module_get: false if the module is going away (then the open fails). */
  get(module: number): boolean;
  put(module: number): void;
  count(module: number): number;
}

function mapRefs(): ModuleRefs {
  const n = new Map<number, number>();
  return {
    get(m) { n.set(m >>> 0, (n.get(m >>> 0) ?? 0) + 1); return true; },
    put(m) { const c = (n.get(m >>> 0) ?? 0) - 1; if (c > 0) n.set(m >>> 0, c); else n.delete(m >>> 0); },
    count: (m) => n.get(m >>> 0) ?? 0,
  };
}

export const moduleRefs = (k: KernelContext) => k.state<ModuleRefs>('module-refs', mapRefs);

/** For the module loader, at boot: count references on its own module records (what rmmod and
 * lsmod's "Used by" read) instead of the default table. */
export function useModuleRefs(k: KernelContext, refs: ModuleRefs): void {
  if (k.state<ModuleRefs>('module-refs', () => refs) !== refs) throw new Error('module references were counted before the loader installed its own');
}

/** Takes a reference on the module at `module` (its struct module address; 0: built in, always true). */
export function moduleGet(k: KernelContext, module: number): boolean {
  return module ? moduleRefs(k).get(module) : true;
}

export function modulePut(k: KernelContext, module: number): void {
  if (module) moduleRefs(k).put(module);
}

export function moduleRefCount(k: KernelContext, module: number): number {
  return moduleRefs(k).count(module);
}
