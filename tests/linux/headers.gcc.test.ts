// The guest's Linux-API headers and the drivers written against them, checked
// with Debian's riscv64-unknown-elf-gcc as the oracle: every driver builds as a
// Kbuild module would (-Wall -Werror, freestanding), is a loadable module
// (init_module/cleanup_module aliases, .modinfo, __param), and needs from the
// kernel only what KERNEL_SYMBOLS.md lists; the compile-time checks the
// headers promise (BUILD_BUG_ON, copy_to_user sizes, container_of...) stop a
// wrong build as Linux's do.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModule, modinfo, sectionNames, symbols, undefinedSymbols, type GccResult } from './gcc-module.ts';
import { REPO, SYMBOLS_MD, allHeaders, declaredKernelSymbols, parseKernelSymbolsMd, renderKernelSymbolsMd } from './kernel-symbols.ts';

interface Driver {
  modname: string;
  file: string;
  /** Parameters expected under /sys/module/<modname>/parameters/. */
  params?: string[];
}

const DRIVERS: Driver[] = [
  { modname: 'stopwatch', file: 'src/guest/drivers/stopwatch/stopwatch.c', params: ['stopwatch_status', 'stopwatch_timeout'] },
  { modname: 'stopwatch_misc', file: 'src/guest/drivers/stopwatch-misc/stopwatch_misc.c' },
  { modname: 'misc_copy', file: 'tests/linux/idioms/misc_copy.c' },
  { modname: 'timer_work', file: 'tests/linux/idioms/timer_work.c' },
  { modname: 'list_entries', file: 'tests/linux/idioms/list_entries.c' },
  { modname: 'platform_sysfs', file: 'tests/linux/idioms/platform_sysfs.c' },
];

/** The module's entry point must be an alias of a function of its own. */
function expectAliasOfLocalFunction(object: string, entry: string): void {
  const syms = symbols(object);
  const alias = syms.find((s) => s.name === entry);
  expect(alias, `${entry} is not defined`).toMatchObject({ type: 'FUNC', bind: 'GLOBAL' });
  const target = syms.find((s) => s.name !== entry && s.type === 'FUNC' && s.value === alias!.value && s.section === alias!.section);
  expect(target, `${entry} is not an alias of a function of the module`).toBeDefined();
}

describe('guest drivers built as Kbuild modules by gcc', () => {
  const kernelSymbols = parseKernelSymbolsMd(readFileSync(SYMBOLS_MD, 'utf8'));

  for (const d of DRIVERS) {
    describe(d.modname, () => {
      let build: GccResult;
      beforeAll(() => {
        build = compileModule(join(REPO, d.file), d.modname);
      });

      it('compiles with -Wall -Werror and not a single warning', () => {
        expect(build.output).toBe('');
        expect(build.status).toBe(0);
      });

      it('defines init_module and cleanup_module as aliases of its own functions', () => {
        expectAliasOfLocalFunction(build.object, 'init_module');
        expectAliasOfLocalFunction(build.object, 'cleanup_module');
      });

      it('carries its license and description in .modinfo', () => {
        const info = modinfo(build.object);
        expect(info).toContain('license=GPL');
        expect(info.some((s) => s.startsWith('description='))).toBe(true);
      });

      it('needs from the kernel only symbols KERNEL_SYMBOLS.md lists', () => {
        const missing = undefinedSymbols(build.object).filter((s) => !kernelSymbols.has(s));
        expect(missing).toEqual([]);
      });

      if (d.params) {
        it('puts each module parameter in the __param section', () => {
          const inParam = symbols(build.object).filter((s) => s.name.startsWith('__param_') && !s.name.startsWith('__param_str_'));
          const params = inParam.map((s) => s.name.slice('__param_'.length)).sort();
          expect(params).toEqual(d.params);
          const names = sectionNames(build.object);
          expect(new Set(inParam.map((s) => names.get(s.section)))).toEqual(new Set(['__param']));
          expect(modinfo(build.object).filter((s) => s.startsWith('parm=')).length).toBe(d.params!.length);
        });
      }
    });
  }
});

describe('the headers', () => {
  it('each compile on their own, warning-free', () => {
    // asm/bitops.h refuses direct inclusion, as Linux's does.
    const failures: string[] = [];
    for (const h of allHeaders().filter((h) => h !== 'asm/bitops.h' && h.endsWith('.h'))) {
      const r = compileModule('-', 'one_header', `#include <${h}>\n`, true);
      if (r.output !== '' || r.status !== 0) failures.push(`${h}:\n${r.output}`);
    }
    expect(failures).toEqual([]);
  });

  it('declare exactly the kernel symbols KERNEL_SYMBOLS.md lists (regenerate: npx tsx tests/linux/kernel-symbols.ts)', () => {
    expect(readFileSync(SYMBOLS_MD, 'utf8')).toBe(renderKernelSymbolsMd(declaredKernelSymbols()));
  });
});

/** A module body wrapped with the includes most drivers use. */
function moduleSource(body: string): string {
  return ['#include <linux/module.h>', '#include <linux/kernel.h>', '#include <linux/spinlock.h>',
    '#include <linux/uaccess.h>', '#include <linux/bits.h>', body, 'MODULE_LICENSE("GPL");', ''].join('\n');
}

describe('EXPORT_SYMBOL', () => {
  it('emits the name in __ksymtab_strings and a kernel_symbol in ___ksymtab_gpl+<name>', () => {
    const r = compileModule('-', 'exporter', moduleSource('int stopwatch_ticks(void) { return 42; }\nEXPORT_SYMBOL_GPL(stopwatch_ticks);'));
    expect(r.output).toBe('');
    const names = [...sectionNames(r.object).values()];
    expect(names).toContain('___ksymtab_gpl+stopwatch_ticks');
    expect(names).toContain('__ksymtab_strings');
    const strings = execFileSync('riscv64-unknown-elf-readelf', ['-p', '__ksymtab_strings', r.object], { encoding: 'utf8' });
    expect(strings).toMatch(/\]\s+stopwatch_ticks\n/);
    expect(symbols(r.object).find((s) => s.name === '__ksymtab_stopwatch_ticks')).toMatchObject({ type: 'OBJECT' });
  });
});

describe('compile-time checks stop a wrong build, as in Linux', () => {
  const cases: { what: string; body: string; message: RegExp }[] = [
    { what: 'BUILD_BUG_ON with a true condition', message: /BUILD_BUG_ON failed: sizeof\(int\) != 8/,
      body: 'int f(void) { BUILD_BUG_ON(sizeof(int) != 8); return 0; }' },
    { what: 'copy_to_user reading past a kernel buffer', message: /copy source size is too small/,
      body: 'char buf[8]; unsigned long f(void __user *u) { return copy_to_user(u, buf, 16); }' },
    { what: 'container_of on a member of another type', message: /pointer type mismatch in container_of\(\)/,
      body: 'struct s { int a; long b; }; struct s *f(int *p) { return container_of(p, struct s, b); }' },
    { what: 'GENMASK with its bounds swapped', message: /negative width in bit-field/,
      body: 'unsigned long f(void) { return GENMASK(0, 3); }' },
    { what: 'min() of a signed and an unsigned value', message: /comparison of distinct pointer types/,
      body: 'int f(int a, unsigned int b) { return min(a, b); }' },
    { what: 'spin_lock_irqsave with an int for the flags', message: /comparison of distinct pointer types/,
      body: 'DEFINE_SPINLOCK(l); void f(void) { int flags; spin_lock_irqsave(&l, flags); spin_unlock_irqrestore(&l, flags); }' },
    { what: 'module_param naming a variable of another type', message: /incompatible|return from incompatible pointer type/,
      body: 'static long n; module_param(n, int, 0444);' },
    { what: 'a world-writable module parameter', message: /negative width in bit-field/,
      body: 'static int n; module_param(n, int, 0666);' },
  ];
  for (const c of cases) {
    it(`rejects ${c.what}`, () => {
      const r = compileModule('-', 'bad', moduleSource(c.body));
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(c.message);
    });
  }

  it('keeps GENMASK, min and __is_constexpr integer constant expressions', () => {
    // As in Linux 6.1, min() is a constant expression only inside a function:
    // its statement-expression branch is not allowed at file scope.
    const r = compileModule('-', 'consts', moduleSource([
      'static int table[GENMASK(3, 0) + 1];',
      '_Static_assert(sizeof(table) == 16 * sizeof(int), "GENMASK(3, 0) is 15");',
      'int f(int x) {',
      '  _Static_assert(min(2, 3) == 2 && max_t(long, -1, 4) == 4, "min/max fold");',
      '  _Static_assert(__is_constexpr(3), "3 is constant");',
      '  return __is_constexpr(x) + table[x];',
      '}',
    ].join('\n')));
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});
