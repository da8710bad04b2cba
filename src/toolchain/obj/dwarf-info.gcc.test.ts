// DWARF variable information, with binutils and gcc as the oracles: readelf and
// objdump read our object's .debug_info without a warning and find in it the
// functions, their parameters and locals, the C types and the frame slots that
// code generation gave each variable; our reader gives back what readelf
// decodes, and reads gcc's own -O0 -gdwarf-4 object of the same source to the
// same names, roles and types. Enum constants and the lexical blocks of inner
// `{ }` blocks have the shape gcc gives them.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../compile.ts';
import { readElf, readSymbols } from './elf.ts';
import { elfDebugFunctions, type DebugFunction, type DebugType } from './dwarf-info-read.ts';
import { KERNEL_C_TARGET } from '../../../tests/support/oracles.ts';

const SOURCE = `typedef unsigned int u32;
struct point { int x; short y; struct point *next; unsigned flag : 3; };
union word { u32 whole; unsigned char bytes[4]; };
enum color { RED, GREEN };
static int helper(int a, const char *s, struct point *p) { int local = a + 1; return local + p->x + s[0]; }
u32 work(u32 count, long long big, enum color c)
{
	int arr[4] = {1, 2, 3, 4};
	char ch = 'A';
	struct point pt = {7, 8, 0, 1};
	union word w;
	void *vp = 0;
	const unsigned short *const cp = 0;
	{ int inner = 5; arr[0] = inner; }
	w.whole = count;
	return count + arr[1] + ch + pt.x + helper(1, "x", &pt) + (int)big + c + (vp != 0) + w.bytes[0] + (cp != 0);
}
`;

const binutils = (name: string, args: string[]) => spawnSync(`riscv64-unknown-elf-${name}`, args, { encoding: 'utf8' });

/** Blocks as a debugger must see them: a shadowed name, a for-loop variable, a nested body, dead code. */
const BLOCKS_SOURCE = `enum stopwatch_state { STOPPED, RESET = 1, RUNNING = 7, BROKEN = -2 };
int steps(int n)
{
	enum stopwatch_state st = RESET;
	enum { ANON_A = 3000000000u, ANON_B } big = ANON_B;
	int i = 100;
	for (int i = 0; i < n; i++) { int twice = i * 2; st = RUNNING; n += twice; }
	{ int i = 5; n += i; }
	if (0) { int never = 3; n += never; }
	return n + i + st + (int)big;
}
`;

function ourObject(source = SOURCE): { path: string; bytes: Uint8Array; slots: Map<string, number> } {
  const r = compile({ file: 'vars.c', source }, { output: 'object' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const path = join(mkdtempSync(join(tmpdir(), 'dwarf-info-')), 'vars.o');
  writeFileSync(path, r.objectBytes!);
  // The frame slots code generation gave each variable (s0-relative), by function.variable.
  const slots = new Map<string, number>();
  for (const fn of r.object!.functions!) for (const v of [...fn.params!, ...fn.locals!]) if (!v.name.startsWith('.')) slots.set(`${fn.name}.${v.name}`, v.offset);
  return { path, bytes: r.objectBytes!, slots };
}

interface ReadelfDie { tag: string; attrs: Map<string, string>; children: ReadelfDie[] }

/** readelf --debug-dump=info as a tree of entries, each keyed by its offset. */
function readelfDies(dump: string): { byOffset: Map<number, ReadelfDie>; top: ReadelfDie[] } {
  const byOffset = new Map<number, ReadelfDie>();
  const stack: ReadelfDie[] = [];
  const top: ReadelfDie[] = [];
  let current: ReadelfDie | undefined;
  for (const line of dump.split('\n')) {
    const head = /^\s*<(\d+)><([0-9a-f]+)>: Abbrev Number: (\d+)(?: \((DW_TAG_\w+)\))?/.exec(line);
    if (head) {
      const depth = Number(head[1]);
      stack.length = depth;
      if (head[3] === '0') { current = undefined; continue; }
      current = { tag: head[4], attrs: new Map(), children: [] };
      byOffset.set(parseInt(head[2], 16), current);
      if (depth > 0 && stack[depth - 1]) stack[depth - 1].children.push(current); else top.push(current);
      stack[depth] = current;
      continue;
    }
    const attr = /^\s*<[0-9a-f]+>\s+(DW_AT_\w+)\s*:\s*(.*)$/.exec(line);
    if (attr && current) current.attrs.set(attr[1], attr[2].trim());
  }
  return { byOffset, top };
}

/** A C type name from readelf's entries, written the way the Variables view writes it. */
function readelfType(dies: Map<number, ReadelfDie>, ref: string | undefined): string {
  if (!ref) return 'void';
  const d = dies.get(parseInt(/<0x([0-9a-f]+)>/.exec(ref)![1], 16))!;
  const name = d.attrs.get('DW_AT_name')?.replace(/^\(indirect string, offset: 0x[0-9a-f]+\): /, '');
  const inner = () => readelfType(dies, d.attrs.get('DW_AT_type'));
  switch (d.tag) {
    case 'DW_TAG_base_type': case 'DW_TAG_typedef': return name!;
    case 'DW_TAG_structure_type': return `struct ${name}`;
    case 'DW_TAG_union_type': return `union ${name}`;
    case 'DW_TAG_enumeration_type': return `enum ${name}`;
    case 'DW_TAG_pointer_type': { const t = inner(); return t.endsWith('*') ? `${t}*` : `${t} *`; }
    case 'DW_TAG_const_type': { const t = inner(); return t.endsWith('*') ? `${t} const` : `const ${t}`; }
    case 'DW_TAG_array_type': {
      const bound = d.children[0]?.attrs.get('DW_AT_upper_bound');
      return `${inner()} [${bound === undefined ? '' : Number(bound) + 1}]`;
    }
    default: return `?${d.tag}`;
  }
}

/** Each variable as `function.name role type @fbreg`. */
function readelfVariables(dump: string): string[] {
  const { byOffset, top } = readelfDies(dump);
  const out: string[] = [];
  // A lexical block's variables, after the block's own parent's (readelf's order is the file's).
  const inBlocks = (d: ReadelfDie): ReadelfDie[] => d.children.flatMap((c) => (c.tag === 'DW_TAG_lexical_block' ? inBlocks(c) : [c]));
  for (const fn of top.flatMap((u) => u.children).filter((d) => d.tag === 'DW_TAG_subprogram')) {
    for (const v of inBlocks(fn)) {
      const fbreg = /DW_OP_fbreg: (-?\d+)/.exec(v.attrs.get('DW_AT_location') ?? '');
      const role = v.tag === 'DW_TAG_formal_parameter' ? 'argument' : 'local';
      out.push(`${fn.attrs.get('DW_AT_name')}.${v.attrs.get('DW_AT_name')} ${role} ${readelfType(byOffset, v.attrs.get('DW_AT_type'))} @${fbreg?.[1]}`);
    }
  }
  return out;
}

function typeName(t: DebugType | null): string {
  if (!t) return 'void';
  switch (t.kind) {
    case 'base': case 'typedef': return t.name;
    case 'struct': return `${t.union ? 'union' : 'struct'} ${t.name}`;
    case 'enum': return `enum ${t.name}`;
    case 'pointer': { const s = typeName(t.target); return s.endsWith('*') ? `${s}*` : `${s} *`; }
    case 'qualified': { const s = typeName(t.target); return s.endsWith('*') ? `${s} ${t.qualifier}` : `${t.qualifier} ${s}`; }
    case 'array': return `${typeName(t.target)} [${t.count ?? ''}]`;
    case 'function': return 'function';
  }
}

function ourReading(bytes: Uint8Array): DebugFunction[] {
  const elf = readElf(bytes);
  return elfDebugFunctions(elf, readSymbols(elf));
}

const listed = (fns: DebugFunction[]) => fns.flatMap((f) => f.variables.map((v) => `${f.name}.${v.name} ${v.role} ${typeName(v.type)} @${v.fbreg ?? undefined}`));

/** A name as readelf prints it, without gcc's "(indirect string, offset: …): " before it. */
const strip = (n: string | undefined) => n?.replace(/^\(indirect string, offset: 0x[0-9a-f]+\): /, '');

/** A function's variables as nested blocks, `name{…}`, from readelf; a block without code is left out. */
function readelfBlocks(dump: string, fn: string): string {
  const subprogram = readelfDies(dump).top.flatMap((u) => u.children).find((d) => d.tag === 'DW_TAG_subprogram' && strip(d.attrs.get('DW_AT_name')) === fn)!;
  const shape = (d: ReadelfDie): string => d.children.map((c) => {
    if (c.tag !== 'DW_TAG_lexical_block') return strip(c.attrs.get('DW_AT_name'));
    return c.attrs.has('DW_AT_low_pc') ? `{${shape(c)}}` : '';
  }).filter((x) => x).join(' ');
  return shape(subprogram);
}

/** An enum's constants from readelf, `NAME=value` in order. */
function readelfEnumerators(dump: string, tag: string | undefined): string[] {
  const e = [...readelfDies(dump).byOffset.values()].find((d) => d.tag === 'DW_TAG_enumeration_type' && strip(d.attrs.get('DW_AT_name')) === tag)!;
  return e.children.map((c) => `${strip(c.attrs.get('DW_AT_name'))}=${c.attrs.get('DW_AT_const_value')}`);
}

/** A function's variables as our reader nests them: each with its block depth. */
const readBlocks = (fns: DebugFunction[], fn: string) => fns.find((f) => f.name === fn)!.variables.map((v) => `${v.name}@${v.scope?.depth ?? 0}`);

describe('DWARF variable information in our objects', () => {
  it('is read by readelf and objdump without a warning', () => {
    const { path } = ourObject();
    for (const [tool, args] of [['readelf', ['--debug-dump=info,abbrev', path]], ['objdump', ['--dwarf=info', path]]] as const) {
      const run = binutils(tool, [...args]);
      expect(run.status, `${tool}: ${run.stderr}`).toBe(0);
      expect(run.stderr, tool).toBe('');
      expect(run.stdout, tool).not.toMatch(/warning|error|unknown/i);
      expect(run.stdout, tool).toContain('DW_TAG_subprogram');
    }
  });

  it('names each parameter and local with its C type and the frame slot code generation gave it', () => {
    const { path, slots } = ourObject();
    const variables = readelfVariables(binutils('readelf', ['--debug-dump=info', path]).stdout);
    expect(variables).toEqual([
      `helper.a argument int @${slots.get('helper.a')}`,
      `helper.s argument const char * @${slots.get('helper.s')}`,
      `helper.p argument struct point * @${slots.get('helper.p')}`,
      `helper.local local int @${slots.get('helper.local')}`,
      `work.count argument u32 @${slots.get('work.count')}`,
      `work.big argument long long @${slots.get('work.big')}`,
      `work.c argument enum color @${slots.get('work.c')}`,
      `work.arr local int [4] @${slots.get('work.arr')}`,
      `work.ch local char @${slots.get('work.ch')}`,
      `work.pt local struct point @${slots.get('work.pt')}`,
      `work.w local union word @${slots.get('work.w')}`,
      `work.vp local void * @${slots.get('work.vp')}`,
      `work.cp local const unsigned short * const @${slots.get('work.cp')}`,
      `work.inner local int @${slots.get('work.inner')}`,
    ]);
    for (const fn of ['helper', 'work']) { // in a function, every variable has a slot of its own
      const own = [...slots].filter(([k]) => k.startsWith(`${fn}.`)).map(([, off]) => off);
      expect(new Set(own).size, fn).toBe(own.length);
    }
    const dump = binutils('readelf', ['--debug-dump=info', path]).stdout;
    expect(dump).toMatch(/DW_AT_frame_base\s*: 2 byte block: 78 0 \s*\(DW_OP_breg8 \(s0\): 0\)/);
    expect(dump).toMatch(/DW_AT_name\s*: flag\n.*\n\s*<[0-9a-f]+>\s+DW_AT_byte_size\s*: 4\n\s*<[0-9a-f]+>\s+DW_AT_bit_size\s*: 3/);
  });

  it('reads back, in our reader, what readelf decodes', () => {
    const { path, bytes } = ourObject();
    expect(listed(ourReading(bytes))).toEqual(readelfVariables(binutils('readelf', ['--debug-dump=info', path]).stdout));
    const helper = ourReading(bytes).find((f) => f.name === 'helper')!;
    const work = ourReading(bytes).find((f) => f.name === 'work')!;
    expect(helper.low).toEqual({ section: '.text', address: 0 });
    expect(work.low).toEqual(helper.high); // the functions follow each other in .text
    const point = helper.variables.find((v) => v.name === 'p')!.type;
    expect(point?.kind === 'pointer' && point.target?.kind === 'struct' ? point.target.members.map((m) => `${m.name}@${m.offset}`) : null)
      .toEqual(['x@0', 'y@4', 'next@8', 'flag@12']);
  });

  it('reads gcc -O0 -gdwarf-4 objects of the same source to the same names, roles and types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dwarf-info-gcc-'));
    writeFileSync(join(dir, 'vars.c'), SOURCE);
    execFileSync('riscv64-unknown-elf-gcc', [...KERNEL_C_TARGET, '-O0', '-g', '-gdwarf-4', '-c', 'vars.c', '-o', 'vars.o'], { cwd: dir });
    const gccNames: Record<string, string> = { 'long long int': 'long long', 'short unsigned int': 'unsigned short' };
    const theirs = ourReading(readFileSync(join(dir, 'vars.o')));
    const shown = (fns: DebugFunction[]) => listed(fns).map((l) => l.replace(/ @.*$/, '').replace(/long long int|short unsigned int/g, (m) => gccNames[m]));
    expect(shown(theirs).sort()).toEqual(shown(ourReading(ourObject().bytes)).sort());
    // gcc's frames are s0-based too (frame base = the CFA = s0): every variable has a slot.
    expect(theirs.flatMap((f) => f.variables.filter((v) => v.fbreg === null).map((v) => v.name))).toEqual([]);
  });

  it('nests the locals of inner blocks in lexical blocks and lists enum constants, as gcc does', () => {
    const ours = ourObject(BLOCKS_SOURCE);
    const dir = mkdtempSync(join(tmpdir(), 'dwarf-blocks-gcc-'));
    writeFileSync(join(dir, 'blocks.c'), BLOCKS_SOURCE);
    execFileSync('riscv64-unknown-elf-gcc', [...KERNEL_C_TARGET, '-O0', '-g', '-gdwarf-4', '-c', 'blocks.c', '-o', 'blocks.o'], { cwd: dir });
    const ourDump = binutils('readelf', ['--debug-dump=info', ours.path]);
    expect(ourDump.stderr).toBe('');
    const gccDump = binutils('readelf', ['--debug-dump=info', join(dir, 'blocks.o')]).stdout;
    // The for's `i` in a block of its own, the loop body's `twice` inside it; the dead block has no code.
    expect(readelfBlocks(ourDump.stdout, 'steps')).toBe('n st big i {i {twice}} {i}');
    expect(readelfBlocks(gccDump, 'steps')).toBe(readelfBlocks(ourDump.stdout, 'steps'));
    expect(readelfEnumerators(ourDump.stdout, 'stopwatch_state')).toEqual(['STOPPED=0', 'RESET=1', 'RUNNING=7', 'BROKEN=-2']);
    expect(readelfEnumerators(ourDump.stdout, 'stopwatch_state')).toEqual(readelfEnumerators(gccDump, 'stopwatch_state'));
    expect(readelfEnumerators(ourDump.stdout, undefined)).toEqual(['ANON_A=3000000000', 'ANON_B=3000000001']);
    // Each lexical block's range lies inside its function's (readelf prints high_pc as an address for us).
    const ranges = [...ourDump.stdout.matchAll(/DW_TAG_lexical_block\)\n\s*<[0-9a-f]+>\s+DW_AT_low_pc\s*: (0x[0-9a-f]+|0)\n\s*<[0-9a-f]+>\s+DW_AT_high_pc\s*: (0x[0-9a-f]+)/g)]
      .map((m) => [Number(m[1]), Number(m[2])]);
    expect(ranges.length).toBe(3);
    const fn = ourReading(ours.bytes).find((f) => f.name === 'steps')!;
    for (const [lo, hi] of ranges) expect(lo < hi && lo >= fn.low.address && hi <= fn.high.address, `${lo}..${hi}`).toBe(true);
    // Our reader sees the same nesting in both objects, and gcc's dead block's local nowhere.
    const theirs = ourReading(readFileSync(join(dir, 'blocks.o')));
    expect(readBlocks(ourReading(ours.bytes), 'steps')).toEqual(['n@0', 'st@0', 'big@0', 'i@0', 'i@1', 'twice@2', 'i@1']);
    expect(readBlocks(theirs, 'steps')).toEqual(readBlocks(ourReading(ours.bytes), 'steps'));
    const st = fn.variables.find((v) => v.name === 'st')!.type;
    expect(st?.kind === 'enum' ? st.enumerators : null).toEqual([
      { name: 'STOPPED', value: 0 }, { name: 'RESET', value: 1 }, { name: 'RUNNING', value: 7 }, { name: 'BROKEN', value: -2 },
    ]);
  });
});
