// Line information in relocatable objects, with binutils as the oracle: objdump -dl and
// addr2line name the C line of each function of a module object, in .text, .init.text and
// .exit.text; our reader gives back the rows binutils decode, from our objects and from
// gcc's (-gdwarf-4 -mno-relax, the form a module build without relaxation takes).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../compile.ts';
import { readRelocatable } from './elf-object.ts';
import { readElf, readSymbols } from './elf.ts';

const MODULE = `extern int printk(const char *fmt, ...);
static int ticks;

static int bump(int by)
{
	ticks += by; /* line:bump */
	return ticks;
}

__attribute__((section(".init.text"))) static int hello_init(void)
{
	printk("hello\\n"); /* line:init */
	return bump(2);
}

__attribute__((section(".exit.text"))) static void hello_exit(void)
{
	printk("bye %d\\n", bump(-1)); /* line:exit */
}

int init_module(void) __attribute__((alias("hello_init")));
void cleanup_module(void) __attribute__((alias("hello_exit")));
`;

const lineOf = (marker: string): number => MODULE.split('\n').findIndex((l) => l.includes(`/* line:${marker} */`)) + 1;
const tool = (name: string, args: string[]): string => execFileSync(`riscv64-unknown-elf-${name}`, args, { encoding: 'utf8' });

function moduleObject(): { path: string; bytes: Uint8Array } {
  const r = compile({ file: 'hello.c', source: MODULE }, { output: 'object' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const path = join(mkdtempSync(join(tmpdir(), 'dwarf-')), 'hello.o');
  writeFileSync(path, r.objectBytes!);
  return { path, bytes: r.objectBytes! };
}

/** objdump -dl's view: for each section, the first C line printed after each function's label. */
function firstLines(listing: string): Map<string, number> {
  const out = new Map<string, number>();
  let fn: string | undefined;
  for (const l of listing.split('\n')) {
    const label = /^[0-9a-f]+ <([^>.]+)>:$/.exec(l);
    if (label) { fn = label[1]; continue; }
    const src = /^hello\.c:(\d+)/.exec(l);
    if (src && fn && !out.has(fn)) out.set(fn, Number(src[1]));
  }
  return out;
}

describe('DWARF line information in a module object', () => {
  it('lets objdump -dl name the C lines of functions in .text, .init.text and .exit.text', () => {
    const { path } = moduleObject();
    const listing = tool('objdump', ['-dl', path]);
    expect(listing).toMatch(/Disassembly of section \.init\.text/);
    const first = firstLines(listing);
    // The first line after a label is the function's opening brace; its body's line follows.
    for (const [fn, marker] of [['bump', 'bump'], ['init_module', 'init'], ['cleanup_module', 'exit']]) {
      expect(first.get(fn), fn).toBeLessThan(lineOf(marker));
      expect(listing).toContain(`hello.c:${lineOf(marker)}\n`);
    }
    expect(tool('readelf', ['--debug-dump=info,aranges,Ranges,rawline', path])).not.toMatch(/warning|error/i);
  });

  it('lets addr2line map an address in each code section to its C line', () => {
    const { path, bytes } = moduleObject();
    const obj = readRelocatable(bytes, 'hello.o');
    const syms = readSymbols(readElf(bytes));
    for (const [section, marker] of [['.text', 'bump'], ['.init.text', 'init'], ['.exit.text', 'exit']]) {
      const row = obj.lines.find((l) => l.section === section && l.line === lineOf(marker))!;
      expect(row, section).toBeDefined();
      expect(tool('addr2line', ['-e', path, '-j', section, row.address.toString(16)]).trim()).toBe(`hello.c:${lineOf(marker)}`);
    }
    expect(syms.some((s) => s.name === 'init_module')).toBe(true);
  });

  it('reads back the rows binutils decode, from our object and from gcc -gdwarf-4 (with and without -mno-relax)', () => {
    const ours = moduleObject();
    const dir = mkdtempSync(join(tmpdir(), 'dwarf-gcc-'));
    writeFileSync(join(dir, 'hello.c'), MODULE);
    const gcc = (out: string, extra: string[]): string => {
      execFileSync('riscv64-unknown-elf-gcc', ['-march=rv32imac_zicsr', '-mabi=ilp32', '-O2', '-gdwarf-4', ...extra, '-c', 'hello.c', '-o', out], { cwd: dir });
      return join(dir, out);
    };
    for (const path of [ours.path, gcc('norelax.o', ['-mno-relax']), gcc('relax.o', [])]) {
      const decoded = tool('objdump', ['--dwarf=decodedline', path]);
      const rows = [...decoded.matchAll(/^hello\.c\s+(\d+)\s+(0x[0-9a-f]+|0)\s/gm)].map((m) => `${m[1]}@${Number(m[2])}`);
      const obj = readRelocatable(readFileSync(path), 'hello.o');
      expect(obj.lines.map((l) => `${l.line}@${l.address}`), path).toEqual(rows);
      expect(rows.length, path).toBeGreaterThan(3);
      for (const section of ['.init.text', '.exit.text']) expect(obj.lines.some((l) => l.section === section), `${path} ${section}`).toBe(true);
    }
  });
});
