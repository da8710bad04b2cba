// A session drives the real virt board in bounded slices: what a student sees
// (UART output, the stop reason, registers) must not depend on how the run
// was sliced, paused, stepped or broken at. Programs are built with gcc.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVirtBoard } from './create-board.ts';
import { canonicalImmediateMnemonic } from '../machine/cpu/objdump-quirks.ts';
import { Session, SessionError } from './session.ts';
import { clintSleepProgram } from './test-programs.ts';
import { gcc } from '../../tests/support/oracles.ts';

const dir = mkdtempSync(join(tmpdir(), 'session-test-'));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** objdump -d's text for each address: the reference disassembly. */
function objdump(elf: Uint8Array): Map<number, string> {
  const file = join(dir, 'objdump-input.elf');
  writeFileSync(file, elf);
  const lines = new Map<number, string>();
  for (const line of execFileSync('riscv64-unknown-elf-objdump', ['-d', file]).toString().split('\n')) {
    const m = /^([0-9a-f]+):\t[0-9a-f]+\s+\t(\S+)(?:\t(.*))?$/.exec(line);
    if (m) lines.set(parseInt(m[1], 16), canonicalImmediateMnemonic(`${m[2]} ${(m[3] ?? '').replace(/\s*<.*>$/, '').replace(/\s*#.*$/, '')}`.trim()));
  }
  return lines;
}

/** Assembles and links a bare-metal program for the virt board; returns the ELF and its symbols. */
function buildAsm(name: string, source: string): { elf: Uint8Array; sym: Record<string, number> } {
  const src = join(dir, `${name}.S`);
  const elf = join(dir, `${name}.elf`);
  writeFileSync(src, source);
  gcc(['-nostdlib', '-nostartfiles',
    '-Wl,-N', '-Wl,--no-warn-rwx-segments', '-Wl,-Ttext=0x80000000', '-Wl,-e,_start', '-o', elf, src]);
  const sym: Record<string, number> = {};
  for (const line of execFileSync('riscv64-unknown-elf-nm', [elf]).toString().split('\n')) {
    const [addr, , symbol] = line.trim().split(/\s+/);
    if (symbol) sym[symbol] = parseInt(addr, 16);
  }
  return { elf: new Uint8Array(readFileSync(elf)), sym };
}

// Prints a line, counts a3 down from 100000, then fails with exit code 7.
const COUNTDOWN = buildAsm('countdown', `
  .option norvc  # fixed 4-byte instructions: the tests name their addresses
  .globl _start
_start:
  li t0, 0x10000000
  la a1, msg
1: lbu a2, 0(a1)
  beqz a2, 2f
  sb a2, 0(t0)
  addi a1, a1, 1
  j 1b
2: li a3, 100000
loop: addi a3, a3, -1
  bnez a3, loop
  .globl done
done:
  li t1, 0x100000
  li t2, (7 << 16) | 0x3333
  sw t2, 0(t1)
3: j 3b
msg: .string "hello from the guest\\n"
`);

// Reads fcsr twice (illegal without an FPU; the handler skips it), then powers off with status 0.
const FP_USER = buildAsm('fp-user', `
  .option norvc  # fixed 4-byte instructions: the tests name their addresses
  .globl _start
_start:
  la t0, handler
  csrw mtvec, t0
  .word 0x00302573
  .word 0x00302573
  li t1, 0x100000
  li t2, 0x5555
  sw t2, 0(t1)
1: j 1b
handler:
  csrr t0, mepc
  addi t0, t0, 4
  csrw mepc, t0
  mret
`);

// Arms the CLINT timer 10 ms of virtual time ahead, sleeps in wfi, powers off.
const SLEEPER = buildAsm('sleeper', clintSleepProgram(10));

function loaded(program = COUNTDOWN): Session {
  const session = new Session(() => createVirtBoard());
  session.loadElf('prog.elf', program.elf);
  return session;
}

/** Runs slice after slice until the session leaves 'running'; returns UART output and slice count. */
function runToStop(session: Session, sliceInsns: number, wallMs = () => 0): { out: string; slices: number } {
  let out = '';
  let slices = 0;
  session.start(wallMs());
  while (session.state === 'running' && slices < 1_000_000) {
    session.runSlice(sliceInsns, wallMs());
    out += text(session.takeUartOutput());
    slices++;
  }
  return { out, slices };
}

describe('Session', () => {
  it('runs a program in many small slices to the same end as in one big one', () => {
    const small = loaded();
    const a = runToStop(small, 997);
    const big = loaded();
    const b = runToStop(big, 50_000_000);
    expect(a.slices).toBeGreaterThan(100);
    expect(a.out).toBe('hello from the guest\n');
    expect(b.out).toBe(a.out);
    expect(small.state).toBe('halted');
    expect(small.stop).toEqual({ reason: 'poweroff', exitCode: 7 });
    expect(small.registers()!.instret).toBe(big.registers()!.instret);
  });

  it('stops at a breakpoint with the registers of that moment, then runs on from it', () => {
    const s = loaded();
    s.setBreakpoints([COUNTDOWN.sym.done]);
    runToStop(s, 10_000);
    expect(s.state).toBe('paused');
    expect(s.stop).toEqual({ reason: 'breakpoint', pc: COUNTDOWN.sym.done });
    const regs = s.registers()!;
    expect(regs.pc).toBe(COUNTDOWN.sym.done);
    expect(regs.x[13]).toBe(0); // a3 counted down to zero
    runToStop(s, 10_000);
    expect(s.stop).toEqual({ reason: 'poweroff', exitCode: 7 });
  });

  it('steps exactly the number of instructions asked for, from the boot ROM on', () => {
    const s = loaded();
    expect(s.registers()!.pc).toBe(0x1000);
    expect(s.step(1)).toEqual({ reason: 'step', count: 1, waiting: false });
    expect(s.registers()!.pc).toBe(0x1004);
    expect(s.step(3)).toEqual({ reason: 'step', count: 3, waiting: false });
    expect(s.registers()!.instret).toBe(4);
  });

  it('steps off a breakpoint it stopped at', () => {
    const s = loaded();
    s.setBreakpoints([COUNTDOWN.sym.loop]);
    runToStop(s, 1000);
    expect(s.stop).toEqual({ reason: 'breakpoint', pc: COUNTDOWN.sym.loop });
    const before = s.registers()!.x[13];
    s.step(2);
    expect(s.registers()!.x[13]).toBe(before - 1);
    expect(s.registers()!.pc).toBe(COUNTDOWN.sym.loop);
  });

  it('pauses between slices and resumes where it was', () => {
    const s = loaded();
    s.start(0);
    s.runSlice(5000, 0);
    s.pause();
    expect(s.state).toBe('paused');
    expect(s.stop).toEqual({ reason: 'pause' });
    const instret = s.registers()!.instret;
    expect(s.runSlice(5000, 0)).toEqual({ insns: 0, waitMs: Infinity });
    expect(s.registers()!.instret).toBe(instret);
    expect(runToStop(s, 5000).out).toBe('hello from the guest\n'); // nothing lost across the pause
  });

  it('reset boots the same program again', () => {
    const s = loaded();
    expect(runToStop(s, 100_000).out).toBe('hello from the guest\n');
    expect(() => s.start(0)).toThrow(/Reset/);
    s.reset();
    expect(s.state).toBe('paused');
    expect(runToStop(s, 100_000).out).toBe('hello from the guest\n');
  });

  it('refuses a file that is not an ELF with a message that names it, and keeps the old program', () => {
    const s = new Session(() => createVirtBoard());
    const notElf = new TextEncoder().encode('these are my lecture notes\n');
    expect(() => s.loadElf('notes.txt', notElf)).toThrow(SessionError);
    expect(() => s.loadElf('notes.txt', notElf)).toThrow(/"notes\.txt" is not an ELF file/);
    expect(s.state).toBe('empty');
    expect(() => s.start(0)).toThrow(/load a RISC-V ELF/);
    s.loadElf('prog.elf', COUNTDOWN.elf);
    expect(() => s.loadElf('notes.txt', notElf)).toThrow(SessionError);
    expect(s.programName).toBe('prog.elf');
    expect(runToStop(s, 100_000).out).toBe('hello from the guest\n');
  });

  it('in fast-forward, a sleeping hart skips straight to its timer', () => {
    const s = loaded(SLEEPER);
    const { slices } = runToStop(s, 100_000);
    expect(s.stop).toEqual({ reason: 'poweroff', exitCode: 0 });
    expect(slices).toBe(1);
    expect(s.registers()!.timeNs).toBeGreaterThanOrEqual(10_000_000);
  });

  it('in real time, a sleeping hart waits for the wall clock and never runs ahead of it', () => {
    const s = loaded(SLEEPER);
    let wall = 1000;
    s.setSpeed('realtime', wall);
    s.start(wall);
    const first = s.runSlice(100_000, wall);
    expect(s.idle).toBe(true);
    expect(first.waitMs).toBeGreaterThan(5);
    for (let ms = 1; ms <= 8; ms++) {
      wall = 1000 + ms;
      s.runSlice(100_000, wall);
      expect(s.state).toBe('running');
      expect(s.registers()!.timeNs).toBeLessThanOrEqual(ms * 1e6 + 10e6);
    }
    wall = 1011;
    s.runSlice(100_000, wall);
    s.runSlice(100_000, wall);
    expect(s.stop).toEqual({ reason: 'poweroff', exitCode: 0 });
    expect(s.registers()!.timeNs).toBeGreaterThanOrEqual(10_000_000);
    expect(s.registers()!.timeNs).toBeLessThanOrEqual(11_000_000);
  });

  it('in ×10 slow motion, the same 10 ms sleep takes 100 ms of wall time', () => {
    const s = loaded(SLEEPER);
    s.setSpeed('realtime', 1000, 10);
    expect(s.slowdown).toBe(10);
    s.start(1000);
    for (let ms = 0; ms <= 95; ms += 5) {
      s.runSlice(100_000, 1000 + ms);
      expect(s.state, `still asleep after ${ms} wall ms`).toBe('running');
      expect(s.registers()!.timeNs).toBeLessThanOrEqual(ms * 1e5 + 1e6 + 1);
    }
    s.runSlice(100_000, 1105);
    s.runSlice(100_000, 1105);
    expect(s.stop).toEqual({ reason: 'poweroff', exitCode: 0 });
    s.setSpeed('fast', 1105, 10);
    expect(s.slowdown, 'fast-forward has no slow motion').toBe(1);
  });

  it('shows the code around pc as objdump disassembles it', () => {
    const s = loaded();
    s.setBreakpoints([COUNTDOWN.sym.loop]);
    runToStop(s, 1000);
    const reference = objdump(COUNTDOWN.elf);
    const code = s.registers()!.code;
    expect(code.map((l) => l.addr)).toContain(COUNTDOWN.sym.loop);
    const inProgram = code.filter((l) => reference.has(l.addr) && l.addr < COUNTDOWN.sym.msg); // msg: data
    expect(inProgram.length).toBeGreaterThan(5);
    for (const line of inProgram) expect(line.text).toBe(reference.get(line.addr));
  });

  it('stops at a breakpoint that falls exactly on a slice boundary', () => {
    const s = loaded();
    s.setBreakpoints([COUNTDOWN.sym.done]);
    runToStop(s, 1);
    expect(s.stop).toEqual({ reason: 'breakpoint', pc: COUNTDOWN.sym.done });
  });

  it("tells once per boot that the board has no FPU, and the program's own handler runs on", () => {
    const s = loaded(FP_USER);
    runToStop(s, 1000);
    expect(s.stop).toEqual({ reason: 'poweroff', exitCode: 0 });
    expect(s.takeNotices()).toEqual(['this board has no FPU: build with -march=rv32imac -mabi=ilp32']);
    s.reset();
    runToStop(s, 1000);
    expect(s.takeNotices()).toHaveLength(1);
  });
});
