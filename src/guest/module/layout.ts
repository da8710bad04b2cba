// Where each section of a module goes (Linux's layout_sections): the loaded
// (SHF_ALLOC) sections are grouped as code, read-only data, then writable data,
// each at its own alignment, in two separate allocations: the core, which stays,
// and init (.init.text, .init.data, .init.rodata), freed once init_module has
// returned. The exported-symbol entries (___ksymtab+NAME) are gathered, sorted
// by name, into one array as Kbuild's module linker script gathers them, and
// the struct module the loader supplies ends the core.

import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, type ElfSection } from '../../toolchain/obj/elf.ts';
import { STRUCT_MODULE } from './module.ts';

export interface Placement {
  init: boolean;
  /** Offset inside its allocation (core or init). */
  offset: number;
}

export interface ModuleLayout {
  /** Section index → where it goes; sections not loaded are absent. */
  placed: Map<number, Placement>;
  coreSize: number;
  coreAlign: number;
  initSize: number;
  initAlign: number;
  /** Offset of the struct module in the core. */
  thisModuleOffset: number;
}

/** Sections read by the loader but never loaded (Linux clears their SHF_ALLOC). */
const NOT_LOADED = new Set(['.modinfo', '__versions']);

export function isLoaded(s: ElfSection): boolean {
  return (s.flags & SHF_ALLOC) !== 0 && !NOT_LOADED.has(s.name);
}

export function isInitSection(name: string): boolean {
  return name.startsWith('.init');
}

/** 0 code, 1 read-only data (export tables first), 2 writable data. */
function group(s: ElfSection): number {
  if (s.flags & SHF_EXECINSTR) return 0;
  return s.flags & SHF_WRITE ? 2 : 1;
}

/** Sort key inside a group: the ksymtab arrays first, each sorted by name; then file order. */
function ksymtabRank(name: string): number {
  if (name.startsWith('___ksymtab+')) return 0;
  if (name.startsWith('___ksymtab_gpl+')) return 1;
  return 2;
}

function order(sections: ElfSection[], indices: number[]): number[] {
  return [...indices].sort((a, b) => {
    const sa = sections[a], sb = sections[b];
    const byGroup = group(sa) - group(sb) || ksymtabRank(sa.name) - ksymtabRank(sb.name);
    if (byGroup) return byGroup;
    return ksymtabRank(sa.name) < 2 ? (sa.name < sb.name ? -1 : sa.name > sb.name ? 1 : 0) : a - b;
  });
}

export function layoutSections(sections: ElfSection[]): ModuleLayout {
  const loaded = sections.map((s, i) => (i > 0 && isLoaded(s) ? i : -1)).filter((i) => i > 0);
  const placed = new Map<number, Placement>();
  const size = { core: 0, init: 0 };
  const align: Record<'core' | 'init', number> = { core: STRUCT_MODULE.align, init: 1 };
  for (const i of order(sections, loaded)) {
    const s = sections[i];
    const init = isInitSection(s.name);
    const which = init ? 'init' : 'core';
    const a = Math.max(1, s.align);
    const offset = alignUp(size[which], a);
    placed.set(i, { init, offset });
    size[which] = offset + s.size;
    align[which] = Math.max(align[which], a);
  }
  const thisModuleOffset = alignUp(size.core, STRUCT_MODULE.align);
  size.core = thisModuleOffset + STRUCT_MODULE.size;
  return { placed, coreSize: size.core, coreAlign: align.core, initSize: size.init, initAlign: align.init, thisModuleOffset };
}

export function alignUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}
