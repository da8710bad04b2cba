// Slicing must be invisible to the guest: bare-metal programs from
// tests/baremetal, run through a Session in small, odd-sized slices, print
// and exit exactly as under qemu-system-riscv32 -M virt (the oracle).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVirtBoard } from './create-board.ts';
import { Session } from './session.ts';

const SRC = join(import.meta.dirname, '..', '..', 'tests', 'baremetal');
const OUT = mkdtempSync(join(tmpdir(), 'session-qemu-'));
/** Interrupts, wfi and traps: where a slice boundary could change what happens. */
const PROGRAMS = ['hello', 'timer', 'traps', 'vectored', 'irq_priority'];

function compile(name: string): string {
  const elf = join(OUT, `${name}.elf`);
  execFileSync('riscv64-unknown-elf-gcc', ['-march=rv32ima_zicsr', '-mabi=ilp32', '-O2', '-nostdlib', '-nostartfiles',
    '-ffreestanding', '-Wl,--no-warn-rwx-segments', '-T', join(SRC, 'link.ld'), '-o', elf,
    join(SRC, 'crt0.S'), join(SRC, 'common.c'), join(SRC, `${name}.c`)]);
  return elf;
}

function qemu(elf: string): { output: string; status: number | null } {
  const r = spawnSync('timeout', ['10', 'qemu-system-riscv32', '-M', 'virt', '-bios', 'none', '-nographic',
    '-no-reboot', '-kernel', elf], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'latin1' });
  return { output: r.stdout, status: r.status };
}

function sliced(elf: string, sliceInsns: number): { output: string; status: number | null } {
  const session = new Session(() => createVirtBoard());
  session.loadElf(elf, new Uint8Array(readFileSync(elf)));
  session.start(0);
  let output = '';
  for (let i = 0; i < 200_000 && session.state === 'running'; i++) {
    if (session.runSlice(sliceInsns, 0).waitMs === Infinity && session.state === 'running') break; // idle for good
    output += Buffer.from(session.takeUartOutput()).toString('latin1');
  }
  output += Buffer.from(session.takeUartOutput()).toString('latin1');
  const stop = session.stop;
  return { output, status: stop?.reason === 'poweroff' ? stop.exitCode : null };
}

describe('a session run in small slices behaves as QEMU', () => {
  for (const name of PROGRAMS) {
    it(`${name}.c`, () => {
      const elf = compile(name);
      const reference = qemu(elf);
      expect(reference.status, `QEMU did not finish ${name}`).not.toBe(124);
      expect(sliced(elf, 997)).toEqual(reference);
      expect(sliced(elf, 1)).toEqual(reference);
    });
  }
});
