// The hostile inputs that once hung, crawled or misled the compiler, kept as regression
// tests: each compiles, or gets its one right diagnostic. How fast is for the benchmark
// (npm run bench:cc); here only the generous per-test timeout guards against a hang.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, MAX_SHOWN_WARNINGS } from '../../src/toolchain/compile.ts';
import { formatDiagnostic } from '../../src/toolchain/diagnostics.ts';
import { manyLocals, bigSwitch, manyStrings } from './pathological.ts';

const HANG_GUARD_MS = 120_000;
const where = (r: ReturnType<typeof compile>): string[] => r.diagnostics.map((d) => `${d.loc.line}:${d.loc.col}: ${d.severity}: ${d.message}`);

describe('pathological programs', () => {
  it('25,000 unused locals: 100 warnings shown, then how many more there were', () => {
    const source = manyLocals(25_000);
    const r = compile({ file: 'locals.c', source }, { output: 'bare-metal-elf' });
    expect(r.ok).toBe(true);
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings).toHaveLength(MAX_SHOWN_WARNINGS);
    expect(warnings.map((d) => `${d.loc.line}:${d.loc.col} ${d.message}`).slice(0, 2)).toEqual(["3:6 unused variable 'v0'", "4:6 unused variable 'v1'"]);
    expect(r.diagnostics.at(-1)).toMatchObject({ severity: 'note', message: `too many warnings; ${25_000 - MAX_SHOWN_WARNINGS} more not shown` });
    const printed = r.diagnostics.map((d) => formatDiagnostic(d, source)).join('\n').split('\n');
    expect(printed.length).toBeLessThan(4 * (MAX_SHOWN_WARNINGS + 1));
  }, HANG_GUARD_MS);

  it('a switch of 10,000 cases compiles, and a duplicate among them is found at its line', () => {
    const ok = compile({ file: 'sw.c', source: bigSwitch(10_000) }, { output: 'bare-metal-elf' });
    expect(where(ok)).toEqual([]);
    expect(ok.ok).toBe(true);
    const dup = bigSwitch(10_000).replace('\tcase 9999:', '\tcase 17:');
    expect(where(compile({ file: 'sw.c', source: dup }, { output: 'object' }))).toEqual(['10003:2: error: duplicate case value 17']);
  }, HANG_GUARD_MS);

  it('10^5 adjacent string literals are joined into one', () => {
    const r = compile({ file: 'cat.c', source: manyStrings(100_000) }, { output: 'asm' });
    expect(where(r)).toEqual([]);
    expect(r.ok).toBe(true);
  }, HANG_GUARD_MS);

  it('a 1 MB string literal compiles, and an unterminated one is reported where it starts', () => {
    const body = 'x'.repeat(1 << 20);
    const r = compile({ file: 'big.c', source: `const char *s = "${body}";\nint main(void) { return s[0]; }\n` }, { output: 'bare-metal-elf' });
    expect(where(r)).toEqual([]);
    expect(r.ok).toBe(true);
    const open = compile({ file: 'big.c', source: `const char *s = "${body};\nint main(void) { return 0; }\n` }, { output: 'object' });
    expect(where(open)).toEqual(['1:17: error: missing terminating " character: close the string before the end of the line']);
  }, HANG_GUARD_MS);

  it('a 10^5-digit constant gets one short "too large" error', () => {
    const r = compile({ file: 'n.c', source: `int x = ${'9'.repeat(100_000)};\n` }, { output: 'object' });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', loc: { line: 1, col: 9 } });
    expect(r.diagnostics[0].message).toMatch(/^integer constant '9+….*is too large: it does not fit in 64 bits$/);
    expect(r.diagnostics[0].message.length).toBeLessThan(500);
  }, HANG_GUARD_MS);

  it('a diagnostic on a 1 MB line shows a window of it around the caret', () => {
    const source = `int a = 1;${' '.repeat(1 << 20)}int b = ;\n`;
    const r = compile({ file: 'line.c', source }, { output: 'object' });
    expect(r.ok).toBe(false);
    const text = formatDiagnostic(r.diagnostics[0], source);
    expect(text.length).toBeLessThan(1000);
    const [, shown, caret] = text.split('\n');
    expect(shown[caret.indexOf('^')]).toBe(';');
  }, HANG_GUARD_MS);
});

describe('string data', () => {
  it('a long literal with quotes, backslashes and control bytes assembles to the bytes GNU as gives', () => {
    const source = `const char s[] = "he said \\"hi\\" \\\\ back\\n\\x01ok ${'abc~ '.repeat(400)}";\nint main(void) { return s[0]; }\n`;
    const r = compile({ file: 's.c', source }, { output: 'object' });
    expect(r.ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cc-str-'));
    writeFileSync(join(dir, 's.s'), r.asm!);
    writeFileSync(join(dir, 'ours.o'), r.objectBytes!);
    execFileSync('riscv64-unknown-elf-as', ['-march=rv32imac_zicsr', '-mabi=ilp32', 's.s', '-o', 'gnu.o'], { cwd: dir });
    const data = (o: string): string => execFileSync('riscv64-unknown-elf-objdump', ['-s', '-j', '.rodata', o], { cwd: dir, encoding: 'utf8' }).split('\n').slice(3).join('\n');
    expect(data('ours.o')).toContain('he said "hi"');
    expect(data('ours.o')).toBe(data('gnu.o'));
  }, HANG_GUARD_MS);
});

describe('#include __FILE__ resolves as gcc resolves it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-inc-'));
  mkdirSync(join(dir, 'dir'));
  const text = '#ifndef ONCE\n#define ONCE\n#include __FILE__\nint x;\n#else\nint y;\n#endif\n';
  writeFileSync(join(dir, 'dir/file.c'), text);

  function gccFinds(cwd: string, file: string): boolean {
    try {
      execFileSync('gcc', ['-E', '-P', file], { cwd, stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  }
  function oursFinds(cwd: string, file: string): { ok: boolean; messages: string[] } {
    const readFile = (p: string): string | undefined => {
      const full = p.startsWith('/') ? p : join(cwd, p);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    };
    const r = compile({ file, source: text, readFile }, { output: 'object' });
    return { ok: r.ok, messages: r.diagnostics.map((d) => d.message) };
  }

  for (const [cwd, file] of [['.', 'dir/file.c'], ['.', './dir/file.c'], ['dir', 'file.c'], ['.', join(dir, 'dir/file.c')]]) {
    it(`compiling ${file.startsWith('/') ? 'an absolute path' : file} from ${cwd}`, () => {
      const wd = join(dir, cwd);
      const ours = oursFinds(wd, file);
      expect(ours.ok, ours.messages.join('\n')).toBe(gccFinds(wd, file));
      // When neither finds it, the message names the path looked for (the directory applied to the name).
      if (!ours.ok) expect(ours.messages).toEqual([expect.stringContaining(`looked in '${join('dir', file)}'`)]);
    }, HANG_GUARD_MS);
  }
});
