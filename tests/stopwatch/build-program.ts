// Builds the stopwatch bare-metal programs with the Debian cross gcc, against
// the board engineer's crt0/linker script and the header rendered from the
// device's register constants.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStopwatchHeader } from '../../src/machine/devices/stopwatch/stopwatch-regs.ts';

const here = dirname(fileURLToPath(import.meta.url));
const baremetal = join(here, '..', 'baremetal');
export const BUILD = join(here, 'build');

export function buildProgram(source: string, output: string, defines: string[] = []): Uint8Array {
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(join(BUILD, 'stopwatch_hw-sw.h'), renderStopwatchHeader());
  const elf = join(BUILD, output);
  execFileSync('riscv64-unknown-elf-gcc', [
    '-march=rv32ima_zicsr', '-mabi=ilp32', '-O2', '-nostdlib', '-nostartfiles', '-ffreestanding', '-Wall', '-Werror',
    '-Wl,--no-warn-rwx-segments', '-T', join(baremetal, 'link.ld'), `-I${BUILD}`, ...defines.map((d) => `-D${d}`),
    '-o', elf, join(baremetal, 'crt0.S'), join(baremetal, 'common.c'), join(here, source),
  ], { stdio: 'pipe' });
  return readFileSync(elf);
}
