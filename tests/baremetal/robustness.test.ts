// Hostile guests: programs that jump to nowhere, storm traps through an
// unmapped mtvec or scribble over every device register. The board must keep
// going as QEMU does (its `-d int` trap log is the oracle), never throw.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtBoard } from '../../src/machine/board.ts';
import { HANG_GUARD_MS, buildBaremetalAsm, qemuTrapLog, runCli, runOnBoard, runQemu } from '../support/oracles.ts';

const here = dirname(fileURLToPath(import.meta.url));
const build = join(here, 'build');

const POWER_OFF = '  li t0, 0x100000\n  li t1, 0x5555\n  sw t1, 0(t0)\n1: j 1b\n';

/** Each an assembly program; `_start` is the entry. */
const PROGRAMS: Record<string, string> = {
  jump_to_zero: '  li t0, 0\n  jr t0\n',
  unmapped_mtvec: '  li t0, 0x08000000\n  csrw mtvec, t0\n  .word 0\n',
  mret_to_nowhere: '  li t0, 0x08000000\n  csrw mepc, t0\n  mret\n',
  fetch_from_uart: '  li t0, 0x10000000\n  jr t0\n',
  // Word, halfword and byte writes of 0xdeadbeef all over the CLINT, the PLIC's
  // source and context registers (and the gap between) and UART0, then all read
  // back; traps skip the faulting instruction. QEMU has no stopwatch: its part
  // is a separate program.
  scribble: `  la t0, skip\n  csrw mtvec, t0\n  li s1, 0xdeadbeef
  li a0, 0x02000000\n  li a1, 0x02010000\n  call fill
  li a0, 0x0c000000\n  li a1, 0x0c004000\n  call fill
  li a0, 0x0c1ff000\n  li a1, 0x0c203000\n  call fill
  li a0, 0x10000000\n  li a1, 0x10000100\n  call fill
  li a0, 0x02000000\n  li a1, 0x02010000\n  call readall
  li a0, 0x0c000000\n  li a1, 0x0c004000\n  call readall
  li a0, 0x0c1ff000\n  li a1, 0x0c203000\n  call readall
  li a0, 0x10000000\n  li a1, 0x10000100\n  call readall
${POWER_OFF}fill: sw s1, 0(a0)\n  sh s1, 2(a0)\n  sb s1, 1(a0)\n  addi a0, a0, 4\n  bltu a0, a1, fill\n  ret
readall: lw t1, 0(a0)\n  lh t1, 2(a0)\n  lb t1, 1(a0)\n  addi a0, a0, 4\n  bltu a0, a1, readall\n  ret
  .balign 4\nskip: csrr t0, mepc\n  addi t0, t0, 4\n  csrw mepc, t0\n  mret\n`,
  // One access per line of the table below; the trap handler prints mcause + '0',
  // every access a '.': which widths each device takes, and where it ends.
  access_widths: `  la t0, report\n  csrw mtvec, t0\n  li s0, 0x10000000
${[
    ['lb', 0x100000, 0], ['lh', 0x100000, 0], ['sb', 0x100000, 4], ['sh', 0x100000, 4], // finisher: 16/32-bit
    ['lh', 0x2000000, 0], ['sb', 0x2004000, 0], ['lw', 0x200bffc, 0], ['lw', 0x200c000, 0], // CLINT: 32-bit, ends at 0xc000
    ['lb', 0xc000000, 4], ['sh', 0xc002000, 0], ['lw', 0xc200004, 0], // PLIC: 32-bit
    ['lhu', 0x10000000, 4], ['lbu', 0x10000000, 7], ['lbu', 0x10000000, 8], ['lw', 0x10000000, 0xfc], // UART0: 8 bytes
  ].map(([op, base, off]) => `  li a0, ${base}\n  ${op} ${String(op).startsWith('s') ? 'zero' : 't1'}, ${off}(a0)\n  li t2, 46\n  sb t2, 0(s0)\n`).join('')}\
  li t2, 10\n  sb t2, 0(s0)\n${POWER_OFF}  .balign 4
report: csrr t0, mepc\n  addi t0, t0, 4\n  csrw mepc, t0\n  csrr t2, mcause\n  addi t2, t2, 48\n  sb t2, 0(s0)\n  mret\n`,
  scribble_stopwatch: '  li t0, 0x04000090\n  li t1, 0xdeadbeef\n  sb t1, 0(t0)\n' + POWER_OFF,
  amo_on_device: '  li t0, 0x04000090\n  amoadd.w t1, t1, (t0)\n' + POWER_OFF,
  uart_flood: '  li t0, 0x10000000\n  li t2, 1000000\n1: andi t1, t2, 63\n  addi t1, t1, 48\n  sb t1, 0(t0)\n'
    + '  addi t2, t2, -1\n  bnez t2, 1b\n' + POWER_OFF,
};

const elves = new Map<string, string>();

beforeAll(() => {
  mkdirSync(build, { recursive: true });
  for (const [name, body] of Object.entries(PROGRAMS)) {
    const source = join(build, `${name}.S`);
    // .option norvc: the handlers skip a faulting access by adding 4 to mepc.
    writeFileSync(source, `  .option norvc\n  .section .text.init\n  .globl _start\n_start:\n${body}`);
    elves.set(name, buildBaremetalAsm(source, join(build, `${name}.elf`)));
  }
}, HANG_GUARD_MS);

interface Trap { cause: number; epc: number; tval: number }

/** The first traps QEMU takes, from its `-d int` log (QEMU is stopped once enough is logged). */
function qemuTraps(elf: string, count: number): Trap[] {
  const traps = [...qemuTrapLog(elf, 64 * 1024).matchAll(/cause:([0-9a-f]+), epc:0x([0-9a-f]+), tval:0x([0-9a-f]+)/g)]
    .map((m) => ({ cause: parseInt(m[1], 16), epc: parseInt(m[2], 16), tval: parseInt(m[3], 16) }));
  return traps.slice(0, count);
}

function ourTraps(elf: string, count: number): Trap[] {
  const board = new VirtBoard();
  board.tracer.enabled = true;
  board.loadElf(readFileSync(elf));
  expect(board.run(1_000).reason).toBe('budget'); // it runs on, trapping (few enough that the trace ring keeps the first)
  const first = board.tracer.drain();
  expect(board.run(1_000_000).reason).toBe('budget'); // and on
  return first.flatMap((e) => (e.kind === 'trap' ? [{ cause: e.cause, epc: e.epc >>> 0, tval: e.tval >>> 0 }] : []))
    .slice(0, count);
}

describe('a guest that loses control keeps trapping, as on QEMU', () => {
  it.each(['jump_to_zero', 'unmapped_mtvec', 'mret_to_nowhere'])('%s: the same first traps as QEMU -d int', (name) => {
    const qemu = qemuTraps(elves.get(name)!, 6);
    expect(qemu).toHaveLength(6);
    expect(ourTraps(elves.get(name)!, 6)).toEqual(qemu);
  });

  it('a fetch from a device register is an instruction access fault (QEMU 7.2 instead executes what the register reads)', () => {
    expect(ourTraps(elves.get('fetch_from_uart')!, 1)).toEqual([{ cause: 1, epc: 0x1000_0000, tval: 0x1000_0000 }]);
  });
});

describe('a guest that scribbles over every device register', () => {
  it('prints and exits as under QEMU (CLINT, PLIC, UART0)', () => {
    const elf = elves.get('scribble')!;
    const qemu = runQemu(elf);
    expect(qemu.exitCode).toBe(0);
    expect(runOnBoard(elf, { board: { stopwatch: null } })).toEqual(qemu);
  });

  it('takes and refuses the same access widths and offsets as QEMU', () => {
    const elf = elves.get('access_widths')!;
    const qemu = runQemu(elf);
    expect(qemu).toMatchObject({ output: expect.stringMatching(/^[.57]{15,}\n$/), exitCode: 0 });
    expect(runOnBoard(elf, { board: { stopwatch: null }, maxInsns: 1_000_000 })).toEqual(qemu);
  });

  it.each(['scribble_stopwatch', 'amo_on_device'])('%s: the stopwatch stops the machine with a device error, nothing thrown', (name) => {
    const board = new VirtBoard();
    board.loadElf(readFileSync(elves.get(name)!));
    const stop = board.run(1_000_000);
    expect(stop).toMatchObject({ reason: 'device-error', device: 'stopwatch' });
    board.reset();
    expect(board.run(1_000_000).reason).toBe('device-error');
  });
});

it('paravirt run-elf streams a megabyte of UART output whole, then exits 0', { timeout: HANG_GUARD_MS }, () => {
  const r = runCli(['run-elf', elves.get('uart_flood')!], { maxBuffer: 4 << 20 });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toHaveLength(1_000_000);
  expect(r.stdout.slice(0, 4)).toBe(String.fromCharCode(48 + (1_000_000 & 63), 48 + (999_999 & 63), 48 + (999_998 & 63), 48 + (999_997 & 63)));
});
