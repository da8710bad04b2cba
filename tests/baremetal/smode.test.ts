// Differential tests of supervisor mode, delegation and PMP against QEMU:
// smode.c and pmp_smode.c, built with Debian's riscv64-unknown-elf-gcc, must
// print the same bytes on UART0 and power off with the same status on our
// VirtBoard as under QEMU (tests/support/oracles.ts: -icount, status checked,
// a hang reported as a hang).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBaremetal, HANG_GUARD_MS, runOnBoard, runQemu } from '../support/oracles.ts';

const here = dirname(fileURLToPath(import.meta.url));
const build = join(here, 'build');
const PROGRAMS = ['smode', 'pmp_smode'];
const elves = new Map<string, string>();

beforeAll(() => {
  mkdirSync(build, { recursive: true });
  for (const name of PROGRAMS) elves.set(name, buildBaremetal(name, join(build, `${name}.elf`)));
}, HANG_GUARD_MS);

describe('S mode, delegation and PMP print and exit as under QEMU', () => {
  for (const name of PROGRAMS) {
    it(`${name}.c`, () => {
      const elf = elves.get(name)!;
      const qemu = runQemu(elf);
      expect(qemu.exitCode, `QEMU did not power off cleanly on ${name}.elf: ${qemu.output}`).toBe(0);
      expect(runOnBoard(elf)).toEqual(qemu);
    });
  }

  it('smode.c reaches every trap it checks (the oracle is not trivially short)', () => {
    const qemu = runQemu(elves.get('smode')!);
    const expected = ['scause=0x00000003', 'scause=0x00000002', 'scause=0x80000001', 'scause=0x80000009', 'mcause=0x00000009',
      'mcause=0x80000003', 'mtval=0x10200073', 'mtval=0x10500073', 'mtval=0x12000073', 'ecall from U'];
    for (const cause of expected) expect(qemu.output).toContain(cause);
  });

  it('the fcsr access in smode.c tells the student once that this board has no FPU', () => {
    const notices: string[] = [];
    runOnBoard(elves.get('smode')!, { prepare: (board) => { board.cpu.onNotice = (message) => notices.push(message); } });
    expect(notices).toEqual(['this board has no FPU: build with -march=rv32imac -mabi=ilp32']);
  });
});
