import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtBoard, type RunStop } from './board.ts';
import { fdtLoadAddress } from './devices/boot-rom.ts';
import { ElfLoadError } from './loader/elf-loader.ts';
import { VIRT_MEMMAP } from './memmap.ts';
import { gcc } from '../../tests/support/oracles.ts';

const dir = mkdtempSync(join(tmpdir(), 'board-test-'));
let count = 0;

/** Assembles a tiny bare-metal program at 0x80000000 with the real GNU toolchain. */
function asm(body: string): Uint8Array {
  const n = count++;
  const src = join(dir, `p${n}.S`);
  const elf = join(dir, `p${n}.elf`);
  writeFileSync(src, `.globl _start\n_start:\n${body}\n`);
  gcc(['-nostdlib', '-nostartfiles',
    '-Wl,-Ttext=0x80000000', '-Wl,--no-warn-rwx-segments', '-o', elf, src]);
  return readFileSync(elf);
}

const PASS = `li t0, 0x100000\n li t1, 0x5555\n sw t1, 0(t0)\n1: j 1b`;
const SET_MTIMECMP = (ticks: number) => `li t0, 0x2004000\n li t1, -1\n sw t1, 4(t0)\n li t1, ${ticks}\n sw t1, 0(t0)\n sw zero, 4(t0)`;

function boot(program: Uint8Array, config: ConstructorParameters<typeof VirtBoard>[0] = {}): VirtBoard {
  const board = new VirtBoard(config);
  board.loadElf(program, 'test.elf');
  return board;
}

describe('VirtBoard', () => {
  it('boots through the ROM with a0 = 0 and a1 = the DTB, which lies in RAM', () => {
    const board = boot(asm(`mv s0, a0\n mv s1, a1\n ${PASS}`));
    expect(board.run(1000)).toMatchObject({ reason: 'poweroff', exitCode: 0 });
    const dtbAddr = fdtLoadAddress(VIRT_MEMMAP.dram.base, VIRT_MEMMAP.dram.size, board.dtb().length);
    expect(board.cpu.x[8]).toBe(0);
    expect(board.cpu.x[9] >>> 0).toBe(dtbAddr);
    const ram = board.ram.bytes.subarray(dtbAddr - VIRT_MEMMAP.dram.base);
    expect([...ram.subarray(0, board.dtb().length)]).toEqual([...board.dtb()]);
  });

  it('takes the timer interrupt at exactly the mtimecmp deadline', () => {
    const board = boot(asm(`la t0, handler\n csrw mtvec, t0\n ${SET_MTIMECMP(1000)}
      li t0, 0x80\n csrw mie, t0\n csrsi mstatus, 8\nspin: j spin\nhandler: ${PASS}`), { exitPriceNs: 0 });
    board.tracer.enabled = true;
    expect(board.run(10_000_000)).toMatchObject({ reason: 'poweroff' });
    const trap = board.tracer.drain().find((e) => e.kind === 'trap');
    expect(trap).toMatchObject({ interrupt: true, cause: 7, timeNs: 1000 * 100 });
  });

  it('fast-forwards an idle hart (wfi) to its next timer deadline', () => {
    // 10^8 ticks = 10 s of virtual time, far more than the instructions run.
    const board = boot(asm(`la t0, handler\n csrw mtvec, t0\n ${SET_MTIMECMP(100_000_000)}
      li t0, 0x80\n csrw mie, t0\n csrsi mstatus, 8\n wfi\n j .\nhandler: ${PASS}`));
    const stop = board.run(1_000_000);
    expect(stop).toMatchObject({ reason: 'poweroff', exitCode: 0 });
    expect(stop.insns).toBeLessThan(100);
    expect(board.clock.nowNs()).toBeGreaterThanOrEqual(10e9);
  });

  it("hands the wait to the caller in 'return' mode, and idleUntil catches up", () => {
    const board = boot(asm(`la t0, handler\n csrw mtvec, t0\n ${SET_MTIMECMP(5000)}
      li t0, 0x80\n csrw mie, t0\n csrsi mstatus, 8\n wfi\n j .\nhandler: ${PASS}`));
    const stop = board.run(1_000_000, { idle: 'return' });
    expect(stop).toMatchObject({ reason: 'wfi', wakeAtNs: 500_000 });
    expect(board.run(1_000_000, { idle: 'return' })).toMatchObject({ reason: 'wfi', insns: 0 });
    board.idleUntil(500_000);
    expect(board.run(1_000_000, { idle: 'return' })).toMatchObject({ reason: 'poweroff' });
  });

  it('reports an idle hart that nothing can wake', () => {
    const board = boot(asm(`csrw mie, zero\n wfi\n j .`));
    expect(board.run(1_000_000)).toMatchObject({ reason: 'wfi', wakeAtNs: Infinity });
  });

  it('keyboard input wakes a guest waiting for the UART interrupt through the PLIC', () => {
    const board = boot(asm(`la t0, handler\n csrw mtvec, t0
      li t0, 0xc000028\n li t1, 1\n sw t1, 0(t0)          # priority[10] = 1
      li t0, 0xc002000\n li t1, 0x400\n sw t1, 0(t0)      # enable source 10 for context 0
      li t0, 0x10000001\n li t1, 1\n sb t1, 0(t0)         # IER.RDI
      li t0, 0x800\n csrw mie, t0\n csrsi mstatus, 8
      wait: wfi\n j wait
      handler: li t0, 0xc200004\n lw t1, 0(t0)            # claim
      li t2, 0x10000000\n lb t3, 0(t2)\n sb t3, 0(t2)     # echo RBR → THR
      sw t1, 0(t0)\n li t4, 'q'\n beq t3, t4, done\n mret
      done: ${PASS}`));
    expect(board.run(1_000_000)).toMatchObject({ reason: 'wfi', wakeAtNs: Infinity });
    board.sendUartInput(new TextEncoder().encode('hiq'));
    expect(board.run(1_000_000)).toMatchObject({ reason: 'poweroff', exitCode: 0 });
    expect(new TextDecoder().decode(board.takeUartOutput())).toBe('hiq');
  });

  it('the finisher: a failure code, and a reset that boots again', () => {
    expect(boot(asm(`li t0, 0x100000\n li t1, 0x73333\n sw t1, 0(t0)\n j .`)).run(100))
      .toMatchObject({ reason: 'poweroff', exitCode: 7 });
    const board = boot(asm(`li t0, 0x100000\n li t1, 0x7777\n sw t1, 0(t0)\n j .`));
    expect(board.run(100)).toMatchObject({ reason: 'reset' });
    expect(board.cpu.pc).toBe(VIRT_MEMMAP.mrom.base);
    expect(board.run(100)).toMatchObject({ reason: 'reset' });
  });

  it('a reset (the finisher\'s 0x7777) boots into zeroed RAM, and the hart and the bus share the new RAM', () => {
    // Boot 1 finds the word at 0x80100000 zero, sets it and resets; a boot
    // that finds it set powers off with code 1 instead.
    const board = boot(asm(`li t0, 0x80100000\n lw t1, 0(t0)\n bnez t1, dirty\n li t1, 1\n sw t1, 0(t0)
      set: li t0, 0x100000\n li t1, 0x7777\n sw t1, 0(t0)\n j .
      dirty: li t0, 0x100000\n li t1, 0x13333\n sw t1, 0(t0)\n j .`));
    const marker = () => new DataView(board.ram.bytes!.buffer).getUint32(0x100000, true);
    expect(board.run(1000)).toMatchObject({ reason: 'reset' });
    expect(marker()).toBe(0);
    expect(board.run(1000)).toMatchObject({ reason: 'reset' });
    board.cpu.breakpoints.add(0x8000_0014); // at `set`: the hart has stored the marker
    expect(board.run(1000)).toMatchObject({ reason: 'breakpoint' });
    expect(marker()).toBe(1);
  });

  it('a program loaded over another one, before either ran, finds none of the other\'s bytes in RAM', () => {
    const board = boot(asm(`j .\n .balign 4096\n .word 0xdeadbeef`)); // a word at 0x80001000
    board.loadElf(asm(`li t0, 0x80001000\n lw t1, 0(t0)\n bnez t1, 1f\n ${PASS}\n 1: li t0, 0x100000\n li t1, 0x13333\n sw t1, 0(t0)\n j .`));
    expect(board.run(1000)).toMatchObject({ reason: 'poweroff', exitCode: 0 });
  });

  it('stays powered off until reset', () => {
    const board = boot(asm(PASS));
    board.run(100);
    expect(board.run(100)).toEqual({ reason: 'poweroff', exitCode: 0, insns: 0 });
    board.reset();
    expect(board.run(100)).toMatchObject({ reason: 'poweroff', insns: expect.any(Number) });
  });

  it('a stopwatch device error stops the machine after the faulting instruction', () => {
    const probe = new VirtBoard();
    const regs = VIRT_MEMMAP.platformBus.base + probe.platformBus.devices[0].mmioOffsets[1];
    const board = boot(asm(`li t0, ${regs}\n li t1, 99\n sw t1, 0(t0)\n ${PASS}`));
    const stop = board.run(1000);
    expect(stop).toMatchObject({ reason: 'device-error', device: 'stopwatch' });
    expect((stop as Extract<RunStop, { reason: 'device-error' }>).message).not.toBe('');
  });

  it('stops before a breakpoint', () => {
    const board = boot(asm(`nop\n nop\n nop\n ${PASS}`));
    board.cpu.breakpoints.add(0x8000_0008);
    expect(board.run(1000)).toMatchObject({ reason: 'breakpoint', pc: 0x8000_0008 });
  });

  it('refuses a program linked outside RAM and ROM', () => {
    const elf = readFileSync(join(dir, 'p0.elf'));
    const board = new VirtBoard();
    expect(() => board.loadElf(new Uint8Array(16), 'zeros.bin')).toThrow(ElfLoadError);
    expect(() => board.loadElf(elf.subarray(0, 40), 'cut.elf')).toThrow(/cut.elf is truncated/);
  });

  it('a saved state resumes to the same output', () => {
    const program = asm(`li s0, 0x10000000\n li s1, 0\n li s2, 50
      loop: addi t0, s1, 'A'\n sb t0, 0(s0)\n addi s1, s1, 1\n blt s1, s2, loop\n ${PASS}`);
    const board = boot(program);
    board.run(40);
    const saved = board.saveState();
    const head = board.takeUartOutput();
    board.run(10_000);
    const first = board.takeUartOutput();
    board.loadState(saved);
    board.run(10_000);
    expect(board.takeUartOutput()).toEqual(first);
    expect(head.length + first.length).toBe(50);
  });
});
