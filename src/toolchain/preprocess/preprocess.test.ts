import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { preprocess, type PreprocessOptions } from './preprocess.ts';

function pp(text: string, files: Record<string, string> = {}, extra: Partial<PreprocessOptions> = {}) {
  const diags: Diagnostic[] = [];
  const opts: PreprocessOptions = { includeDirs: ['include'], defines: {}, readFile: (p) => files[p], ...extra };
  const toks = preprocess('drv/main.c', text, opts, diags);
  const errors = diags.filter((d) => d.severity === 'error').map((d) => d.message);
  const warnings = diags.filter((d) => d.severity === 'warning').map((d) => d.message);
  return { toks, diags, errors, warnings, out: toks.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ') };
}

describe('preprocess: final tokens', () => {
  it('classifies keywords, GNU spellings included, and leaves other names identifiers', () => {
    const { toks } = pp('int __inline__ typeof __attribute__ __builtin_va_arg foo __builtin_expect');
    expect(toks.map((t) => t.kind)).toEqual(['keyword', 'keyword', 'keyword', 'keyword', 'keyword', 'ident', 'ident', 'eof']);
  });

  it('types integer constants as C99 6.4.4.1 does for ILP32', () => {
    const { toks } = pp('2147483647 2147483648 0x80000000 4294967296 10u 10l 0xffffffffL 10ll 10ULL 0777 9223372036854775808');
    expect(toks.slice(0, -1).map((t) => [t.value, t.intType])).toEqual([
      [2147483647n, 'int'], [2147483648n, 'long long'], [0x80000000n, 'unsigned int'], [4294967296n, 'long long'],
      [10n, 'unsigned int'], [10n, 'long'], [0xffffffffn, 'unsigned long'], [10n, 'long long'],
      [10n, 'unsigned long long'], [511n, 'int'], [9223372036854775808n, 'unsigned long long'],
    ]);
  });

  it('refuses floating constants once each, with the kernel message', () => {
    const { errors, toks } = pp('#define HALF 0.5\nint a = 1.5e3 + HALF + HALF;');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('floating point is not available in kernel code');
    expect(toks.filter((t) => t.kind === 'number').every((t) => t.value === 0n || t.value === undefined)).toBe(true);
  });

  it('reports bad suffixes and digits', () => {
    expect(pp('1lul').errors[0]).toContain('invalid suffix');
    expect(pp('08').errors[0]).toContain('octal');
    expect(pp('0x').errors[0]).toContain('hexadecimal');
  });

  it('gives character constants int values as riscv gcc does (plain char unsigned)', () => {
    const { toks, warnings } = pp(`'a' '\\n' '\\xff' '\\377' 'ab' '\\0' '\\x41' '\\'' L'\\xff'`);
    expect(toks.slice(0, -1).map((t) => t.value)).toEqual([97n, 10n, 255n, 255n, 24930n, 0n, 65n, 39n, 255n]);
    expect(toks.every((t) => t.kind === 'eof' || t.intType === 'int')).toBe(true);
    expect(warnings).toEqual(['multi-character character constant']);
  });

  it('gives strings their bytes with a NUL, UTF-8 for non-ASCII text', () => {
    const { toks } = pp('"a\\tb" "\\x41\\101\\0" "é€😀" u8"x" "\\u00e9"');
    const bytes = toks.slice(0, -1).map((t) => Array.from(t.bytes ?? []));
    expect(bytes).toEqual([
      [97, 9, 98, 0], [65, 65, 0, 0], [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0], [120, 0], [0xc3, 0xa9, 0],
    ]);
  });

  it('refuses wide strings with a clear message', () => {
    expect(pp('L"wide"').errors[0]).toContain('wide string literals are not supported');
  });

  it('keeps adjacent strings separate for the parser', () => {
    expect(pp('"a" "b"').toks.map((t) => t.kind)).toEqual(['string', 'string', 'eof']);
  });

  it('reports a stray character once, where it reaches the program', () => {
    const r = pp('#define S(x) #x\nS(@) int @;');
    expect(r.errors).toHaveLength(1);
    expect(r.out).toBe('"@" int ;');
  });
});

describe('preprocess: locations', () => {
  it('keeps the spelling location and records where a macro was used', () => {
    const { toks } = pp('#define REG(x) ((x) + 0x10)\n\nint v = REG(base);');
    const hex = toks.find((t) => t.text === '0x10');
    const base = toks.find((t) => t.text === 'base');
    expect(hex?.loc).toMatchObject({ line: 1, col: 23 });
    expect(hex?.expandedFrom).toMatchObject({ line: 3, col: 9 });
    expect(base?.loc).toMatchObject({ line: 3, col: 13 });
  });

  it('points nested expansions at the outermost use', () => {
    const { toks } = pp('#define A B\n#define B 42\nx = A;');
    expect(toks[2]).toMatchObject({ text: '42', loc: { line: 2 }, expandedFrom: { line: 3, col: 5 } });
  });

  it('reports a diagnostic inside a macro at its spelling, with a note at the use', () => {
    const { diags } = pp('#define F 1.0\nint x = F;');
    expect(diags[0].loc.line).toBe(1);
    expect(diags[0].notes?.[0].loc).toMatchObject({ line: 2, col: 9 });
  });

  it('names included files by the path they were found at', () => {
    const { toks } = pp('#include "regs.h"\n#include <linux/io.h>', { 'drv/regs.h': 'r', 'include/linux/io.h': 'io' });
    expect(toks.slice(0, 2).map((t) => t.loc.file)).toEqual(['drv/regs.h', 'include/linux/io.h']);
  });
});

describe('preprocess: directives', () => {
  it('searches "…" beside the including file first, then -I; <…> only -I, then the built-in headers', () => {
    const files = { 'drv/a.h': 'local', 'include/a.h': 'system', 'include/stdint.h': 'mine' };
    expect(pp('#include "a.h"', files).out).toBe('local');
    expect(pp('#include <a.h>', files).out).toBe('system');
    expect(pp('#include <stdint.h>', files).out).toBe('mine');
    expect(pp('#include <stdbool.h>\nbool t = true;').out).toBe('_Bool t = 1 ;');
  });

  it('says which header is missing and how to fix it', () => {
    const { errors, diags } = pp('\n#include "nope.h"\nint x;');
    expect(errors[0]).toMatch(/cannot find 'nope.h'.*-I DIR/);
    expect(diags[0].loc).toMatchObject({ line: 2, col: 10 });
  });

  it('explains that C library headers do not exist in kernel code', () => {
    expect(pp('#include <stdio.h>').errors[0]).toContain('kernel code has no C library: print with printk()');
    expect(pp('#include <stdio.h>', { 'include/stdio.h': 'ok' }).out).toBe('ok');
  });

  it('stops an include cycle at 200 levels with one diagnostic', () => {
    const { errors } = pp('#include "loop.h"', { 'drv/loop.h': '#include "loop.h"\nx' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('nested more than 200 levels');
  });

  it('includes a #pragma once or guarded header once', () => {
    const files = { 'drv/o.h': '#pragma once\nonce', 'drv/g.h': '#ifndef G\n#define G\nguard\n#endif\n' };
    expect(pp('#include "o.h"\n#include "o.h"\n#include "g.h"\n#include "./g.h"', files).out).toBe('once guard');
  });

  it('turns #error into an error with its text and #warning into a warning', () => {
    const r = pp('#if 1\n#error no  "support" here\n#endif\n#warning careful\nx');
    expect(r.errors).toEqual(['#error no "support" here']);
    expect(r.warnings).toEqual(['#warning careful']);
    expect(r.out).toBe('x');
  });

  it('does not evaluate or report anything in skipped groups', () => {
    const r = pp("#if 0\n#error hidden\n#bogus\nit's @ fine\n#if 1/0\n#endif\n#elif 0\n#endif\n#ifdef X\n#else\nok\n#endif\n#if 1\n#elif 1/0\n#endif");
    expect(r.diags).toEqual([]);
    expect(r.out).toBe('ok');
  });

  it('reports conditional structure mistakes', () => {
    expect(pp('#endif').errors[0]).toContain('#endif without #if');
    expect(pp('#else').errors[0]).toContain('#else without #if');
    expect(pp('#if 1\n#else\n#else\n#endif').errors[0]).toContain('#else after #else');
    expect(pp('#if 1\n#else\n#elif 1\n#endif').errors[0]).toContain('#elif after #else');
    expect(pp('#ifdef A\nx').errors[0]).toContain('without a matching #endif');
    expect(pp('#ifdef\n#endif').errors[0]).toContain('needs a macro name');
    expect(pp('#if 1 2\n#endif').errors[0]).toContain('missing binary operator');
    expect(pp('#if\n#endif').errors[0]).toContain('no expression');
    expect(pp('#if (1\n#endif').errors[0]).toContain("missing ')'");
    expect(pp('#if 1 +\n#endif').errors[0]).toContain('operand is missing');
    expect(pp('#if 1.0\n#endif').errors[0]).toContain('floating constant');
    expect(pp('#if "s"\n#endif').errors[0]).toContain('cannot be used in an #if');
  });

  it('diagnoses division by zero in #if only where it is evaluated', () => {
    expect(pp('#if 1 / 0\n#endif').errors[0]).toContain('division by zero');
    expect(pp('#if 1 % (2 - 2)\n#endif').errors[0]).toContain('division by zero');
    expect(pp('#if 0 && 1 / 0\n#elif 1 || 1 % 0\nok\n#endif\n#if 1 ? 2 : 1/0\nok2\n#endif').diags).toEqual([]);
  });

  it('keeps #if groups of a header inside that header', () => {
    const r = pp('#if 1\n#include "h.h"\n#endif', { 'drv/h.h': '#endif\n' });
    expect(r.errors).toEqual(['#endif without #if']);
  });

  it('reports macro definition mistakes', () => {
    expect(pp('#define 3 x').errors[0]).toContain('macro names must be identifiers');
    expect(pp('#define defined 1').errors[0]).toContain("'defined' cannot be used");
    expect(pp('#define f(a, a) a').errors[0]).toContain('duplicate macro parameter');
    expect(pp('#define f(a b) a').errors[0]).toContain("expected ',' or ')'");
    expect(pp('#define f(a) #b').errors[0]).toContain("'#' is not followed by a macro parameter");
    expect(pp('#define f(a) ## a').errors[0]).toContain("'##' cannot appear at either end");
    expect(pp('#define A 1\n#define A 2').warnings[0]).toContain("'A' redefined");
    expect(pp('#define A 1\n#define A  1 ').warnings).toEqual([]);
  });

  it('reports calls with the wrong number of arguments, or no closing parenthesis', () => {
    expect(pp('#define f(a, b) a\nf(1)').errors[0]).toBe("macro 'f' takes 2 arguments, but 1 was given");
    expect(pp('#define f(a) a\nf(1, 2)').errors[0]).toBe("macro 'f' takes 1 argument, but 2 were given");
    expect(pp('#define f(a, ...) a\nf()').out).toBe('');
    expect(pp('#define f(a, b, ...) a\nf(1)').errors[0]).toContain('at least 2');
    expect(pp('#define f(a) a\nf(1, (2)').errors[0]).toContain("unterminated call of macro 'f'");
    expect(pp('#define f() x\nf(1)').errors[0]).toContain('takes 0 arguments');
  });

  it('reports a bad paste, as gcc does, and keeps both tokens', () => {
    const r = pp('#define cat(a, b) a ## b\ncat(+, -) cat(x, +)');
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toContain('pasting "+" and "-" does not give a valid preprocessing token');
    expect(r.out).toBe('+ - x +');
  });

  it('accepts -D definitions, with and without values', () => {
    expect(pp('DEBUG LEVEL F(2)', {}, { defines: { DEBUG: '1', LEVEL: '3 + 4', 'F(x)': '(x*x)' } }).out).toBe('1 3 + 4 ( 2 * 2 )');
  });

  it('expands the built-in macros', () => {
    const r = pp('#define L __LINE__\n__FILE__ __LINE__\nL __COUNTER__ __COUNTER__ __STDC_VERSION__ __riscv_xlen __GNUC__ __DATE__');
    expect(r.out).toBe('"drv/main.c" 2 3 0 1 199901L 32 4 "Jan  1 1970"');
  });

  it('handles _Pragma and ignores unknown pragmas', () => {
    const files = { 'drv/p.h': '_Pragma("once") p' };
    expect(pp('#pragma GCC diagnostic push\n#include "p.h"\n#include "p.h"', files)).toMatchObject({ out: 'p', diags: [] });
  });

  it('rejects unknown directives with a suggestion', () => {
    expect(pp('#inclde "x.h"').errors[0]).toBe('invalid preprocessing directive #inclde: did you mean #include?');
    expect(pp('#frobnicate').errors[0]).toContain('expected #include, #define');
  });

  it('warns about signed overflow in #if where it is evaluated, and wraps like gcc', () => {
    const r = pp('#if 0x7fffffffffffffff + 1 < 0 && !(0 && 0x7fffffffffffffff * 2)\nwrapped\n#endif');
    expect(r.warnings).toEqual(['integer overflow in the #if expression: the result wraps around']);
    expect(r.out).toBe('wrapped');
  });

  it('accepts #line but says it is ignored', () => {
    expect(pp('#line 100 "x.c"\n__LINE__').warnings[0]).toContain('#line is accepted but ignored');
  });

  it("hints at '==' for '=' in #if", () => {
    expect(pp('#if X = 1\n#endif').errors[0]).toContain("did you mean '=='");
  });

  it('answers 0 to feature tests, so code takes its portable path', () => {
    expect(pp('#if __has_attribute(__fallthrough__) || __has_builtin(__builtin_foo(x))\na\n#elif defined(__has_attribute)\nb\n#endif').out).toBe('b');
    expect(pp('#if __has_attribute\n#endif').errors[0]).toContain('needs an operand');
  });

  it('points argument-count errors at the call, with a note at the definition', () => {
    const { diags } = pp('#define f(a) a\n\nf(1, 2)');
    expect(diags[0]).toMatchObject({ loc: { line: 3, col: 1 }, notes: [{ loc: { line: 1, col: 9 } }] });
  });

  it('evaluates __has_include', () => {
    expect(pp('#if __has_include(<stdint.h>) && !__has_include("none.h")\nyes\n#endif').out).toBe('yes');
    expect(pp('__has_include(<x.h>)').errors[0]).toContain('only be used in #if');
  });

  it('stops an exponential expansion with a diagnostic instead of hanging', () => {
    const defs = Array.from({ length: 30 }, (_, i) => `#define m${i} m${i + 1} m${i + 1}`).join('\n');
    const r = pp(`${defs}\nm0`);
    expect(r.errors.some((e) => e.includes('too many macro expansions') || e.includes('too large'))).toBe(true);
  });
});

describe('preprocess: limits instead of crashes', () => {
  const cases: [string, string, string][] = [
    ['parentheses in #if', '#if ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '\n#endif', 'nested more than 1000 levels'],
    ['unary operators in #if', '#if ' + '- '.repeat(5000) + '1\n#endif', 'nested more than 1000 levels'],
    ['?: in #if', '#if ' + '1 ? '.repeat(5000) + '1' + ' : 0'.repeat(5000) + '\n#endif', 'nested more than 1000 levels'],
    ['macro calls in arguments', '#define f(x) x\n' + 'f('.repeat(300) + '1' + ')'.repeat(300), 'nested more than 100 levels'],
    ['a chain of macros', Array.from({ length: 1500 }, (_, i) => `#define m${i} m${i + 1}`).join('\n') + '\nm0', 'more than 1000 other macro expansions'],
  ];
  for (const [what, text, message] of cases) {
    it(`reports too deep ${what}`, () => {
      const { errors } = pp(text);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(message);
    });
  }
});
