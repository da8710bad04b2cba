// Differential tests: our preprocessor against riscv64-unknown-elf-gcc -E -P on a
// corpus of tricky macro files; the token sequences (spellings) must be identical.
// gcc runs with -std=gnu99, the dialect we implement, so its own freestanding headers
// must give exactly the tokens of our built-in ones.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { preprocess } from './preprocess.ts';
import { Preprocessor } from './directives.ts';
import { lex } from './tokenize.ts';
import { KERNEL_C_TARGET } from '../../../tests/support/oracles.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
const GCC = ['-E', '-P', '-std=gnu99', ...KERNEL_C_TARGET, '-ffreestanding', '-I', 'inc', '-I', 'inc2'];

function readCorpus(path: string): string | undefined {
  try {
    return readFileSync(join(CORPUS, path), 'utf8');
  } catch {
    return undefined;
  }
}

function gccTokens(file: string): string {
  const out = execFileSync('riscv64-unknown-elf-gcc', [...GCC, file], { cwd: CORPUS, encoding: 'utf8' });
  return lex('gcc-output', out, []).filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ');
}

function ourTokens(file: string): { text: string; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const opts = { includeDirs: ['inc', 'inc2'], defines: {}, readFile: readCorpus };
  const toks = new Preprocessor(opts, diags).run(file, readCorpus(file) ?? '');
  return { text: toks.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' '), diags };
}

describe('preprocess agrees with gcc -E', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.c'));
  it('has a corpus', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(file, () => {
      const ours = ourTokens(file);
      expect(ours.diags.filter((d) => d.severity === 'error')).toEqual([]);
      expect(ours.text).toBe(gccTokens(file));
    });
  }
});

/** Runs gcc on C text; true when it compiles without error. */
function gccAccepts(text: string, args: string[]): { ok: boolean; stderr: string } {
  try {
    execFileSync('riscv64-unknown-elf-gcc', [...KERNEL_C_TARGET, '-ffreestanding', ...args, '-x', 'c', '-'], {
      input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { ok: true, stderr: '' };
  } catch (e) {
    return { ok: false, stderr: String((e as { stderr?: string }).stderr ?? e) };
  }
}

const CONSTANTS = [
  '0', '1', '2147483647', '2147483648', '4294967295', '4294967296', '9223372036854775807', '0x7fffffff', '0x80000000',
  '0xffffffff', '0x100000000', '0x7fffffffffffffff', '0x8000000000000000', '0xffffffffffffffff', '017777777777', '020000000000',
  '10u', '10U', '4294967296u', '10l', '10L', '2147483648L', '0x80000000l', '0x100000000L', '10ul', '10LU', '10uL',
  '4294967296UL', '10ll', '10LL', '0xffffffffffffffffLL', '10ull', '10LLU', '10uLL', '0b1010', '0B11111111111111111111111111111111',
  "'a'", "'\\n'", "'\\0'", "'\\377'", "'\\xff'", "'\\x7f'", "'ab'", "'abcd'", "'\\377\\377\\377\\377'", "'\\''", "'\"'",
  "'\\\\'", "'\\e'", "'\\a'", "'\\v'", "'\\?'", "L'a'", "L'\\xff'", "'\\1'", "'\\12'", "'\\123'", "'\\x80\\x01'",
];

describe('constants have the value and type gcc gives them', () => {
  it('integer and character constants', () => {
    const diags: Diagnostic[] = [];
    const toks = preprocess('c.c', CONSTANTS.join('\n'), { includeDirs: [], defines: {}, readFile: () => undefined }, diags);
    const asserts = toks.filter((t) => t.kind !== 'eof').map((t) => {
      const hex = `0x${BigInt.asUintN(64, t.value ?? 0n).toString(16)}ULL`;
      const type = t.intType ?? 'void';
      return `_Static_assert(__builtin_types_compatible_p(__typeof__(${t.text}), ${type}) && (${t.text}) == (${type})${hex}, "${t.text.replace(/[\\"]/g, '\\$&')} is ${type} ${t.value}");`;
    });
    expect(asserts).toHaveLength(CONSTANTS.length);
    const r = gccAccepts(asserts.join('\n'), ['-fsyntax-only', '-w']);
    expect(r.stderr).toBe('');
    expect(r.ok).toBe(true);
  });
});

const REJECTED = [
  '#error stop here', '#if 1/0\n#endif', '#if 1 % 0\n#endif', '#endif', '#if 1\nx', '#ifdef A\n#else\n', '#define f(x,x) x',
  '#define f(x) #y', '#define 3', '#define f(a) a\nf(1,2)', '#define f(a,b) a\nf(1)', '#define f(a) a\nf(1',
  '#include "nonexistent.h"', '#include <nonexistent.h>', '#include', '#include nothing', '#if 1 +\n#endif', '#if (1\n#endif',
  '#if 1 2\n#endif', '#if\n#endif', '#define cat(a,b) a##b\ncat(+,-)', '#else', '#elif 1', '#if 1\n#else\n#else\n#endif',
  '#if 0\n#else\n#elif 1\n#endif', '#foo', '/* unterminated', '#define defined', '#ifdef\n#endif', '#if 1.0\n#endif',
  '#undef', '#define f(a) ## a', '#define f(a) a ##', '#if defined\n#endif', '#if defined(X\n#endif', '#if "s"\n#endif',
  '#define f(...) x\n#define g(a...) x\nf() g() \n#define h(a b) x', '#if 1 ? 2\n#endif', '_Pragma(1)', '#define f(',
];

const ACCEPTED = [
  '#if 0\n#error no\n#endif', "#if 0\nit's skipped\n#endif", '#if 0 && 1/0\n#endif', '#if 1 || 1/0\n#endif',
  '#if 1 ? 1 : 1/0\n#endif', '#define A 1\n#define A 1', '#define f(a, ...) a\nf(1)', '#pragma whatever we like',
  '#\n# \n', '#define EMPTY\n#if EMPTY 1 EMPTY\n#endif', '#if 0\n#bogus\n#endif', '#define f(a) a\nf()', '#define f() 1\nf()',
  '#if UNDEFINED_NAME\n#endif', '#ident "x"', '#line 10', '_Pragma("GCC diagnostic push")', '#define s(x) #x\ns(@)',
  '#if 0x7fffffffffffffff + 0\n#endif', '#undef NOT_DEFINED',
];

describe('rejects exactly what gcc -E rejects', () => {
  const ours = (text: string): string[] => {
    const diags: Diagnostic[] = [];
    new Preprocessor({ includeDirs: [], defines: {}, readFile: () => undefined }, diags).run('t.c', text);
    return diags.filter((d) => d.severity === 'error').map((d) => d.message);
  };
  for (const text of REJECTED) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(gccAccepts(text, ['-E', '-o', '/dev/null']).ok).toBe(false);
      expect(ours(text).length).toBeGreaterThan(0);
    });
  }
  for (const text of ACCEPTED) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      expect(gccAccepts(text, ['-E', '-o', '/dev/null']).ok).toBe(true);
      expect(ours(text)).toEqual([]);
    });
  }
});

const STRINGS = [
  '"a\\tb\\x41\\101\\0z"', '"\\u00e9é€😀"', '""', '"\\0\\0"', 'u8"x\\e\\"\\\\"', '"\\a\\b\\f\\n\\r\\v\\?\\\'"', '"\\1\\12\\123\\1234"',
  '"\\x7f\\x80\\xff"', '"tab\there"', '"\\U0001F600"', '"%d\\n"',
];

/** The bytes gcc puts in .data for `const char sN[] = …;`, read back from its assembly. */
function gccStringBytes(asm: string, label: string): number[] {
  const bytes: number[] = [];
  const start = asm.indexOf(`\n${label}:\n`);
  for (const line of asm.slice(start + label.length + 3).split('\n')) {
    const m = /^\s+\.(string|ascii|zero)\s+(.*)$/.exec(line);
    if (!m) break;
    if (m[1] === 'zero') bytes.push(...new Array<number>(Number(m[2])).fill(0));
    else bytes.push(...gasString(m[2].slice(1, -1)), ...(m[1] === 'string' ? [0] : []));
  }
  return bytes;
}

function gasString(body: string): number[] {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, b: 8, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') out.push(body.charCodeAt(i));
    else if (/[0-7]/.test(body[i + 1])) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? '0';
      out.push(parseInt(oct, 8));
      i += oct.length;
    } else out.push(simple[body[++i]] ?? body.charCodeAt(i));
  }
  return out;
}

describe('string literals have the bytes gcc gives them', () => {
  it('escapes, UTF-8 and universal character names', () => {
    const text = STRINGS.map((s, i) => `const char s${i}[] = ${s};`).join('\n');
    const asm = execFileSync('riscv64-unknown-elf-gcc', [...KERNEL_C_TARGET, '-S', '-o', '-', '-x', 'c', '-'], { input: text, encoding: 'utf8' });
    const diags: Diagnostic[] = [];
    const toks = preprocess('s.c', text, { includeDirs: [], defines: {}, readFile: () => undefined }, diags);
    const ours = toks.filter((t) => t.kind === 'string').map((t) => Array.from(t.bytes ?? []));
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ours).toEqual(STRINGS.map((_, i) => gccStringBytes(asm, `s${i}`)));
  });
});
