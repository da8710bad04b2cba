// The oracle helpers report what went wrong as what it is: a hang as a hang
// (QemuTimeout), a tool's failure with its messages, a guest that never powers
// off on our board with its output so far.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QemuTimeout, buildBaremetalAsm, gcc, runOnBoard, runQemu } from './oracles.ts';

const dir = mkdtempSync(join(tmpdir(), 'oracles-'));

function asm(name: string, body: string): string {
  const source = join(dir, `${name}.S`);
  writeFileSync(source, `  .section .text.init\n  .globl _start\n_start:\n${body}`);
  return buildBaremetalAsm(source, join(dir, `${name}.elf`));
}

const SPIN = '  li t0, 0x10000000\n  li t1, 0x2e\n  sb t1, 0(t0)\n1: j 1b\n';
const EXIT_5 = '  li t0, 0x100000\n  li t1, 0x53333\n  sw t1, 0(t0)\n1: j 1b\n';

describe('the oracle helpers', () => {
  it('report a guest that never stops as a QEMU timeout, not as a wrong output', () => {
    const elf = asm('spin', SPIN);
    expect(() => runQemu(elf, { timeoutMs: 2_000 })).toThrow(QemuTimeout);
    expect(() => runQemu(elf, { timeoutMs: 2_000 })).toThrow(/QEMU did not finish spin\.elf within 2 s \(killed by the time limit\)/);
  });

  it('return the exit status the guest powered off with, on QEMU and on our board alike', () => {
    const elf = asm('exit5', EXIT_5);
    expect(runQemu(elf)).toEqual({ output: '', exitCode: 5 });
    expect(runOnBoard(elf)).toEqual({ output: '', exitCode: 5 });
  });

  it('say when a program does not power off on our board, with what it printed', () => {
    expect(() => runOnBoard(asm('spin-board', SPIN), { maxInsns: 10_000 }))
      .toThrow(/spin-board\.elf did not power off on our board within 10000 instructions; output so far:\n\.$/);
  });

  it('pass on gcc\'s own error message when a build fails', () => {
    const source = join(dir, 'bad.c');
    writeFileSync(source, 'int main(void) { return undeclared; }\n');
    expect(() => gcc(['-c', source, '-o', join(dir, 'bad.o')])).toThrow(/exit status 1[\s\S]*'undeclared' undeclared/);
  });
});
