// Builds the bare-metal programs of tests/baremetal with Debian's RISC-V gcc
// and asks QEMU what they print (through the shared oracles of
// tests/support/oracles.ts), so the browser tests compare against the real
// board, not a guess.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBaremetal as build, buildBaremetalAsm, runQemu } from '../../tests/support/oracles.ts';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'e2e-elf');

/** Compiles tests/baremetal/NAME.c into an ELF for QEMU's virt board; returns its path. */
export function buildBaremetal(name: string): string {
  mkdirSync(OUT, { recursive: true });
  return build(name, join(OUT, `${name}.elf`));
}

/** Assembles a bare-metal program from source text (entry _start, linked at RAM's base). */
export function buildAsm(name: string, source: string): string {
  mkdirSync(OUT, { recursive: true });
  const src = join(OUT, `${name}.S`);
  writeFileSync(src, source);
  return buildBaremetalAsm(src, join(OUT, `${name}.elf`));
}

/** What the program prints on QEMU's UART0 until it powers off, with `input` typed on it. */
export function qemuOutput(elf: string, input?: string): string {
  return runQemu(elf, { input }).output.replace(/\r\n/g, '\n');
}

/** The address of a symbol in the ELF, from binutils' nm. */
export function symbolAddress(elf: string, symbol: string): number {
  const line = execFileSync('riscv64-unknown-elf-nm', [elf], { encoding: 'utf8' })
    .split('\n').find((l) => l.trim().endsWith(` ${symbol}`));
  if (!line) throw new Error(`${elf} has no symbol ${symbol}`);
  return parseInt(line.trim().split(/\s+/)[0], 16);
}
