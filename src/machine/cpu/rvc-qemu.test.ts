// Differential tests of the C extension against qemu-system-riscv32 -M virt
// (QEMU 7.2), with programs built for rv32imac: every 16-bit encoding run once
// (testdata/rvc-sweep.S: legality, mtval, where it went, registers and
// stores), random programs of compressed and 32-bit instructions that dump
// their registers and memory (testdata/fuzz-dump.c), and a gcc -O2 program.
// The hart runs on a minimal stand-in for the board (RAM, UART0 transmit,
// finisher), so this tests the CPU alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runElfOnHart } from './test-machine.ts';
import { runQemu as qemu } from '../../../tests/support/oracles.ts';

const HERE = new URL('.', import.meta.url).pathname;
const GCC_RUNTIME = join(HERE, '../../../tests/cc/gcc');
const dir = mkdtempSync(join(tmpdir(), 'rvc-qemu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(name: string, ...sources: string[]): string {
  const elf = join(dir, `${name}.elf`);
  execFileSync('riscv64-unknown-elf-gcc', [
    '-march=rv32imac_zicsr_zifencei', '-mabi=ilp32', '-nostdlib', '-nostartfiles', '-ffreestanding', '-O2',
    '-Wl,--no-warn-rwx-segments', '-T', join(GCC_RUNTIME, 'link.ld'), join(GCC_RUNTIME, 'crt0.S'), ...sources, '-o', elf,
  ]);
  return elf;
}

/** QEMU's UART0 transcript; fails the test unless QEMU powered off with status 0. */
function runQemu(elf: string): string {
  const r = qemu(elf);
  if (r.exitCode !== 0) throw new Error(`qemu-system-riscv32 exited with status ${r.exitCode} running ${elf}`);
  return r.output.replace(/\r/g, '');
}

function firstDifference(ours: string, qemu: string): string | undefined {
  const a = ours.split('\n'), b = qemu.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: ours ${JSON.stringify(a[i])}, QEMU ${JSON.stringify(b[i])}`;
  }
  return undefined;
}

/**
 * A random program of RV32C instructions (every kind but c.addi16sp and
 * c.ebreak) mixed with 32-bit ALU, M, load/store and branch instructions.
 * sp (x2) and s11 (x27) hold the scratch buffer's address, t6 (x31) is a
 * temporary; every other register is fair game. Hints go in as .2byte, since
 * the assembler refuses them. It ends by dumping registers and scratch and
 * powering off.
 */
function randomCompressedProgram(seed: number, length: number): string {
  let state = seed >>> 0;
  const rnd = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const pick = <T>(items: readonly T[]): T => items[rnd() % items.length];
  const free = Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 0 && i !== 2 && i !== 27 && i !== 31);
  const r = () => `x${pick(free)}`;
  const rc = () => `x${8 + (rnd() % 8)}`; // the registers a 3-bit field names
  const imm6 = () => (rnd() % 64) - 32;
  const nz6 = () => { const v = imm6(); return v === 0 ? 1 : v; };
  const special = [0, 1, -1, 0x7fffffff, -0x80000000, 2, -2, 0x80, 0xffff, 31, 32, 7];
  const value = () => ((rnd() & 1) !== 0 ? pick(special) : rnd() | 0);
  const lines = ['.text', '.globl main', 'main:', 'la x27, scratch', 'mv x2, x27'];
  for (const i of free) lines.push(`li x${i}, ${value()}`);
  const target = (i: number) => { const t = i + 2 + (rnd() % 3); return t >= length ? 'Lend' : `L${t}`; };
  const hints = [0x4005, 0x1001, 0x6005, 0x8006, 0x9006, 0x0006, 0x8101, 0x8501, 0x0002, 0x0001];
  for (let i = 0; i < length; i++) {
    lines.push(`L${i}:`);
    switch (rnd() % 16) {
      case 0: lines.push(`c.addi ${r()}, ${nz6()}`, `c.li ${r()}, ${imm6()}`); break;
      case 1: lines.push(rnd() & 1 ? `c.lui ${pick(free.filter((x) => x !== 2))}, ${1 + (rnd() % 31)}` : `c.lui ${r()}, ${0xfffe0 + (rnd() % 32)}`); break;
      case 2: lines.push(`${pick(['c.srli', 'c.srai'])} ${rc()}, ${1 + (rnd() % 31)}`, `c.slli ${r()}, ${1 + (rnd() % 31)}`); break;
      case 3: lines.push(`c.andi ${rc()}, ${imm6()}`, `${pick(['c.sub', 'c.xor', 'c.or', 'c.and'])} ${rc()}, ${rc()}`); break;
      case 4: lines.push(`c.mv ${r()}, ${r()}`, `c.add ${r()}, ${r()}`); break;
      case 5: lines.push(`c.addi4spn ${rc()}, sp, ${4 * (1 + (rnd() % 255))}`); break;
      case 6: {
        const base = rc();
        lines.push(`mv ${base}, x27`, `${pick(['c.lw', 'c.sw'])} ${rc()}, ${4 * (rnd() % 32)}(${base})`);
        break;
      }
      case 7: lines.push(rnd() & 1 ? `c.lwsp ${r()}, ${4 * (rnd() % 64)}(sp)` : `c.swsp ${r()}, ${4 * (rnd() % 64)}(sp)`); break;
      case 8: lines.push(`${pick(['c.beqz', 'c.bnez'])} ${rc()}, ${target(i)}`); break;
      case 9: lines.push(`${pick(['c.j', 'c.jal'])} ${target(i)}`); break;
      case 10: lines.push(`la x31, ${target(i)}`, `${pick(['c.jr', 'c.jalr'])} x31`); break;
      case 11: lines.push(`.2byte ${pick(hints)}`); break;
      case 12: lines.push(`${pick(['add', 'sub', 'mul', 'mulh', 'divu', 'rem', 'sltu', 'sra'])} ${r()}, ${r()}, ${r()}`); break;
      case 13: lines.push(`${pick(['lw', 'sw'])} ${r()}, ${4 * (rnd() % 64)}(x27)`, `${pick(['lh', 'lbu'])} ${r()}, ${rnd() % 255}(x27)`); break;
      case 14: lines.push(`${pick(['beq', 'bne', 'blt', 'bgeu'])} ${r()}, ${r()}, ${target(i)}`); break;
      default: lines.push(`jal ${r()}, ${target(i)}`);
    }
  }
  lines.push('Lend:', 'la x31, regs');
  for (let i = 0; i < 32; i++) lines.push(`sw x${i}, ${4 * i}(x31)`);
  lines.push('la sp, __stack_top', 'la a0, regs', 'la a1, scratch', 'li a2, 64', 'call dump');
  lines.push('li t0, 0x100000', 'li t1, 0x5555', 'sw t1, 0(t0)', '1: j 1b'); // power off (test finisher)
  lines.push('.data', '.align 4', 'scratch:', ...Array.from({ length: 64 }, () => `.word ${value()}`));
  lines.push('.bss', '.align 4', 'regs: .space 128');
  return lines.join('\n') + '\n';
}

describe('RV32C on the hart vs qemu-system-riscv32', () => {
  it('runs every 16-bit encoding as QEMU does (legal or not, where it goes, what it writes)', () => {
    const elf = build('sweep', join(HERE, 'testdata/rvc-sweep.S'));
    const qemu = runQemu(elf);
    expect(qemu.split('\n').filter((l) => l !== '')).toHaveLength(1024);
    expect(qemu).toContain('I'); // some illegal encodings…
    expect(qemu).toContain('j'); // …and some that jumped
    const ours = runElfOnHart(new Uint8Array(readFileSync(elf)));
    const difference = firstDifference(ours.out, qemu);
    expect(difference, difference).toBeUndefined();
    expect(ours.status).toBe(0);
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`leaves the same registers and memory after random compressed program #${seed}`, () => {
      const source = join(dir, `rvc-fuzz-${seed}.S`);
      writeFileSync(source, randomCompressedProgram(seed, 500));
      const elf = build(`rvc-fuzz-${seed}`, source, join(HERE, 'testdata/fuzz-dump.c'));
      const qemu = runQemu(elf);
      expect(qemu).toContain('x31=');
      const ours = runElfOnHart(new Uint8Array(readFileSync(elf)));
      const difference = firstDifference(ours.out, qemu);
      expect(difference, difference).toBeUndefined();
    });
  }

  it('runs the benchmark program built for rv32imac to the same result', () => {
    const elf = build('bench', '-DROUNDS=1', join(HERE, '../../../scripts/bench/cpu-bound.c'));
    const qemu = runQemu(elf);
    expect(qemu).toContain('result');
    const ours = runElfOnHart(new Uint8Array(readFileSync(elf)));
    expect(firstDifference(ours.out, qemu)).toBeUndefined();
    expect(ours.status).toBe(0);
  });
});
