// Differential test: our disassembler against GNU objdump on gcc-built code
// (every instruction form, a compiled C program, with and without the C
// extension), on random 32-bit encodings and on every 16-bit one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disassemble } from './disasm.ts';
import { canonicalImmediateMnemonic } from './objdump-quirks.ts';
import { GUEST_ABI, GUEST_MARCH, gccText } from '../../../tests/support/oracles.ts';
import { RVC_EXPANSION } from './rvc.ts';

const HERE = new URL('.', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'disasm-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Line { addr: number; word: number; size: 2 | 4; text: string }

/** objdump's listing as (address, word, text) with symbols and comments dropped. */
function objdump(args: string[]): Line[] {
  const out = execFileSync('riscv64-unknown-elf-objdump', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines: Line[] = [];
  for (const raw of out.split('\n')) {
    const m = /^\s*([0-9a-f]+):\s+([0-9a-f]{8}|[0-9a-f]{4})\s+(.*)$/.exec(raw);
    if (!m) continue;
    const text = m[3].replace(/\s*#.*$/, '').replace(/\s*<[^>]*>/, '').replace(/\s+/, ' ').trim()
      .replace(/^\.4byte 0x([0-9a-f]+)$/, (_, h: string) => `.word 0x${h.padStart(8, '0')}`);
    lines.push({ addr: parseInt(m[1], 16), word: parseInt(m[2], 16), size: m[2].length === 4 ? 2 : 4, text: canonicalImmediateMnemonic(text) });
  }
  return lines;
}

/** Without symbols (a raw binary) objdump writes targets as 0x…, with them as bare hex. */
function bareTargets(lines: Line[]): Line[] {
  return lines.map((l) => (/^(c\.)?(j|jal|b[a-z]+) /.test(l.text) ? { ...l, text: l.text.replace(/0x([0-9a-f]+)$/, '$1') } : l));
}

/**
 * A `.word` in a code section that objdump shows as data (gas marks it so)
 * although its low bits say "16-bit instruction": the hart would fetch it as
 * one, so our disassembler decodes it as one; there is nothing to compare.
 */
function isDataWord(l: Line): boolean {
  return l.size === 4 && (l.word & 3) !== 3;
}

/** objdump -m riscv:rv32 still decodes RV64 shift amounts (>= 32), which RV32 reserves. */
function isRv64Shift(word: number): boolean {
  const f3 = (word >>> 12) & 7;
  return (word & 0x7f) === 0x13 && (f3 === 1 || f3 === 5) && (word & 0x0200_0000) !== 0;
}

function mismatches(lines: Line[], aliases: boolean): string[] {
  return lines
    .map((l) => ({ l, ours: disassemble(l.word, l.addr, { aliases }) }))
    .filter(({ l, ours }) => ours !== l.text)
    .map(({ l, ours }) => `${l.word.toString(16).padStart(8, '0')}: objdump "${l.text}" ours "${ours}"`);
}

function gcc(out: string, sources: string[], extra: string[] = [], march = `${GUEST_MARCH}_zifencei`): string {
  gccText([
    `-march=${march}`, `-mabi=${GUEST_ABI}`, '-nostdlib', '-nostartfiles', '-ffreestanding', '-O2',
    ...extra, ...sources, '-o', join(dir, out),
  ]);
  return join(dir, out);
}

describe('disassemble matches riscv64-unknown-elf-objdump', () => {
  for (const march of ['rv32ima_zicsr_zifencei', 'rv32imac_zicsr_zifencei']) {
    const allForms = gcc(`all-${march}.o`, ['-c', join(HERE, 'testdata/disasm-all.S')], [], march);
    const program = gcc(`bench-${march}.elf`, [join(HERE, '../../../tests/cc/gcc/crt0.S'), join(HERE, '../../../scripts/bench/cpu-bound.c')],
      ['-DROUNDS=1', '-Wl,--no-warn-rwx-segments', '-T', join(HERE, '../../../tests/cc/gcc/link.ld')], march);
    const compressed = march.includes('c_');
    for (const aliases of [true, false]) {
      const flags = aliases ? [] : ['-M', 'no-aliases'];
      const label = `${march}, ${aliases ? 'aliases' : 'no-aliases'}`;
      it(`on every instruction form (${label})`, () => {
        const lines = objdump(['-d', ...flags, allForms]).filter((l) => !isDataWord(l));
        expect(lines.length).toBeGreaterThan(140);
        expect(lines.some((l) => l.size === 2)).toBe(compressed);
        expect(mismatches(lines, aliases)).toEqual([]);
      });
      it(`on a gcc -O2 program (${label})`, () => {
        const lines = objdump(['-d', ...flags, program]).filter((l) => !isDataWord(l));
        expect(lines.length).toBeGreaterThan(200);
        expect(lines.some((l) => l.size === 2)).toBe(compressed);
        expect(mismatches(lines, aliases)).toEqual([]);
      });
    }
  }

  it('on every 16-bit encoding the hart runs, and on those neither decodes', () => {
    const halves = Array.from({ length: 0x10000 }, (_, h) => h).filter((h) => (h & 3) !== 3);
    const bin = join(dir, 'rvc.bin');
    writeFileSync(bin, new Uint8Array(new Uint16Array(halves).buffer));
    for (const aliases of [true, false]) {
      const lines = objdump(['-D', '-b', 'binary', '-m', 'riscv:rv32', ...(aliases ? [] : ['-M', 'no-aliases']), bin]);
      expect(lines.length).toBe(halves.length);
      // objdump also decodes what this hart reserves (F/D loads and stores, RV64 shift amounts, c.addi16sp 0).
      const comparable = bareTargets(lines).filter((l) => RVC_EXPANSION[l.word] !== 0 || /^(\.2byte|c?\.?unimp)/.test(l.text));
      expect(comparable.length).toBe(RVC_EXPANSION.filter((e, h) => e !== 0 && (h & 3) !== 3).length + 2408);
      expect(mismatches(comparable, aliases).slice(0, 20)).toEqual([]);
    }
  });

  it('on random encodings of the RV32IMA/Zicsr opcodes', () => {
    const opcodes = [0x03, 0x0f, 0x13, 0x17, 0x23, 0x2f, 0x33, 0x37, 0x63, 0x67, 0x6f, 0x73];
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const words = new Uint32Array(20000);
    for (let i = 0; i < words.length; i++) {
      let w = (random() ^ (random() << 16)) >>> 0;
      const opcode = opcodes[random() % opcodes.length];
      // Bias the rare fields (funct7 of OP, funct5 of AMO, SYSTEM's zero fields) towards valid values.
      if (opcode === 0x33 && (random() & 1)) w = (w & 0x01ffffff) | ([0, 1, 0x20][random() % 3] << 25);
      if (opcode === 0x73 && (random() & 3) === 0) w = [0x73, 0x00100073, 0x30200073, 0x10500073, 0x12000073][random() % 5];
      if (opcode === 0x0f && (random() & 1)) w &= 0xfff0707f;
      words[i] = ((w & ~0x7f) | opcode) >>> 0;
    }
    const bin = join(dir, 'random.bin');
    writeFileSync(bin, new Uint8Array(words.buffer));
    for (const aliases of [true, false]) {
      const lines = objdump(['-D', '-b', 'binary', '-m', 'riscv:rv32', ...(aliases ? [] : ['-M', 'no-aliases']), bin]);
      expect(lines.length).toBe(words.length);
      const comparable = bareTargets(lines).filter((l) => !isRv64Shift(l.word));
      expect(comparable.length).toBeGreaterThan(words.length - 500);
      expect(mismatches(comparable, aliases).slice(0, 20)).toEqual([]);
    }
  });
});
