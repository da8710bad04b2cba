// Modules built by the playground's own compiler (kernel-C, compile() with
// output 'object') load like gcc's: the same differential check against GNU ld.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../toolchain/compile.ts';
import { writeRelocatable } from '../../toolchain/obj/elf-object.ts';
import { readElf } from '../../toolchain/obj/elf.ts';
import { loadModule } from './load.ts';
import { layoutSections } from './layout.ts';
import { kernelFor, ldImage, testGuest, WORK } from '../../../tests/linux/module-loader.ts';

const SOURCE = `
extern int printk(const char *fmt, ...);
static int count = 3;
static const char *names[] = { "zero", "one", "two" };
int ticks[4];
static int sum(int n) { int s = 0; for (int i = 0; i < n; i++) s += ticks[i % 4] + i; return s; }
int init_module(void) { printk("loaded %s %d\\n", names[count % 3], sum(count)); return 0; }
void cleanup_module(void) { printk("bye\\n"); }
`;

describe('a kernel-C module', () => {
  it('loads, with every section as GNU ld links it at the same addresses', () => {
    const r = compile({ file: 'hello.c', source: SOURCE }, { output: 'object' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const object = join(WORK, 'kernelc-hello.o');
    writeFileSync(object, r.objectBytes!);
    const kernel = kernelFor(object);
    const guest = testGuest(kernel);
    const res = loadModule({ name: 'hello', object: r.objectBytes! }, guest);
    if (!res.ok) throw new Error(res.log.join('\n'));
    expect(res.module.initFn).toBe(res.module.symbols.get('init_module'));
    expect(res.module.exitFn).toBe(res.module.symbols.get('cleanup_module'));
    const ld = ldImage(object, res.module, kernel.table);
    const loaded = res.module.sections.filter((s) => s.size > 0);
    expect(loaded.length).toBeGreaterThan(1);
    for (const s of loaded) {
      expect(Buffer.from(guest.memory.read(s.addr, s.size)).toString('hex'), s.name).toBe(Buffer.from(ld.get(s.name)!.bytes).toString('hex'));
    }
  });

  it('carries DWARF line information that takes no module memory', () => {
    const r = compile({ file: 'hello.c', source: SOURCE }, { output: 'object' });
    const withDebug = readElf(r.objectBytes!).sections;
    expect(withDebug.map((s) => s.name)).toEqual(expect.arrayContaining(['.debug_info', '.debug_line', '.rela.debug_line']));
    const without = readElf(writeRelocatable({ ...r.object!, lines: [] })).sections;
    expect(without.some((s) => s.name.startsWith('.debug'))).toBe(false);
    const a = layoutSections(withDebug), b = layoutSections(without);
    expect([a.coreSize, a.initSize]).toEqual([b.coreSize, b.initSize]);
    expect([...a.placed.keys()].map((i) => withDebug[i].name)).toEqual([...b.placed.keys()].map((i) => without[i].name));
    const object = join(WORK, 'kernelc-hello-debug.o');
    writeFileSync(object, r.objectBytes!);
    const res = loadModule({ name: 'hello', object: r.objectBytes! }, testGuest(kernelFor(object)));
    expect(res.ok && res.module.sections.filter((s) => s.name.startsWith('.debug'))).toEqual([]);
  });
});
