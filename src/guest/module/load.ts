// Loading a module object into guest RAM (Linux's load_module): check the ELF,
// refuse a name already loaded, lay the sections out (layout.ts), resolve the
// undefined symbols (simplify-symbols.ts), allocate the core and init parts,
// relocate the sections in host buffers (relocate-riscv.ts), read the exports
// and parameters, and only then write the bytes into guest RAM. A failure
// at any step frees what was allocated and leaves guest RAM untouched. Running
// init_module is the kernel's part (init.ts finishes it).

import { SHT_NOBITS, SHT_RELA, STB_LOCAL, STT_FUNC, STT_OBJECT, STT_NOTYPE, STT_SECTION, cString } from '../../toolchain/obj/elf.ts';
import type { GuestMemory } from '../mm/guest-memory.ts';
import type { RamAllocator } from '../mm/heap.ts';
import { readModuleElf, type LoadInfo } from './elf-info.ts';
import { layoutSections, type ModuleLayout } from './layout.ts';
import { parseModinfo, licenseIsGplCompatible, type ModInfo } from './modinfo.ts';
import { resolveUndefined, symbolValues, commonSymbol, type External } from './simplify-symbols.ts';
import { applyRelocateAdd, type Rela } from './relocate-riscv.ts';
import { ksymtabSection, readKernelSymbol, findSymbol, type ExportedSymbol, type KernelSymbolTable } from './ksymtab.ts';
import { readParams, parseModuleArgs, matchParams, type ModuleParam } from './params.ts';
import { structModuleBytes, STRUCT_MODULE, type Module, type LoadedSection } from './module.ts';
import { EEXIST, EINVAL, ENOEXEC, ENOMEM } from './errno.ts';

export interface LoaderEnv {
  memory: GuestMemory;
  heap: RamAllocator;
  kernel: KernelSymbolTable;
  /** The modules loaded so far, in load order. */
  modules: readonly Module[];
  /** The kernel's taint letters: each is announced once, the first time a module brings it. */
  kernelTaints?: Set<string>;
}

export interface LoadRequest {
  /** The module's name (insmod's file name without .ko). */
  name: string;
  object: Uint8Array;
  /** insmod's arguments after the file name, e.g. "stopwatch_timeout=5". */
  args?: string;
}

/** A parameter given on the command line: the kernel calls its ops->set(value, param.addr). */
export interface ParamAssignment {
  param: ModuleParam;
  value?: string;
}

export type LoadResult =
  | { ok: true; module: Module; params: ParamAssignment[]; log: string[] }
  | { ok: false; errno: number; log: string[] };

/** The host-side copy of the module being built, addressed as in guest RAM. */
interface Image {
  core: { addr: number; bytes: Uint8Array };
  init: { addr: number; bytes: Uint8Array };
}

export function loadModule(req: LoadRequest, env: LoaderEnv): LoadResult {
  const log: string[] = [];
  const fail = (errno: number, line?: string): LoadResult => {
    if (line) log.push(`${req.name}: ${line}`);
    return { ok: false, errno, log };
  };
  if (!/^[A-Za-z0-9_-]+$/.test(req.name) || req.name.length >= STRUCT_MODULE.nameLen) {
    return fail(-EINVAL, `a module name is 1 to ${STRUCT_MODULE.nameLen - 1} letters, digits, '_' or '-'`);
  }
  const info = readModuleElf(req.object);
  if (typeof info === 'string') return fail(-ENOEXEC, `cannot load the module: ${info}`);
  if (env.modules.some((m) => m.name === req.name)) return fail(-EEXIST, 'a module with this name is already loaded (rmmod it first)');
  const common = commonSymbol(info);
  if (common) return fail(-ENOEXEC, common);
  const modinfo = modinfoOf(info);
  const taints = checkModinfo(req.name, modinfo, env, log);
  const external = resolveUndefined(info, {
    modname: req.name, gplOk: !taints.includes('P'), kernel: env.kernel, modules: env.modules,
    importedNamespaces: modinfo.entries.filter(([k]) => k === 'import_ns').map(([, v]) => v),
  }, log);
  if (external.errno) return fail(external.errno);
  const layout = layoutSections(info.elf.sections);
  const image = allocate(layout, env.heap);
  if (!image) return fail(-ENOMEM, `out of memory: the module needs ${layout.coreSize + layout.initSize} bytes of RAM`);
  const built = build(req, info, layout, image, external, modinfo, taints, env, log);
  if (typeof built === 'number') {
    release(image, env.heap);
    return fail(built);
  }
  env.memory.write(image.core.addr, image.core.bytes);
  if (image.init.bytes.length) env.memory.write(image.init.addr, image.init.bytes);
  for (const owner of built.module.uses) {
    const m = env.modules.find((x) => x.name === owner)!;
    m.refcount++;
    m.usedBy.push(req.name);
  }
  return { ok: true, module: built.module, params: built.params, log };
}

function modinfoOf(info: LoadInfo): ModInfo {
  const sec = info.elf.sections.find((s) => s.name === '.modinfo');
  return parseModinfo(sec ? sec.data : new Uint8Array(0));
}

/** Linux's check_modinfo and license check: the taints the module brings, announced once. */
function checkModinfo(name: string, modinfo: ModInfo, env: LoaderEnv, log: string[]): string[] {
  const taints: string[] = [];
  const taint = (letter: string, line: string): void => {
    taints.push(letter);
    if (env.kernelTaints?.has(letter)) return;
    env.kernelTaints?.add(letter);
    log.push(`${name}: ${line}`);
  };
  if (!modinfo.entries.some(([k]) => k === 'intree')) taint('O', 'loading out-of-tree module taints kernel.');
  const license = modinfo.license ?? 'unspecified';
  if (!licenseIsGplCompatible(license)) taint('P', `module license '${license}' taints kernel.`);
  return taints;
}

function allocate(layout: ModuleLayout, heap: RamAllocator): Image | undefined {
  const core = heap.allocate(layout.coreSize, layout.coreAlign);
  if (core === undefined) return undefined;
  const init = layout.initSize ? heap.allocate(layout.initSize, layout.initAlign) : 0;
  if (init === undefined) {
    heap.free(core);
    return undefined;
  }
  return { core: { addr: core, bytes: new Uint8Array(layout.coreSize) }, init: { addr: init, bytes: new Uint8Array(layout.initSize) } };
}

function release(image: Image, heap: RamAllocator): void {
  heap.free(image.core.addr);
  if (image.init.bytes.length) heap.free(image.init.addr);
}

/** The bytes of section `index` inside the image (a view: patching it patches the image). */
function sectionView(info: LoadInfo, layout: ModuleLayout, image: Image, index: number): { bytes: Uint8Array; addr: number } {
  const p = layout.placed.get(index)!;
  const part = p.init ? image.init : image.core;
  const size = info.elf.sections[index].size;
  return { bytes: part.bytes.subarray(p.offset, p.offset + size), addr: part.addr + p.offset };
}

/** A NUL-terminated string of the module, by guest address ('' outside the module). */
function imageString(image: Image, addr: number): string {
  for (const part of [image.core, image.init]) {
    const at = addr - part.addr;
    if (at >= 0 && at < part.bytes.length) return cString(part.bytes, at);
  }
  return '';
}

function build(req: LoadRequest, info: LoadInfo, layout: ModuleLayout, image: Image, external: External, modinfo: ModInfo,
  taints: string[], env: LoaderEnv, log: string[]): { module: Module; params: ParamAssignment[] } | number {
  const sections = info.elf.sections;
  for (const [i] of layout.placed) {
    if (sections[i].type !== SHT_NOBITS) sectionView(info, layout, image, i).bytes.set(sections[i].data);
  }
  const structAddr = image.core.addr + layout.thisModuleOffset;
  const values = symbolValues(info, layout, { core: image.core.addr, init: image.init.addr }, external, structAddr);
  const relocError = applyRelocations(req.name, info, layout, image, values, log);
  if (relocError) return relocError;
  const exports = readExports(info, layout, image);
  const dup = exports.map((e) => ({ e, owner: findSymbol(e.name, env.kernel, env.modules) })).find((x) => x.owner);
  if (dup) {
    log.push(`${req.name}: exports duplicate symbol ${dup.e.name} (owned by ${dup.owner!.owner ?? 'kernel'})`);
    return -ENOEXEC;
  }
  const paramIndex = sections.findIndex((s, i) => s.name === '__param' && layout.placed.has(i));
  const paramView = paramIndex > 0 ? sectionView(info, layout, image, paramIndex) : undefined;
  const params = paramView ? readParams(paramView.bytes, paramView.addr, (a) => imageString(image, a)) : [];
  const assigned = matchParams(req.name, params, parseModuleArgs(req.args ?? ''), log);
  const symbols = namedSymbols(info, values);
  const firstExport = [...layout.placed].filter(([i]) => ksymtabSection(sections[i].name)?.gplOnly === false).sort((a, b) => a[1].offset - b[1].offset)[0];
  const module: Module = {
    name: req.name, state: 'COMING', structAddr, core: { addr: image.core.addr, size: layout.coreSize },
    init: layout.initSize ? { addr: image.init.addr, size: layout.initSize } : undefined,
    sections: loadedSections(info, layout, image), initFn: symbols.get('init_module'), exitFn: symbols.get('cleanup_module'),
    modinfo, params, exports, taints, usedBy: [], uses: [...external.uses], refcount: 0, symbols,
  };
  image.core.bytes.set(structModuleBytes({
    name: req.name, state: 'COMING', syms: firstExport ? image.core.addr + firstExport[1].offset : 0,
    numSyms: exports.filter((e) => !e.gplOnly).length, kp: paramView?.addr ?? 0, numKp: params.length,
    initFn: module.initFn, exitFn: module.exitFn,
  }, structAddr), layout.thisModuleOffset);
  return { module, params: assigned };
}

/** Linux's apply_relocations: every RELA section whose target is loaded. */
function applyRelocations(modname: string, info: LoadInfo, layout: ModuleLayout, image: Image, values: (number | undefined)[], log: string[]): number {
  for (const rs of info.elf.sections) {
    if (rs.type !== SHT_RELA || !layout.placed.has(rs.info)) continue;
    const target = info.elf.sections[rs.info];
    const relas = readRelas(rs.data);
    const bad = relas.find((r) => r.sym >= info.symbols.length || (r.sym !== 0 && values[r.sym] === undefined));
    if (bad) {
      const what = bad.sym >= info.symbols.length ? `symbol #${bad.sym}, which does not exist` : `'${symbolName(info, bad.sym)}', which is in a section that is not loaded`;
      log.push(`${modname}: a relocation in ${target.name} refers to ${what}`);
      return -ENOEXEC;
    }
    const why = applyRelocateAdd({ name: target.name, ...sectionView(info, layout, image, rs.info) }, relas, {
      value: (i) => values[i] ?? 0, name: (i) => symbolName(info, i),
    });
    if (why) {
      log.push(`${modname}: ${why}`);
      return -EINVAL;
    }
  }
  return 0;
}

function readRelas(data: Uint8Array): Rela[] {
  const d = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Rela[] = [];
  for (let o = 0; o + 12 <= data.length; o += 12) {
    const rinfo = d.getUint32(o + 4, true);
    out.push({ offset: d.getUint32(o, true), type: rinfo & 0xff, sym: rinfo >>> 8, addend: d.getInt32(o + 8, true) });
  }
  return out;
}

function symbolName(info: LoadInfo, i: number): string {
  const s = info.symbols[i];
  return s.type === STT_SECTION ? info.elf.sections[s.shndx]?.name ?? '' : s.name;
}

function readExports(info: LoadInfo, layout: ModuleLayout, image: Image): ExportedSymbol[] {
  const out: ExportedSymbol[] = [];
  for (const [i] of layout.placed) {
    const k = ksymtabSection(info.elf.sections[i].name);
    if (k) out.push(readKernelSymbol(sectionView(info, layout, image, i).bytes, k.symbol, k.gplOnly, (a) => imageString(image, a)));
  }
  return out;
}

/** Globals, then named local functions and objects (first definition wins). */
function namedSymbols(info: LoadInfo, values: (number | undefined)[]): Map<string, number> {
  const out = new Map<string, number>();
  const named = info.symbols.map((s, i) => ({ s, v: values[i] })).filter(({ s, v }) => s.name !== '' && s.shndx !== 0 && v !== undefined
    && (s.bind !== STB_LOCAL || s.type === STT_FUNC || s.type === STT_OBJECT || (s.type === STT_NOTYPE && !s.name.startsWith('.L'))));
  for (const { s, v } of [...named.filter(({ s }) => s.bind !== STB_LOCAL), ...named.filter(({ s }) => s.bind === STB_LOCAL)]) {
    if (!out.has(s.name)) out.set(s.name, v!);
  }
  return out;
}

function loadedSections(info: LoadInfo, layout: ModuleLayout, image: Image): LoadedSection[] {
  return [...layout.placed].map(([i, p]) => ({
    name: info.elf.sections[i].name, addr: (p.init ? image.init.addr : image.core.addr) + p.offset, size: info.elf.sections[i].size, init: p.init,
  })).sort((a, b) => a.addr - b.addr);
}

