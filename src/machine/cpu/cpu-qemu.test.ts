// Differential tests of the hart against qemu-system-riscv32 -M virt: a
// gcc-built program (testdata/cpu-diff.c) prints M/A/Zicsr results and trap
// records on UART0, and random instruction sequences dump the registers and
// memory they leave; our transcript must equal QEMU's. The hart runs on a
// minimal stand-in for the board (RAM, UART0 transmit, finisher, CLINT msip),
// so this tests the CPU alone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWithCorpusRuntime, firstDifference, runQemu } from '../../../tests/support/oracles.ts';
import { runElfOnHart } from './test-machine.ts';

const HERE = new URL('.', import.meta.url).pathname;
const BENCH = join(HERE, '../../../scripts/bench');
const dir = mkdtempSync(join(tmpdir(), 'cpu-qemu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** gcc -O2 with the compiler corpus's start-up file and link script. */
function build(...sources: string[]): string {
  return buildWithCorpusRuntime(sources, join(dir, 'prog.elf'), { opt: '-O2', libc: false });
}

/**
 * A random straight-line-and-forward-branch program over every register but
 * s11 (scratch base) and t6 (temporary): ALU, M, loads/stores/atomics on a
 * scratch buffer, forward branches and jumps, CSR ops on mscratch. It ends by
 * saving all registers and calling dump() (testdata/fuzz-dump.c).
 */
function randomProgram(seed: number, length: number): string {
  let state = seed >>> 0;
  const rnd = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const pick = <T>(items: readonly T[]): T => items[rnd() % items.length];
  const regs = Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 27 && i !== 31);
  const r = () => `x${pick(regs)}`;
  const special = [0, 1, -1, 0x7fffffff, -0x80000000, 2, -2, 0x80, 0xffff, 31, 32, 7];
  const value = () => ((rnd() & 1) !== 0 ? pick(special) : rnd() | 0);
  const lines = ['.text', '.globl main', 'main:', 'la x27, scratch'];
  for (const i of regs) if (i !== 0) lines.push(`li x${i}, ${value()}`);
  const target = (i: number) => {
    const t = i + 2 + (rnd() % 3);
    return t >= length ? 'Lend' : `L${t}`;
  };
  const ops = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and',
    'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'];
  const amos = ['amoswap', 'amoadd', 'amoxor', 'amoand', 'amoor', 'amomin', 'amomax', 'amominu', 'amomaxu'];
  for (let i = 0; i < length; i++) {
    lines.push(`L${i}:`);
    const word = (rnd() % 64) * 4;
    switch (rnd() % 12) {
      case 0: case 1: case 2: lines.push(`${pick(ops)} ${r()}, ${r()}, ${r()}`); break;
      case 3: lines.push(`${pick(['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi'])} ${r()}, ${r()}, ${(rnd() % 4096) - 2048}`); break;
      case 4: lines.push(`${pick(['slli', 'srli', 'srai'])} ${r()}, ${r()}, ${rnd() % 32}`); break;
      case 5: lines.push(`${pick(['lui', 'auipc'])} ${r()}, ${rnd() % 0x100000}`); break;
      case 6: {
        const [op, align] = pick([['lb', 1], ['lbu', 1], ['lh', 2], ['lhu', 2], ['lw', 4]] as const);
        lines.push(`${op} ${r()}, ${word + align * (rnd() % (4 / align))}(x27)`);
        break;
      }
      case 7: {
        const [op, align] = pick([['sb', 1], ['sh', 2], ['sw', 4]] as const);
        lines.push(`${op} ${r()}, ${word + align * (rnd() % (4 / align))}(x27)`);
        break;
      }
      case 8: lines.push(`${pick(['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu'])} ${r()}, ${r()}, ${target(i)}`); break;
      case 9: lines.push(rnd() & 1 ? `jal ${r()}, ${target(i)}` : `la x31, ${target(i)}\njalr ${r()}, 0(x31)`); break;
      case 10:
        lines.push(`addi x31, x27, ${word}`);
        if (rnd() % 3 === 0) lines.push(`lr.w ${r()}, (x31)`, `${pick(['', 'sw x0, 0(x31)'])}`, `sc.w ${r()}, ${r()}, (x31)`);
        else lines.push(`${pick(amos)}.w ${r()}, ${r()}, (x31)`);
        break;
      default:
        lines.push(rnd() & 1 ? `${pick(['csrrw', 'csrrs', 'csrrc'])} ${r()}, mscratch, ${r()}`
          : `${pick(['csrrwi', 'csrrsi', 'csrrci'])} ${r()}, mscratch, ${rnd() % 32}`);
    }
  }
  lines.push('Lend:', 'la x31, regs');
  for (let i = 0; i < 32; i++) lines.push(`sw x${i}, ${4 * i}(x31)`);
  lines.push('la sp, __stack_top', 'la a0, regs', 'la a1, scratch', 'li a2, 64', 'call dump');
  lines.push('.data', '.align 4', 'scratch:', ...Array.from({ length: 64 }, () => `.word ${value()}`));
  lines.push('.bss', '.align 4', 'regs: .space 128');
  return lines.join('\n') + '\n';
}

describe('hart vs qemu-system-riscv32', () => {
  it('prints the same M/A/Zicsr results and trap records', () => {
    const elf = build(join(HERE, 'testdata/cpu-diff.c'));
    const qemu = runQemu(elf);
    expect(qemu.exitCode).toBe(0);
    expect(qemu.output).toContain('done');
    const ours = runElfOnHart(new Uint8Array(readFileSync(elf)));
    const difference = firstDifference(ours.out, qemu.output);
    expect(difference, difference).toBeUndefined();
    expect(ours.status).toBe(0);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`leaves the same registers and memory after random program #${seed}`, () => {
      const source = join(dir, `fuzz-${seed}.S`);
      writeFileSync(source, randomProgram(seed, 600));
      const elf = build(source, join(HERE, 'testdata/fuzz-dump.c'));
      const qemu = runQemu(elf);
      expect(qemu.output).toContain('x31=');
      const ours = runElfOnHart(new Uint8Array(readFileSync(elf)));
      const difference = firstDifference(ours.out, qemu.output);
      expect(difference, difference).toBeUndefined();
      expect(ours.status).toBe(qemu.exitCode);
    });
  }

  it('runs the benchmark program to the same result', () => {
    const elf = build(join(BENCH, 'cpu-bound.c'));
    const qemu = runQemu(elf);
    expect(qemu.output).toContain('result');
    const ours = runElfOnHart(new Uint8Array(readFileSync(elf)));
    expect(firstDifference(ours.out, qemu.output)).toBeUndefined();
    expect(ours.status).toBe(qemu.exitCode);
  });
});
