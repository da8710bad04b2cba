// After init_module has run (Linux's do_init_module): a negative return undoes
// the load; a positive one is a driver bug Linux warns about and treats as 0;
// then the module is live and its .init sections are freed. freeModule is the
// common end of a failed init and of rmmod.

import type { GuestMemory } from '../mm/guest-memory.ts';
import type { RamAllocator } from '../mm/heap.ts';
import { setModuleState, type Module } from './module.ts';

export interface InitEnv {
  memory: GuestMemory;
  heap: RamAllocator;
  /** The loaded modules: a module that fails its init is not among them, but those it used are. */
  modules: readonly Module[];
}

/** Frees the module's init sections (its .init.text, .init.data, .init.rodata). */
export function freeInit(mod: Module, heap: RamAllocator): void {
  if (!mod.init) return;
  heap.free(mod.init.addr);
  mod.init = undefined;
  mod.sections = mod.sections.filter((s) => !s.init);
}

/** Frees all of a module's memory and drops its references to the modules it used. */
export function freeModule(mod: Module, env: InitEnv): void {
  setModuleState(mod, 'GOING', env.memory);
  freeInit(mod, env.heap);
  env.heap.free(mod.core.addr);
  for (const owner of mod.uses) {
    const m = env.modules.find((x) => x.name === owner);
    if (!m) continue;
    m.refcount--;
    m.usedBy = m.usedBy.filter((n) => n !== mod.name);
  }
}

/** Finishes insmod once init_module returned `ret` (or right away, for a module without one: pass 0).
 * Returns the error insmod reports (0 on success) and what the kernel logs. */
export function completeInit(mod: Module, ret: number, env: InitEnv): { errno: number; log: string[] } {
  const log: string[] = [];
  const r = ret | 0;
  if (r < 0) {
    freeModule(mod, env);
    return { errno: r, log };
  }
  if (r > 0) log.push(`${mod.name}: 'init_module'->init suspiciously returned ${r}, it should follow 0/-E convention`);
  setModuleState(mod, 'LIVE', env.memory);
  freeInit(mod, env.heap);
  return { errno: 0, log };
}
