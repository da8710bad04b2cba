// What the guest's Linux-API headers (src/guest/include) ask the guest kernel
// to provide: every function they declare without defining, and every extern
// variable, grouped by the header that declares it. gcc is the oracle: its
// -aux-info output lists each function prototype with the file and line that
// declared it, and whether that was a definition. The rendered list is
// src/guest/include/KERNEL_SYMBOLS.md; `npx tsx tests/linux/kernel-symbols.ts`
// rewrites it after a header change.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const INCLUDE = join(REPO, 'src/guest/include');
export const SYMBOLS_MD = join(INCLUDE, 'KERNEL_SYMBOLS.md');

/** One symbol the kernel must define. */
export interface KernelSymbol {
  name: string;
  kind: 'function' | 'variable' | 'build-time trap';
  /** The declaration as gcc prints it (functions) or as written (variables). */
  decl: string;
}

/** Functions whose calls only survive when a build must fail (attribute error). */
const BUILD_TIME_TRAPS = /^(__bad_copy_from|__bad_copy_to|__compiletime_assert_\d+)$/;

/** Every header below include/, relative to it ('linux/list.h'). */
export function allHeaders(dir = INCLUDE): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...allHeaders(path));
    else if (name.endsWith('.h')) out.push(relative(INCLUDE, path));
  }
  return out.sort();
}

/** A translation unit that includes every header (linux/kernel.h first, as
 * asm/bitops.h may only come after linux/bitops.h). */
function everyHeaderSource(): string {
  return ['linux/kernel.h', ...allHeaders()].map((h) => `#include <${h}>`).join('\n') + '\n';
}

const GCC_HEADER_FLAGS = ['-march=rv32imac_zicsr', '-mabi=ilp32', '-nostdinc', '-I', INCLUDE, '-D__KERNEL__',
  '-DMODULE', '-DKBUILD_MODNAME="symbols"', '-ffreestanding', '-std=gnu11'];

/** Functions declared (not defined) by a header: gcc -aux-info's "NC"/"OC" lines. */
function declaredFunctions(work: string): Map<string, KernelSymbol[]> {
  const aux = join(work, 'aux.txt');
  execFileSync('riscv64-unknown-elf-gcc', [...GCC_HEADER_FLAGS, '-fsyntax-only', '-aux-info', aux, join(work, 'all.c')]);
  const byHeader = new Map<string, KernelSymbol[]>();
  for (const line of readFileSync(aux, 'utf8').split('\n')) {
    const m = /^\/\* (.+?):\d+:([NO])C \*\/ (extern .*?([A-Za-z_]\w*) \(.*\);)$/.exec(line);
    if (!m || !m[1].startsWith(INCLUDE)) continue;
    const name = m[4];
    if (/^__compiletime_assert_\d+$/.test(name)) continue; // one per READ_ONCE use, not an API
    const kind = BUILD_TIME_TRAPS.test(name) ? 'build-time trap' : 'function';
    add(byHeader, relative(INCLUDE, m[1]), { name, kind, decl: m[3].replace(/\s+/g, ' ') });
  }
  return byHeader;
}

/** Extern variables: top-level `extern` declarations without a parameter list,
 * read from gcc -E output (its line markers say which header each comes from). */
function declaredVariables(work: string): Map<string, KernelSymbol[]> {
  const pre = execFileSync('riscv64-unknown-elf-gcc', [...GCC_HEADER_FLAGS, '-E', join(work, 'all.c')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const byHeader = new Map<string, KernelSymbol[]>();
  let file = '';
  let depth = 0;
  let stmt = '';
  let stmtFile = '';
  for (const line of pre.split('\n')) {
    const marker = /^# \d+ "(.+?)"/.exec(line);
    if (marker) { file = marker[1]; continue; }
    for (const ch of line + ' ') {
      if (stmt.trim() === '') stmtFile = file;
      stmt += ch;
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (ch === ';' && depth === 0) {
        for (const sym of externVariables(stmt)) add(byHeader, relative(INCLUDE, stmtFile), sym);
        stmt = '';
      }
      if (ch === '}' && depth === 0) stmt = '';
    }
  }
  return byHeader;
}

function externVariables(stmt: string): KernelSymbol[] {
  const s = stmt.replace(/__attribute__\s*\(\(.*?\)\)/g, '').replace(/\s+/g, ' ').trim();
  if (!s.startsWith('extern ') || s.includes('(')) return [];
  const declarators = s.slice(0, -1).split(',');
  const names = declarators.map((d) => /([A-Za-z_]\w*)\s*(\[[^\]]*\])?\s*$/.exec(d)?.[1]).filter((n): n is string => !!n);
  return names.map((name) => ({ name, kind: 'variable' as const, decl: `${s}` }));
}

function add(map: Map<string, KernelSymbol[]>, header: string, sym: KernelSymbol): void {
  const list = map.get(header) ?? [];
  if (!list.some((s) => s.name === sym.name)) list.push(sym);
  map.set(header, list);
}

/** Every symbol, by header, sorted. */
export function declaredKernelSymbols(): Map<string, KernelSymbol[]> {
  const work = mkdtempSync(join(tmpdir(), 'guest-symbols-'));
  try {
    writeFileSync(join(work, 'all.c'), everyHeaderSource());
    const merged = declaredFunctions(work);
    for (const [header, syms] of declaredVariables(work)) for (const s of syms) add(merged, header, s);
    const sorted = new Map<string, KernelSymbol[]>();
    for (const header of [...merged.keys()].sort()) {
      sorted.set(header, merged.get(header)!.sort((a, b) => a.name.localeCompare(b.name)));
    }
    return sorted;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function renderKernelSymbolsMd(symbols: Map<string, KernelSymbol[]>): string {
  const lines = [
    '# Kernel symbols the guest headers declare',
    '',
    'Every function and variable that `src/guest/include` declares but does not define,',
    'grouped by the header that declares it, with the names Linux 6.1 exports. A driver',
    'module built against these headers leaves only these symbols undefined (plus',
    '`__this_module`, which the module loader provides for each module, as modpost\'s',
    '`.mod.c` does in Linux); the guest kernel implements exactly these.',
    '',
    '"build-time trap" functions are never called by a correct build: a call to one',
    'survives only when gcc has proved an error and stops with its message.',
    '',
    'Generated by `npx tsx tests/linux/kernel-symbols.ts` (gcc -aux-info over every',
    'header); `tests/linux/headers.gcc.test.ts` checks that it is up to date.',
    '',
  ];
  for (const [header, syms] of symbols) {
    lines.push(`## ${header}`, '');
    for (const s of syms) {
      const note = s.kind === 'function' ? '' : ` (${s.kind})`;
      lines.push(`- \`${s.name}\`${note}: \`${s.decl}\``);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The names listed in a KERNEL_SYMBOLS.md text. */
export function parseKernelSymbolsMd(md: string): Set<string> {
  const names = new Set<string>();
  for (const m of md.matchAll(/^- `([A-Za-z_]\w*)`/gm)) names.add(m[1]);
  return names;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SYMBOLS_MD, renderKernelSymbolsMd(declaredKernelSymbols()));
  console.log(`wrote ${relative(REPO, SYMBOLS_MD)}`);
}
