// Builds the stopwatch bare-metal programs with the Debian cross gcc, against
// the board engineer's crt0/linker script and the header rendered from the
// device's register constants.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStopwatchHeader } from '../../src/machine/devices/stopwatch/stopwatch-regs.ts';
import { BAREMETAL_DIR, buildBaremetalFrom } from '../support/oracles.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const BUILD = join(here, 'build');

export function buildProgram(source: string, output: string, defines: string[] = []): Uint8Array {
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(join(BUILD, 'stopwatch_hw-sw.h'), renderStopwatchHeader());
  const elf = join(BUILD, output);
  buildBaremetalFrom([join(BAREMETAL_DIR, 'common.c'), join(here, source)], elf,
    ['-O2', '-Wall', '-Werror', `-I${BUILD}`, ...defines.map((d) => `-D${d}`)]);
  return readFileSync(elf);
}
