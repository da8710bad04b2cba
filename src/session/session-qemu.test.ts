// Slicing must be invisible to the guest: bare-metal programs from
// tests/baremetal, run through a Session in small, odd-sized slices, print
// and exit exactly as under qemu-system-riscv32 -M virt (the oracle).

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVirtBoard } from './create-board.ts';
import { Session } from './session.ts';
import { buildBaremetal, runQemu, type GuestRun } from '../../tests/support/oracles.ts';

const OUT = mkdtempSync(join(tmpdir(), 'session-qemu-'));
/** Interrupts, wfi and traps: where a slice boundary could change what happens. */
const PROGRAMS = ['hello', 'timer', 'traps', 'vectored', 'irq_priority'];

function sliced(elf: string, sliceInsns: number): Omit<GuestRun, 'exitCode'> & { exitCode: number | null } {
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
  return { output, exitCode: stop?.reason === 'poweroff' ? stop.exitCode : null };
}

describe('a session run in small slices behaves as QEMU', () => {
  for (const name of PROGRAMS) {
    it(`${name}.c`, () => {
      const elf = buildBaremetal(name, join(OUT, `${name}.elf`));
      const reference = runQemu(elf);
      expect(sliced(elf, 997)).toEqual(reference);
      expect(sliced(elf, 1)).toEqual(reference);
    });
  }
});
