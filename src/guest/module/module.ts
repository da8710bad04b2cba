// The loaded module: the guest kernel's record of one insmod (Linux's struct
// module and its load_info, kept in TypeScript), and the `struct module` the
// loader writes into guest RAM for THIS_MODULE, with the field offsets of
// src/guest/include/linux/module.h on RV32.

import { utf8Encode } from '../../toolchain/obj/elf.ts';
import type { GuestMemory } from '../mm/guest-memory.ts';
import type { ModInfo } from './modinfo.ts';
import type { ModuleParam } from './params.ts';
import type { ExportedSymbol } from './ksymtab.ts';

/** enum module_state, with its values. */
export const MODULE_STATE = { LIVE: 0, COMING: 1, GOING: 2, UNFORMED: 3 } as const;
export type ModuleState = keyof typeof MODULE_STATE;

/** struct module on RV32 (sizeof 192, ____cacheline_aligned to 64). */
export const STRUCT_MODULE = {
  size: 192, align: 64, state: 0, list: 4, name: 12, nameLen: 60,
  syms: 132, crcs: 136, numSyms: 140, kp: 144, numKp: 148, init: 152, exit: 156,
} as const;

/** One loaded section: where it went in guest RAM. */
export interface LoadedSection {
  name: string;
  addr: number;
  size: number;
  /** Init sections (.init.*) are freed once init_module has returned. */
  init: boolean;
}

/** One allocation of guest RAM holding part of the module (Linux's core or init layout). */
export interface ModuleMemory {
  addr: number;
  size: number;
}

export interface Module {
  name: string;
  state: ModuleState;
  /** Address of the struct module the loader wrote (what THIS_MODULE points at). */
  structAddr: number;
  core: ModuleMemory;
  /** Undefined once freed (or when the module has no init sections). */
  init?: ModuleMemory;
  sections: LoadedSection[];
  /** Address of init_module / cleanup_module, if the module defines them. */
  initFn?: number;
  exitFn?: number;
  modinfo: ModInfo;
  params: ModuleParam[];
  /** What the module exports (EXPORT_SYMBOL / EXPORT_SYMBOL_GPL), for modules loaded after it. */
  exports: ExportedSymbol[];
  /** Linux's taint letters the module brought (P: proprietary license, O: out of tree). */
  taints: string[];
  /** Modules that use a symbol of this one (they keep it loaded). */
  usedBy: string[];
  /** Modules this one uses a symbol of. */
  uses: string[];
  refcount: number;
  /** Address of every global symbol the module defines, and of its local functions and objects. */
  symbols: Map<string, number>;
}

/** The struct module bytes: state, an empty list, the name and the fields the loader knows. */
export function structModuleBytes(m: { name: string; state: ModuleState; syms: number; numSyms: number;
  kp: number; numKp: number; initFn?: number; exitFn?: number }, addr: number): Uint8Array {
  const out = new Uint8Array(STRUCT_MODULE.size);
  const d = new DataView(out.buffer);
  d.setUint32(STRUCT_MODULE.state, MODULE_STATE[m.state], true);
  d.setUint32(STRUCT_MODULE.list, addr + STRUCT_MODULE.list, true);
  d.setUint32(STRUCT_MODULE.list + 4, addr + STRUCT_MODULE.list, true);
  out.set(utf8Encode(m.name), STRUCT_MODULE.name);
  d.setUint32(STRUCT_MODULE.syms, m.syms, true);
  d.setUint32(STRUCT_MODULE.numSyms, m.numSyms, true);
  d.setUint32(STRUCT_MODULE.kp, m.kp, true);
  d.setUint32(STRUCT_MODULE.numKp, m.numKp, true);
  d.setUint32(STRUCT_MODULE.init, m.initFn ?? 0, true);
  d.setUint32(STRUCT_MODULE.exit, m.exitFn ?? 0, true);
  return out;
}

/** Moves the module to `state`, in the record and in its struct module. */
export function setModuleState(mod: Module, state: ModuleState, memory: GuestMemory): void {
  mod.state = state;
  const v = new Uint8Array(4);
  new DataView(v.buffer).setUint32(0, MODULE_STATE[state], true);
  memory.write(mod.structAddr + STRUCT_MODULE.state, v);
}
