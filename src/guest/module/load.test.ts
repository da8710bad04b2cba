// What insmod's user sees of the loader: the refusals Linux gives (unknown
// symbol, duplicate module, a file that is no module) with nothing left
// allocated, the module's .modinfo and parameters, THIS_MODULE, symbols
// exported by one module and used by the next, and init sections freed once
// init_module has returned. Modules are built by gcc as Kbuild builds them.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadModule, type LoadResult } from './load.ts';
import { completeInit, freeInit } from './init.ts';
import { ENOENT, EEXIST, ENOEXEC, EINVAL } from './errno.ts';
import { MODULE_STATE, STRUCT_MODULE, type Module } from './module.ts';
import { KERNEL_PARAM } from './params.ts';
import { gccModule, kernelFor, ldImage, stubKernel, testGuest, REPO, WORK, type TestGuest } from '../../../tests/linux/module-loader.ts';
import { undefinedSymbols } from '../../../tests/linux/gcc-module.ts';

/** The .modinfo strings as objcopy extracts them. */
function objcopyModinfo(object: string): string[] {
  const bin = join(WORK, 'modinfo.bin');
  execFileSync('riscv64-unknown-elf-objcopy', ['-O', 'binary', '--only-section=.modinfo', object, bin]);
  return readFileSync(bin, 'latin1').split('\0').filter((x) => x !== '');
}

const STOPWATCH = join(REPO, 'src/guest/drivers/stopwatch/stopwatch.c');

function loaded(r: LoadResult): Extract<LoadResult, { ok: true }> {
  if (!r.ok) throw new Error(`load failed (${r.errno}):\n${r.log.join('\n')}`);
  return r;
}

const u32 = (g: TestGuest, addr: number): number => new DataView(g.memory.read(addr, 4).buffer).getUint32(0, true);
const cstr = (g: TestGuest, addr: number): string => {
  const b = g.memory.read(addr, 64);
  return String.fromCharCode(...b.subarray(0, b.indexOf(0)));
};

describe('a missing kernel symbol', () => {
  const build = gccModule(STOPWATCH, 'stopwatch');
  const needed = undefinedSymbols(build.object).filter((n) => n !== '__this_module');
  const missing = ['_printk', 'devm_kmalloc'];

  it('is refused as Linux refuses it: one "Unknown symbol" line each, then -ENOENT, nothing allocated', () => {
    const guest = testGuest(stubKernel(needed.filter((n) => !missing.includes(n))));
    const r = loadModule({ name: 'stopwatch', object: build.bytes }, guest);
    expect(r.ok).toBe(false);
    expect(r.ok ? 0 : r.errno).toBe(-ENOENT);
    expect(r.log.filter((l) => l.includes('Unknown symbol')).sort()).toEqual(missing.map((n) => `stopwatch: Unknown symbol ${n} (err -2)`));
    expect(guest.heap.allocations).toBe(0);
    expect(guest.memory.bytes.every((b) => b === 0)).toBe(true);
  });

  it('is refused when it is GPL-only and the module is not GPL', () => {
    const src = '#include <linux/module.h>\nint f(void) { return try_module_get(THIS_MODULE); }\nMODULE_LICENSE("Proprietary");\n';
    const b = gccModule(src, 'closed');
    const guest = testGuest(stubKernel(undefinedSymbols(b.object), ['try_module_get']));
    const r = loadModule({ name: 'closed', object: b.bytes }, guest);
    expect(r.log).toContain("closed: module license 'Proprietary' taints kernel.");
    expect(r.log).toContain('closed: Unknown symbol try_module_get (err -2)');
    expect(r.ok ? 0 : r.errno).toBe(-ENOENT);
  });
});

describe('refusals before anything is loaded', () => {
  const build = gccModule(STOPWATCH, 'stopwatch');

  it('a second module of the same name: -EEXIST', () => {
    const guest = testGuest(kernelFor(build.object));
    guest.modules.push(loaded(loadModule({ name: 'stopwatch', object: build.bytes }, guest)).module);
    const before = guest.heap.allocations;
    const r = loadModule({ name: 'stopwatch', object: build.bytes }, guest);
    expect(r.ok ? 0 : r.errno).toBe(-EEXIST);
    expect(guest.heap.allocations).toBe(before);
  });

  it('a file that is not an ELF object, or a linked program: -ENOEXEC with one line saying why', () => {
    const guest = testGuest(kernelFor(build.object));
    const text = loadModule({ name: 'notes', object: new TextEncoder().encode('#!/bin/sh\necho hi\n') }, guest);
    expect(text.ok ? 0 : text.errno).toBe(-ENOEXEC);
    expect(text.log).toEqual(['notes: cannot load the module: not an ELF file (bad magic number)']);
    const exec = build.bytes.slice();
    exec[16] = 2; // e_type = ET_EXEC
    const r = loadModule({ name: 'prog', object: exec }, guest);
    expect(r.log).toEqual(['prog: cannot load the module: not a relocatable object (ELF type 2, a module has type 1): build it with gcc -c, without linking']);
    expect(loadModule({ name: 'bad name', object: build.bytes }, guest).ok ? 0 : -EINVAL).toBe(-EINVAL);
    expect(guest.heap.allocations).toBe(0);
  });

  it('a build without -fno-common', () => {
    const b = gccModule('int counter;\nint get(void) { return counter; }\n', 'common', 'rv32imac_zicsr', ['-fcommon']);
    const r = loadModule({ name: 'common', object: b.bytes }, testGuest(stubKernel([])));
    expect(r.ok ? 0 : r.errno).toBe(-ENOEXEC);
    expect(r.log.at(-1)).toMatch(/^common: Please compile with -fno-common/);
  });
});

describe('the stopwatch driver, loaded', () => {
  const build = gccModule(STOPWATCH, 'stopwatch');
  const guest = testGuest(kernelFor(build.object));
  const r = loaded(loadModule({ name: 'stopwatch', object: build.bytes, args: 'stopwatch-timeout=5 verbose stopwatch_status="on off"' }, guest));
  const mod = r.module;

  it('has the .modinfo objcopy sees, parsed', () => {
    expect(mod.modinfo.entries.map(([k, v]) => `${k}=${v}`)).toEqual(objcopyModinfo(build.object));
    expect(mod.modinfo.license).toBe('GPL');
    expect(mod.modinfo.description).toBeTruthy();
    expect(mod.modinfo.params.map((p) => p.name).sort()).toEqual(['stopwatch_status', 'stopwatch_timeout']);
    expect(mod.modinfo.params.every((p) => p.description)).toBe(true); // module_param_cb: no parmtype
  });

  it('is out of tree, as a student module is: taints the kernel once (O), GPL so not P', () => {
    expect(mod.taints).toEqual(['O']);
    expect(r.log).toContain('stopwatch: loading out-of-tree module taints kernel.');
  });

  it('finds its parameters in __param and matches insmod arguments, ignoring unknown ones as Linux does', () => {
    expect(mod.params.map((p) => p.name).sort()).toEqual(['stopwatch_status', 'stopwatch_timeout']);
    for (const p of mod.params) {
      expect(u32(guest, p.addr + KERNEL_PARAM.mod)).toBe(mod.structAddr);
      expect(cstr(guest, u32(guest, p.addr + KERNEL_PARAM.name))).toBe(p.name);
      expect(p.ops).not.toBe(0);
    }
    expect(r.params.map((a) => [a.param.name, a.value])).toEqual([['stopwatch_timeout', '5'], ['stopwatch_status', 'on off']]);
    expect(r.log).toContain("stopwatch: unknown parameter 'verbose' ignored");
  });

  it('supplies __this_module: its struct module names it and lists init, exit and parameters', () => {
    expect(cstr(guest, mod.structAddr + STRUCT_MODULE.name)).toBe('stopwatch');
    expect(mod.structAddr % STRUCT_MODULE.align).toBe(0);
    expect(u32(guest, mod.structAddr + STRUCT_MODULE.state)).toBe(MODULE_STATE.COMING);
    expect(u32(guest, mod.structAddr + STRUCT_MODULE.init)).toBe(mod.initFn);
    expect(u32(guest, mod.structAddr + STRUCT_MODULE.exit)).toBe(mod.exitFn);
    expect(u32(guest, mod.structAddr + STRUCT_MODULE.numKp)).toBe(2);
    expect(mod.initFn).toBe(mod.symbols.get('init_module'));
  });

  it('lays init sections out apart from the core, each section aligned and none overlapping', () => {
    const init = mod.sections.filter((s) => s.init).map((s) => s.name);
    expect(init).toEqual(expect.arrayContaining(['.init.text', '.init.data']));
    expect(mod.sections.filter((s) => s.name.startsWith('.init')).every((s) => s.init)).toBe(true);
    const sorted = [...mod.sections].sort((a, b) => a.addr - b.addr);
    sorted.slice(1).forEach((s, i) => expect(s.addr).toBeGreaterThanOrEqual(sorted[i].addr + sorted[i].size));
    for (const s of mod.sections) {
      const inside = s.init ? mod.init! : mod.core;
      expect(s.addr >= inside.addr && s.addr + s.size <= inside.addr + inside.size).toBe(true);
    }
  });

  it('frees its init sections once init_module has returned 0, and is live', () => {
    const before = guest.heap.allocatedBytes;
    const initSize = mod.init!.size;
    expect(completeInit(mod, 0, guest)).toEqual({ errno: 0, log: [] });
    expect(guest.heap.allocatedBytes).toBe(before - initSize);
    expect(mod.init).toBeUndefined();
    expect(mod.sections.some((s) => s.init)).toBe(false);
    expect(mod.state).toBe('LIVE');
    expect(u32(guest, mod.structAddr + STRUCT_MODULE.state)).toBe(MODULE_STATE.LIVE);
    freeInit(mod, guest.heap); // a second call does nothing
  });
});

describe('init_module returning', () => {
  const build = gccModule(STOPWATCH, 'stopwatch');
  it('an error undoes the load: every byte freed, the error returned', () => {
    const guest = testGuest(kernelFor(build.object));
    const mod = loaded(loadModule({ name: 'stopwatch', object: build.bytes }, guest)).module;
    expect(completeInit(mod, -19, guest).errno).toBe(-19);
    expect(guest.heap.allocations).toBe(0);
  });

  it('a positive value: warned about, as Linux does, and treated as success', () => {
    const guest = testGuest(kernelFor(build.object));
    const mod = loaded(loadModule({ name: 'stopwatch', object: build.bytes }, guest)).module;
    expect(completeInit(mod, 1, guest).log).toEqual(["stopwatch: 'init_module'->init suspiciously returned 1, it should follow 0/-E convention"]);
    expect(mod.state).toBe('LIVE');
  });
});

const exporter = [
  '#include <linux/module.h>',
  'int stopwatch_ticks(void) { return 42; }', 'EXPORT_SYMBOL_GPL(stopwatch_ticks);',
  'int stopwatch_rate = 1000;', 'EXPORT_SYMBOL(stopwatch_rate);',
  'MODULE_LICENSE("GPL");', ''].join('\n');
const user = (license: string): string => [
  '#include <linux/module.h>',
  'extern int stopwatch_ticks(void); extern int stopwatch_rate;',
  'int peek(void) { return stopwatch_ticks() + stopwatch_rate; }',
  `MODULE_LICENSE("${license}");`, ''].join('\n');

describe('EXPORT_SYMBOL between modules', () => {
  function withExporter(): { guest: TestGuest; exp: Module } {
    const e = gccModule(exporter, 'sw_core');
    const guest = testGuest(kernelFor(e.object));
    const exp = loaded(loadModule({ name: 'sw_core', object: e.bytes }, guest)).module;
    guest.modules.push(exp);
    return { guest, exp };
  }

  it('resolves a module\'s undefined symbols to what an earlier module exports, and keeps that module in use', () => {
    const { guest, exp } = withExporter();
    expect(exp.exports.map((e) => [e.name, e.address, e.gplOnly])).toEqual([
      ['stopwatch_rate', exp.symbols.get('stopwatch_rate'), false], ['stopwatch_ticks', exp.symbols.get('stopwatch_ticks'), true]]);
    expect(u32(guest, exp.structAddr + STRUCT_MODULE.numSyms)).toBe(1);
    expect(u32(guest, u32(guest, exp.structAddr + STRUCT_MODULE.syms))).toBe(exp.symbols.get('stopwatch_rate'));
    const u = gccModule(user('GPL'), 'sw_user');
    const mod = loaded(loadModule({ name: 'sw_user', object: u.bytes }, guest)).module;
    expect(mod.uses).toEqual(['sw_core']);
    expect(exp.refcount).toBe(1);
    expect(exp.usedBy).toEqual(['sw_user']);
    // ld, told the exporter's addresses, must produce the same code.
    const kernel = kernelFor(u.object).table;
    kernel.set('stopwatch_ticks', exp.symbols.get('stopwatch_ticks')!).set('stopwatch_rate', exp.symbols.get('stopwatch_rate')!);
    const text = mod.sections.find((s) => s.name === '.text')!;
    expect(Buffer.from(guest.memory.read(text.addr, text.size))).toEqual(Buffer.from(ldImage(u.object, mod, kernel).get('.text')!.bytes));
  });

  it('refuses a GPL-only export to a module that is not GPL', () => {
    const { guest } = withExporter();
    const u = gccModule(user('Proprietary'), 'sw_closed');
    const r = loadModule({ name: 'sw_closed', object: u.bytes }, guest);
    expect(r.log).toContain('sw_closed: Unknown symbol stopwatch_ticks (err -2)');
    expect(r.log.some((l) => l.includes('stopwatch_rate'))).toBe(false);
  });

  it('refuses a module exporting a symbol another module already exports', () => {
    const { guest } = withExporter();
    const again = gccModule(exporter, 'sw_again');
    const r = loadModule({ name: 'sw_again', object: again.bytes }, guest);
    expect(r.ok ? 0 : r.errno).toBe(-ENOEXEC);
    expect(r.log.at(-1)).toBe('sw_again: exports duplicate symbol stopwatch_rate (owned by sw_core)');
    expect(guest.heap.allocations).toBe(1);
  });
});
