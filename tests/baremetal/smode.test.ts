// Differential tests of supervisor mode, delegation and PMP against QEMU:
// smode.c and pmp_smode.c, built with Debian's riscv64-unknown-elf-gcc, must
// print the same bytes on UART0 and power off with the same status on our
// VirtBoard as on `qemu-system-riscv32 -M virt -bios none` (deterministic:
// -icount shift=0,sleep=off; a QEMU timeout is reported as one).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtBoard } from '../../src/machine/board.ts';

const here = dirname(fileURLToPath(import.meta.url));
const build = join(here, 'build');
const PROGRAMS = ['smode', 'pmp_smode'];
const QEMU_TIMEOUT_STATUS = 124;

function compile(name: string): string {
  const elf = join(build, `${name}.elf`);
  execFileSync('riscv64-unknown-elf-gcc', [
    '-march=rv32ima_zicsr', '-mabi=ilp32', '-O2', '-nostdlib', '-nostartfiles', '-ffreestanding',
    '-Wl,--no-warn-rwx-segments', '-T', join(here, 'link.ld'), '-o', elf,
    join(here, 'crt0.S'), join(here, 'common.c'), join(here, `${name}.c`),
  ]);
  return elf;
}

interface Outcome {
  output: string;
  status: number | null;
}

function runQemu(elf: string): Outcome {
  const r = spawnSync('timeout', ['10', 'qemu-system-riscv32', '-M', 'virt', '-bios', 'none', '-nographic',
    '-no-reboot', '-icount', 'shift=0,sleep=off', '-kernel', elf], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'latin1' });
  if (r.error) throw r.error;
  return { output: r.stdout, status: r.status };
}

function runOurs(elf: string): Outcome & { notices: string[] } {
  const board = new VirtBoard();
  const notices: string[] = [];
  board.cpu.onNotice = (message) => notices.push(message);
  board.loadElf(readFileSync(elf), elf);
  let output = '';
  for (let slice = 0; slice < 20; slice++) {
    const stop = board.run(1_000_000);
    output += Buffer.from(board.takeUartOutput()).toString('latin1');
    if (stop.reason === 'poweroff') return { output, status: stop.exitCode, notices };
    if (stop.reason !== 'budget') return { output: `${output}\n[stopped: ${JSON.stringify(stop)}]`, status: null, notices };
  }
  return { output: `${output}\n[did not power off within 20M instructions]`, status: null, notices };
}

const elves = new Map<string, string>();

beforeAll(() => {
  mkdirSync(build, { recursive: true });
  for (const name of PROGRAMS) elves.set(name, compile(name));
});

describe('S mode, delegation and PMP print and exit as under QEMU', () => {
  for (const name of PROGRAMS) {
    it(`${name}.c`, () => {
      const elf = elves.get(name)!;
      const qemu = runQemu(elf);
      expect(qemu.status, `QEMU timed out on ${name}.elf: ${qemu.output}`).not.toBe(QEMU_TIMEOUT_STATUS);
      expect(qemu.status, `QEMU did not power off cleanly on ${name}.elf: ${qemu.output}`).toBe(0);
      const ours = runOurs(elf);
      expect(ours.output).toBe(qemu.output);
      expect(ours.status).toBe(qemu.status);
    });
  }

  it('smode.c reaches every trap it checks (the oracle is not trivially short)', () => {
    const qemu = runQemu(elves.get('smode')!);
    const expected = ['scause=0x00000003', 'scause=0x00000002', 'scause=0x80000001', 'scause=0x80000009', 'mcause=0x00000009',
      'mcause=0x80000003', 'mtval=0x10200073', 'mtval=0x10500073', 'mtval=0x12000073', 'ecall from U'];
    for (const cause of expected) {
      expect(qemu.output).toContain(cause);
    }
  });

  it('the fcsr access in smode.c tells the student once that this board has no FPU', () => {
    expect(runOurs(elves.get('smode')!).notices).toEqual(['this board has no FPU: build with -march=rv32imac -mabi=ilp32']);
  });
});
