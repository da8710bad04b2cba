// Differential tests of the assembler against GNU as (riscv64-unknown-elf-as
// -march=rv32ima_zicsr -mno-relax): same bytes and same relocations for every
// instruction form, pseudo-instruction and data directive we accept.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from './assemble.ts';
import { readRelocatable } from '../obj/elf-object.ts';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ObjectFile } from './object.ts';
import { KERNEL_C_MARCH, KERNEL_C_TARGET } from '../../../tests/support/oracles.ts';

const REGS = ['zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7',
  's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6', 'x0', 'x17', 'x31', 'fp'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
}

/** Every instruction form, with registers and immediates drawn from a fixed-seed generator. */
function instructionCorpus(): string {
  const next = rng(42);
  const reg = (): string => REGS[next() % REGS.length];
  const imm = (lo: number, hi: number): number => lo + (next() % (hi - lo + 1));
  const lines: string[] = ['\t.text', 'back:'];
  const R = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and', 'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu', 'sgt', 'sgtu'];
  const I = ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi'];
  for (let k = 0; k < 4; k++) {
    for (const m of R) lines.push(`\t${m}\t${reg()},${reg()},${reg()}`);
    for (const m of I) lines.push(`\t${m}\t${reg()},${reg()},${imm(-2048, 2047)}`, `\t${m} ${reg()}, ${reg()}, -2048`, `\t${m} ${reg()}, ${reg()}, 2047`);
    for (const m of ['slli', 'srli', 'srai']) lines.push(`\t${m}\t${reg()},${reg()},${imm(0, 31)}`);
    for (const m of ['lb', 'lh', 'lw', 'lbu', 'lhu', 'sb', 'sh', 'sw']) lines.push(`\t${m}\t${reg()},${imm(-2048, 2047)}(${reg()})`, `\t${m}\t${reg()},(${reg()})`);
    for (const m of ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu', 'bgt', 'ble', 'bgtu', 'bleu']) lines.push(`\t${m}\t${reg()},${reg()},back`, `\t${m}\t${reg()},${reg()},fwd`);
    for (const m of ['beqz', 'bnez', 'blez', 'bgez', 'bltz', 'bgtz']) lines.push(`\t${m}\t${reg()},1f`, '1:', `\t${m}\t${reg()},1b`);
    lines.push(`\tlui\t${reg()},${imm(0, 0xfffff)}`, `\tauipc\t${reg()},${imm(0, 0xfffff)}`, `\tlui a0, 0xfffff`);
    for (const m of ['mv', 'not', 'neg', 'seqz', 'snez', 'sltz', 'sgtz', 'zext.b']) lines.push(`\t${m}\t${reg()},${reg()}`);
    lines.push(`\tli\t${reg()},${imm(0, 0xffffffff) | 0}`, `\tli\t${reg()},${imm(-2048, 2047)}`);
  }
  for (const v of [0, 1, -1, 2047, 2048, -2048, -2049, 4095, 4096, 0x7ff, 0x800, 0x7ffff800, 0x7fffffff, -0x80000000, 0x12345678, 0xfffff000, 0xdeadbeef])
    lines.push(`\tli a0, ${v}`);
  lines.push('\tli a1, 1 << 12 | 0x34', "\tli a2, 'A'", '\tli a3, (100 - 4) * 2 / 3', '\t.equ K, 0x1234', '\tli a4, K + 1');
  lines.push('\tjal back', '\tjal ra, fwd', '\tjal t0, back', '\tj back', '\tj fwd', '\tjr a0', '\tjr 4(a1)', '\tjalr a2', '\tjalr t0, a3',
    '\tjalr ra, 12(a4)', '\tjalr ra, a5, -4', '\tret', '\tnop', '\tcall ext_fn', '\ttail ext_fn', '\tcall t0, ext_fn', '\tcall back');
  lines.push('\tla a0, ext_data', '\tlla a1, ext_data+8', '\tla a2, back', '\tlw a3, ext_data', '\tlbu a4, ext_data+3', '\tsw a5, ext_data, t1', '\tsb a6, ext_data+1, t2');
  lines.push('\tlui a0, %hi(ext_data)', '\taddi a0, a0, %lo(ext_data)', '\tlw a1, %lo(ext_data+4)(a0)', '\tsw a1, %lo(ext_data+8)(a0)',
    '.Lpc: auipc a0, %pcrel_hi(ext_data)', '\taddi a0, a0, %pcrel_lo(.Lpc)', '\tlw a1, %pcrel_lo(.Lpc)(a0)', '\tsh a1, %pcrel_lo(.Lpc)(a0)');
  for (const c of ['mstatus', 'mie', 'mtvec', 'mepc', 'mcause', 'mtval', 'mip', 'mscratch', 'mhartid', 'sstatus', 'satp', 'cycle', 'time', 'instreth', '0x7c0']) {
    lines.push(`\tcsrrw a0, ${c}, a1`, `\tcsrrs a0, ${c}, zero`, `\tcsrrc t0, ${c}, t1`, `\tcsrrwi a0, ${c}, 5`, `\tcsrrsi a0, ${c}, 31`, `\tcsrrci a0, ${c}, 0`,
      `\tcsrr a2, ${c}`, `\tcsrw ${c}, a3`, `\tcsrs ${c}, a4`, `\tcsrc ${c}, a5`, `\tcsrwi ${c}, 7`, `\tcsrsi ${c}, 8`, `\tcsrci ${c}, 1`);
  }
  lines.push('\trdcycle a0', '\trdcycleh a1', '\trdtime a2', '\trdtimeh a3', '\trdinstret a4', '\trdinstreth a5');
  for (const a of ['lr.w', 'sc.w', 'amoswap.w', 'amoadd.w', 'amoxor.w', 'amoand.w', 'amoor.w', 'amomin.w', 'amomax.w', 'amominu.w', 'amomaxu.w']) {
    for (const sfx of ['', '.aq', '.rl', '.aqrl']) lines.push(a === 'lr.w' ? `\t${a}${sfx} a0, (a1)` : `\t${a}${sfx} a0, a2, (a1)`, a === 'lr.w' ? `\t${a}${sfx} t0, 0(s1)` : `\t${a}${sfx} t1, t2, 0(s0)`);
  }
  lines.push('\tfence', '\tfence rw, rw', '\tfence iorw, iorw', '\tfence r, w', '\tfence i, o', '\tfence.i', '\tfence.tso', '\tecall', '\tebreak', '\twfi', '\tmret', '\tsret',
    '\tsfence.vma', '\tsfence.vma a0', '\tsfence.vma a0, a1', '\taddi a0, a0, 1; addi a1, a1, 2 # two statements');
  lines.push('\t.align 4', 'fwd:', '\tnop', '\t.p2align 3', '\tnop', '\t.balign 16', '\tret');
  return lines.join('\n') + '\n';
}

const DATA_CORPUS = `
	.section .rodata
	.align 2
.LC0:	.string "hi\\n\\t\\"q\\"\\\\ \\101\\x42"
	.ascii "abc", "de"
	.asciz "x"
	.byte 1, 2, -1, 255, 'a', 0x7f
	.align 1
	.half 0x1234, -2
	.short 7
	.align 2
	.word 0xdeadbeef, -1, .LC0, ext_data + 12, .LC1 - .LC0, .
	.quad 0x123456789abcdef0, -2, 5
	.zero 5
	.space 3, 0x41
	.2byte 9
	.4byte 10
	.8byte 11
.LC1:
	.data
	.globl table
	.type table, @object
	.size table, 12
table:	.word fn1, fn2, .LC1
	.section .sdata,"aw"
small:	.word 3
	.bss
	.align 4
buf:	.zero 64
	.comm cbuf, 40, 8
	.lcomm lbuf, 12
	.section .sbss,"aw",@nobits
sb:	.zero 4
	.text
	.globl fn1
	.type fn1, @function
fn1:	lui a0, %hi(table); lw a0, %lo(table)(a0); ret
	.size fn1, .-fn1
	.local fn2
fn2:	la a0, small; la a1, buf; la a2, cbuf; la a3, lbuf; la a4, sb; ret
	.weak wk
wk:	call fn1
	.set alias, fn1 + 4
	la a0, alias
`;

function gasAssemble(dir: string, name: string, text: string): ObjectFile {
  const s = join(dir, `${name}.s`), o = join(dir, `${name}.o`);
  writeFileSync(s, text);
  execFileSync('riscv64-unknown-elf-as', [`-march=${KERNEL_C_MARCH}_zifencei`, '-mabi=ilp32', '-mno-relax', '-o', o, s]);
  return readRelocatable(new Uint8Array(readFileSync(o)), name);
}

/** A relocation as "offset type target+addend", with local labels resolved to section+offset as gas does. */
function relocList(obj: ObjectFile, secName: string): string[] {
  const sec = obj.sections.find((s) => s.name === secName);
  const place = (name: string): string => {
    const sym = obj.symbols.find((s) => s.name === name);
    if (sym && sym.section && sym.binding === 'local' && sym.section !== '*ABS*') return `${sym.section}+${sym.value}`;
    return name;
  };
  // gas keeps (already applied) BRANCH/JAL relocations to labels across its alignment
  // fragments; they change nothing in the bytes, which are compared separately.
  const relocs = (sec?.relocs ?? []).filter((r) => !((r.type === 'R_RISCV_BRANCH' || r.type === 'R_RISCV_JAL') && place(r.symbol).includes('+')));
  return relocs.map((r) => {
    const t = place(r.symbol);
    const [base, off] = t.includes('+') ? [t.split('+')[0], Number(t.split('+')[1]) + r.addend] : [t, r.addend];
    // %pcrel_lo names its auipc; compare where that auipc is, not the label's name.
    return `${r.offset} ${r.type} ${base}+${off}`;
  });
}

/** Like toBe, but shows the whole text of both sides. */
function same(ours: string, theirs: string, what: string): void {
  if (ours !== theirs) throw new Error(`${what} differ\n--- ours:\n${ours}\n--- GNU as:\n${theirs}`);
}

function compareWithGas(name: string, text: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'asm-'));
  const diags: Diagnostic[] = [];
  if (process.env.ASM_TEST_DUMP) writeFileSync(join(process.env.ASM_TEST_DUMP, `${name}.s`), text);
  const ours = assemble(`${name}.s`, text, diags);
  same(diags.map((d) => formatDiagnostic(d, text)).join('\n'), '', 'diagnostics');
  const gas = gasAssemble(dir, name, text);
  for (const g of gas.sections.filter((s) => s.size > 0)) {
    const o = ours.sections.find((s) => s.name === g.name);
    expect(o, `section ${g.name}`).toBeDefined();
    expect(o!.size, `size of ${g.name}`).toBe(g.size);
    if (g.kind !== 'bss') {
      const lines = text.split('\n');
      for (let i = 0; i < g.size; i += 4) {
        const want = Array.from(g.bytes.subarray(i, i + 4)).map((b) => b.toString(16).padStart(2, '0')).join('');
        const got = Array.from(o!.bytes.subarray(i, i + 4)).map((b) => b.toString(16).padStart(2, '0')).join('');
        if (want !== got) expect.fail(`${g.name}+${i}: ours ${got}, gas ${want} (source has ${lines.length} lines)`);
      }
    }
    same(relocList(ours, g.name).sort().join('\n'), relocList(gas, g.name).sort().join('\n'), `relocations of ${g.name}`);
  }
}

describe('assembler vs GNU as', () => {
  it('encodes every RV32IMA/Zicsr/Zifencei instruction and pseudo-instruction as GNU as does', () => {
    compareWithGas('insns', instructionCorpus());
  });
  it('lays out data directives, sections, symbols and relocations as GNU as does', () => {
    compareWithGas('data', DATA_CORPUS);
  });
  it("leaves a label difference across sections to the linker and pads with .org, as GNU as does (Linux's __bug_table)", () => {
    compareWithGas('bugtable', ['\t.section .rodata', '.LC0:\t.string "drv.c"', '\t.text', 'f:\tnop', '1:\tebreak',
      '\t.pushsection __bug_table,"aw"', '2:\t.word 1b - 2b', '\t.word .LC0 - 2b', '\t.half 42', '\t.half 9', '\t.org 2b + 16', '\t.popsection', '\tret', ''].join('\n'));
  });
  it('turns branches beyond ±4 KiB into an inverted branch over a jal, as GNU as does', () => {
    const nops = '\tnop\n'.repeat(1100);
    compareWithGas('far', `\t.text\nback:\n${nops}\tbeq a0, a1, back\n\tbnez a2, fwd\n\tbgtu a3, a4, fwd\n\tblt a5, a6, near\nnear:\n${nops}fwd:\n\tbge t0, t1, back\n\tret\n`);
  });

  it('assembles gcc -O0 and -O2 output of a C program identically to GNU as', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asm-'));
    const c = join(dir, 'p.c');
    writeFileSync(c, `
      struct S { int a; char b[10]; long long c; } g = { 1, "hi", 5 }, *gp = &g;
      static const char *names[] = { "zero", "one", "two" };
      long long f(long long a, long long b) { return a * b + (a >> 3); }
      int sw(int x) { switch (x) { case 1: return 3; case 2: return 7; case 3: return 9; case 4: return 11; case 5: return 2; default: return 0; } }
      int main(void) { volatile char *u = (char *)0x10000000; const char *s = names[g.a]; while (*s) *u = *s++; return sw(gp->b[0]) + (int)f(g.c, 3); }`);
    for (const opt of ['-O0', '-O2']) {
      const s = join(dir, `p${opt}.s`);
      execFileSync('riscv64-unknown-elf-gcc', ['-S', opt, ...KERNEL_C_TARGET, '-ffreestanding', '-o', s, c]);
      compareWithGas(`gcc${opt}`, readFileSync(s, 'utf8'));
    }
  });
});
