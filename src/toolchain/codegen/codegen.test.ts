// The assembly text contract: a line-table directive for every statement, symbols
// and sections as gcc lays them out, and header-only inline functions left out.
// (Behaviour is checked against gcc on QEMU by tests/cc/corpus/cg-*.c.)
import { describe, it, expect } from 'vitest';
import { compileC, formatAll } from '../cc-test-util.ts';

function asmOf(src: string, files: Record<string, string> = {}): string {
  const r = compileC(src, 'drv.c', files);
  if (r.asm === undefined) throw new Error(formatAll(r, src));
  return r.asm;
}

describe('line table directives', () => {
  it('emits .loc before the code of every statement line', () => {
    const src = 'int f(int a)\n{\n\tint b = a * 2;\n\tif (b > 3)\n\t\tb--;\n\treturn b;\n}\n';
    const asm = asmOf(src);
    expect(asm).toMatch(/^\t\.file 1 "drv\.c"$/m);
    const lines = [...asm.matchAll(/^\t\.loc 1 (\d+) \d+$/gm)].map((m) => Number(m[1]));
    for (const l of [3, 4, 5, 6]) expect(lines).toContain(l);
  });

  it('names included files for code that comes from headers', () => {
    const asm = asmOf('#include "io.h"\nint g(int *p) { return get(p); }\n', { 'io.h': 'static inline int get(int *p)\n{\n\treturn *p;\n}\n' });
    expect(asm).toMatch(/^\t\.file 2 "io\.h"$/m);
    expect(asm).toMatch(/^\t\.loc 2 3 \d+$/m);
  });
});

describe('symbols and sections', () => {
  it('exports non-static definitions and keeps static ones local, small ones in gcc\'s small-data sections', () => {
    const asm = asmOf('int shared = 3; static int hidden; const int ro = 5; int big[4] = {1}; int api(void) { return hidden + ro; } static int helper(void) { return 1; } int use(void) { return helper(); }');
    expect(asm).toMatch(/\.globl shared\n\t\.section \.sdata,"aw"/);
    expect(asm).toMatch(/\.globl ro\n\t\.section \.srodata,"a"/);
    expect(asm).toMatch(/\.globl big\n\t\.data/);
    expect(asm).toMatch(/\.sbss,"aw",@nobits\n\t\.balign 4\n\t\.type hidden, @object/);
    expect(asm).not.toMatch(/\.globl hidden/);
    expect(asm).toMatch(/\.globl api\n/);
    expect(asm).not.toMatch(/\.globl helper/);
    expect(asm).toMatch(/^helper:$/m);
  });

  it('leaves out static inline functions nobody calls, as gcc does', () => {
    const asm = asmOf('static inline int unused_inline(int x) { return x; } static inline int used_inline(int x) { return x + 1; } int f(void) { return used_inline(1); }');
    expect(asm).not.toMatch(/unused_inline/);
    expect(asm).toMatch(/^used_inline:$/m);
  });

  it('honours __attribute__((section)) and writes relocations for addresses in data', () => {
    const asm = asmOf('static int target[4]; int *p = &target[2]; const char *name __attribute__((section(".modinfo"))) = "x";');
    expect(asm).toMatch(/\.word target\+8/);
    expect(asm).toMatch(/\.section \.modinfo/);
  });
});

describe('header inlines', () => {
  it('drops an unused inline and everything only it uses, keeps what used code needs', () => {
    const asm = asmOf(`static inline int leaf(int x) { return x * 3; }
      static inline int only_from_unused(int x) { return leaf(x) + 1; }
      static inline int unused_top(int x) { return only_from_unused(x) + sizeof("unused string"); }
      static inline int used(int x) { return leaf(x); }
      int api(int x) { return used(x); }`);
    expect(asm).not.toMatch(/unused_top|only_from_unused|unused string/);
    expect(asm).toMatch(/^used:$/m);
    expect(asm).toMatch(/^leaf:$/m);
  });
});

describe('line table and macros', () => {
  it('attributes statements written by a macro to the line that used it', () => {
    const asm = asmOf('#include "m.h"\nint x;\nvoid f(void)\n{\n\tSET_TWICE(x);\n}\n', { 'm.h': '#define SET_TWICE(v) do { (v) = 1; (v) = 2; } while (0)\n' });
    const locs = [...asm.matchAll(/^\t\.loc (\d+) (\d+) \d+$/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(locs).toContain('1:5');
    expect(locs.filter((l) => !l.startsWith('1:'))).toEqual([]);
  });
});

describe('device register access', () => {
  it('reads a 64-bit volatile register low word first, as gcc does', () => {
    const asm = asmOf('unsigned long long rd(volatile unsigned long long *r) { return *r; }');
    const body = asm.slice(asm.indexOf('rd:'));
    const loads = [...body.matchAll(/lw \w+, (\d)\(a0\)/g)].map((m) => Number(m[1]));
    expect(loads).toEqual([0, 4]);
  });
});
