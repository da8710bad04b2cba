// Builds the bare-metal programs of tests/baremetal with Debian's RISC-V gcc
// (the same command as tests/baremetal/run-qemu.sh) and asks QEMU what they
// print, so the browser tests compare against the real board, not a guess.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '..', '..', 'tests', 'baremetal');
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'e2e-elf');

/** Compiles tests/baremetal/NAME.c into an ELF for QEMU's virt board; returns its path. */
export function buildBaremetal(name: string): string {
  mkdirSync(OUT, { recursive: true });
  const elf = join(OUT, `${name}.elf`);
  execFileSync('riscv64-unknown-elf-gcc', [
    '-march=rv32ima_zicsr', '-mabi=ilp32', '-O2', '-nostdlib', '-nostartfiles', '-ffreestanding',
    '-Wl,--no-warn-rwx-segments', '-T', join(SRC, 'link.ld'), '-o', elf,
    join(SRC, 'crt0.S'), join(SRC, 'common.c'), join(SRC, `${name}.c`),
  ], { stdio: ['ignore', 'inherit', 'inherit'] });
  return elf;
}

/** Assembles a bare-metal program from source text (entry _start, linked at RAM's base). */
export function buildAsm(name: string, source: string): string {
  mkdirSync(OUT, { recursive: true });
  const src = join(OUT, `${name}.S`);
  const elf = join(OUT, `${name}.elf`);
  writeFileSync(src, source);
  execFileSync('riscv64-unknown-elf-gcc', ['-march=rv32ima_zicsr', '-mabi=ilp32', '-nostdlib', '-nostartfiles',
    '-Wl,-N', '-Wl,--no-warn-rwx-segments', '-Wl,-Ttext=0x80000000', '-Wl,-e,_start', '-o', elf, src], { stdio: ['ignore', 'inherit', 'inherit'] });
  return elf;
}

/** What the program prints on QEMU's UART0 within `seconds`, with no input. */
export function qemuOutput(elf: string, seconds = 2): string {
  const r = spawnSync('timeout', [String(seconds), 'qemu-system-riscv32', '-M', 'virt', '-bios', 'none',
    '-nographic', '-no-reboot', '-kernel', elf], { input: '', encoding: 'utf8' });
  return r.stdout.replace(/\r\n/g, '\n');
}

/** The address of a symbol in the ELF, from binutils' nm. */
export function symbolAddress(elf: string, symbol: string): number {
  const line = execFileSync('riscv64-unknown-elf-nm', [elf], { encoding: 'utf8' })
    .split('\n').find((l) => l.trim().endsWith(` ${symbol}`));
  if (!line) throw new Error(`${elf} has no symbol ${symbol}`);
  return parseInt(line.trim().split(/\s+/)[0], 16);
}
