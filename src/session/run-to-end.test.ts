// A run to the end (what `paravirt run-elf` does) through the session: the
// same output and exit status as QEMU whatever the slice size, and each way
// a run can end without powering off. Programs are built with gcc.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtBoard } from '../machine/board.ts';
import { VIRT_MEMMAP } from '../machine/memmap.ts';
import { createSessionBoard } from './create-board.ts';
import { runToEnd, type RunHost } from './run-to-end.ts';
import { buildBaremetal, gcc, runQemu } from '../../tests/support/oracles.ts';
import { Session } from './session.ts';

const OUT = mkdtempSync(join(tmpdir(), 'run-to-end-'));
const FINISH = (code: number) => `li t0, 0x100000\n li t1, ${(code << 16) | (code ? 0x3333 : 0x5555)}\n sw t1, 0(t0)\n j .`;

function compileC(name: string): string {
  return buildBaremetal(name, join(OUT, `${name}.elf`));
}

function asm(name: string, body: string): Uint8Array {
  const src = join(OUT, `${name}.S`);
  const elf = join(OUT, `${name}.elf`);
  writeFileSync(src, `.globl _start\n_start:\n${body}\n`);
  gcc(['-nostdlib', '-nostartfiles', '-Wl,-Ttext=0x80000000', '-Wl,--no-warn-rwx-segments', '-o', elf, src]);
  return new Uint8Array(readFileSync(elf));
}

function loaded(image: Uint8Array, options: ConstructorParameters<typeof Session>[1] = {}): Session {
  const session = new Session(createSessionBoard, options);
  session.loadElf('prog.elf', image);
  return session;
}

/** A host that collects UART output after every slice and counts the slices. */
function collector(session: Session): RunHost & { output: () => string; slices: number } {
  let output = '';
  const host = {
    slices: 0,
    output: () => output,
    afterSlice: () => {
      host.slices++;
      output += Buffer.from(session.takeUartOutput()).toString('latin1');
      return true;
    },
  };
  return host;
}

describe('runToEnd', () => {
  for (const name of ['hello', 'exit_code']) {
    it(`${name}.c prints and exits as under QEMU, in big slices and in small ones`, async () => {
      const elf = compileC(name);
      const reference = runQemu(elf);
      for (const sliceInsns of [4_000_000, 997]) {
        const session = loaded(new Uint8Array(readFileSync(elf)));
        const host = collector(session);
        const end = await runToEnd(session, host, { sliceInsns });
        expect(end.reason).toBe('poweroff');
        expect({ output: host.output(), exitCode: end.reason === 'poweroff' ? end.exitCode : null }).toEqual(reference);
      }
    });
  }

  it('stops at the instruction limit, exactly', async () => {
    const session = loaded(asm('spin', 'j .'));
    const end = await runToEnd(session, collector(session), { maxInsns: 12_345, sliceInsns: 1000 });
    expect(end).toEqual({ reason: 'limit', insns: 12_345 });
  });

  it('a guest reset (0x7777) boots again and runs on to the limit', async () => {
    const session = loaded(asm('reboot', `li t0, 0x10000000\n li t1, 'R'\n sb t1, 0(t0)\n li t0, 0x100000\n li t1, 0x7777\n sw t1, 0(t0)\n j .`));
    const host = collector(session);
    const end = await runToEnd(session, host, { maxInsns: 1000, sliceInsns: 100 });
    expect(end.reason).toBe('limit');
    expect(host.output()).toMatch(/^R{5,}$/);
  });

  it('an idle hart that nothing can wake is stuck, unless input comes', async () => {
    const echo = asm('echo', `la t0, handler\n csrw mtvec, t0
      li t0, 0xc000028\n li t1, 1\n sw t1, 0(t0)
      li t0, 0xc002000\n li t1, 0x400\n sw t1, 0(t0)
      li t0, 0x10000001\n li t1, 1\n sb t1, 0(t0)
      li t0, 0x800\n csrw mie, t0\n csrsi mstatus, 8
      wait: wfi\n j wait
      handler: li t0, 0xc200004\n lw t1, 0(t0)
      li t2, 0x10000000\n lb t3, 0(t2)\n sb t3, 0(t2)
      sw t1, 0(t0)\n li t4, 'q'\n beq t3, t4, done\n mret
      done: ${FINISH(0)}`);
    const alone = loaded(echo);
    expect((await runToEnd(alone, collector(alone))).reason).toBe('stuck');

    const session = loaded(echo);
    const typed = ['hi', 'q'];
    const host = collector(session);
    const end = await runToEnd(session, {
      ...host,
      waitForInput: async () => {
        const next = typed.shift();
        if (next !== undefined) session.sendUartInput(new TextEncoder().encode(next));
        return next !== undefined;
      },
    });
    expect(end).toMatchObject({ reason: 'poweroff', exitCode: 0 });
    expect(host.output()).toBe('hiq');
  });

  it('ends when the host says stop, and on a device error', async () => {
    const spin = loaded(asm('spin2', 'j .'));
    let slices = 0;
    expect(await runToEnd(spin, { afterSlice: () => ++slices < 3 }, { sliceInsns: 100 })).toEqual({ reason: 'stopped', insns: 300 });

    const probe = new VirtBoard();
    const command = VIRT_MEMMAP.platformBus.base + probe.platformBus.devices[0].mmioOffsets[1]; // the stopwatch's registers
    const bad = loaded(asm('bad-command', `li t0, ${command}\n li t1, 99\n sw t1, 0(t0)\n ${FINISH(0)}`));
    const end = await runToEnd(bad, collector(bad));
    expect(end).toMatchObject({ reason: 'device-error', device: 'stopwatch' });
  });
});
