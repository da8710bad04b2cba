// Differential tests of the whole board against QEMU: bare-metal C programs
// built with Debian's riscv64-unknown-elf-gcc run on our VirtBoard and on
// `qemu-system-riscv32 -M virt -bios none`, and must print the same bytes on
// UART0 and power off with the same exit status.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANG_GUARD_MS, buildBaremetal, runCli, runOnBoard, runQemu } from '../support/oracles.ts';

const here = dirname(fileURLToPath(import.meta.url));
const build = join(here, 'build');

/** Each is one C file here; see its header comment for what it exercises. */
const PROGRAMS = [
  'hello', 'exit_code', 'traps', 'misaligned', 'vectored', 'timer', 'atomics', 'muldiv', 'csr', 'umode',
  'pmp_mret', 'dtb', 'uart_regs', 'plic', 'irq_priority', 'counters',
];

const elves = new Map<string, string>();

beforeAll(() => {
  mkdirSync(build, { recursive: true });
  for (const name of [...PROGRAMS, 'rom_write', 'echo', 'stopwatch_error']) elves.set(name, buildBaremetal(name, join(build, `${name}.elf`)));
}, HANG_GUARD_MS); // 19 gcc builds: slow on a loaded machine

describe('bare-metal programs print and exit as under QEMU', () => {
  for (const name of PROGRAMS) {
    it(`${name}.c`, () => {
      const elf = elves.get(name)!;
      const qemu = runQemu(elf);
      expect(qemu.output, `${name}.elf prints what it checks`).toMatch(/\S\n/);
      const ours = runOnBoard(elf);
      expect(ours.output).toBe(qemu.output);
      expect(ours.exitCode).toBe(qemu.exitCode);
    });
  }

  it('exit_code.c really fails (the oracle is not trivially 0)', () => {
    expect(runQemu(elves.get('exit_code')!).exitCode).toBe(42);
  });
});

describe('paravirt run-elf', { timeout: HANG_GUARD_MS }, () => {
  const cli = (args: string[], input?: string) => runCli(['run-elf', ...args], { input });

  it('streams UART0 to stdout and exits with the finisher code, as QEMU', () => {
    for (const name of ['hello', 'exit_code']) {
      const elf = elves.get(name)!;
      const r = cli([elf]);
      const qemu = runQemu(elf);
      expect(r.stdout).toBe(qemu.output);
      expect(r.status).toBe(qemu.exitCode);
    }
  });

  it('feeds piped stdin to the UART receiver (interrupt-driven echo), as QEMU', () => {
    const input = 'hello\rworld\x04';
    const r = cli([elves.get('echo')!], input);
    const qemu = runQemu(elves.get('echo')!, { input });
    expect(qemu.output).toContain('world');
    expect(r.stdout).toBe(qemu.output);
    expect(r.status).toBe(qemu.exitCode);
  });

  it('stops with 124 and one line on stderr past --max-insns', () => {
    const r = cli([elves.get('muldiv')!, '--max-insns', '5000']);
    expect(r.status).toBe(124);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/5000 instructions/);
  });

  it('--trace writes Chrome trace JSON with the timer interrupts and UART exits', () => {
    const out = join(build, 'timer-trace.json');
    const r = cli([elves.get('timer')!, '--trace', out]);
    expect(r.status).toBe(0);
    const trace = JSON.parse(readFileSync(out, 'utf8')) as { traceEvents: { name: string }[] };
    const names = trace.traceEvents.map((e) => e.name).join('\n');
    expect(names).toMatch(/VM exit → uart0\.lsr read/);
    expect(names).toMatch(/timer fire \(clint\)/);
    expect(names).toMatch(/trap: .*timer/);
  });

  it('a device error stops the machine: its message on stderr, status 3', () => {
    const r = cli([elves.get('stopwatch_error')!]);
    expect(r.stdout).toBe('writing command 99\n');
    expect(r.stderr.trim()).toMatch(/^paravirt run-elf: device error in stopwatch: .*command/);
    expect(r.status).toBe(3);
  });

  it('refuses every kind of bad file with one line naming the problem and status 2, never a stack trace', () => {
    const hello = new Uint8Array(readFileSync(elves.get('hello')!));
    const view = new DataView(hello.buffer);
    const outside = hello.slice();
    const phdrs = Array.from({ length: view.getUint16(0x2c, true) }, (_, i) => view.getUint32(0x1c, true) + 32 * i);
    const load = phdrs.findIndex((at) => view.getUint32(at, true) === 1); // hello's PT_LOAD
    new DataView(outside.buffer).setUint32(phdrs[load] + 12, 0x4000_0000, true); // p_paddr: no RAM there
    const variant = (name: string, bytes: Uint8Array) => {
      const file = join(build, `bad-${name}`);
      writeFileSync(file, bytes);
      return file;
    };
    const withByte = (at: number, value: number) => {
      const copy = hello.slice();
      copy[at] = value;
      return copy;
    };
    const cases: [string, RegExp][] = [
      [variant('empty.elf', new Uint8Array(0)), /is not an ELF file/],
      [variant('random.bin', Uint8Array.from({ length: 512 }, (_, i) => (i * 151 + 7) & 0xff)), /is not an ELF file/],
      [variant('truncated.elf', hello.subarray(0, 100)), /is truncated/],
      [variant('big-endian.elf', withByte(5, 2)), /not a little-endian ELF/],
      [variant('elf64.elf', withByte(4, 2)), /64-bit ELF file, but this board is RV32/],
      [variant('outside-ram.elf', outside), new RegExp(`segment ${load} \\(0x40000000\\.\\.0x[0-9a-f]+\\) lies outside RAM and ROM`)],
      [build, /cannot read .*: it is a directory\./],
      [join(build, 'no-such.elf'), /cannot read .*no-such\.elf: there is no such file\./],
    ];
    for (const [file, why] of cases) {
      const r = cli([file]);
      expect(r.status, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^paravirt run-elf: .*${why.source}`));
    }
  });

  it('refuses a file that is not an ELF with one line and status 2', () => {
    const r = cli([join(here, 'crt0.S')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`paravirt run-elf: ${join(here, 'crt0.S')} is not an ELF file: it does not start with 0x7f 'ELF'.`);
  });
});

describe('bad guest input is survived as an architected trap', () => {
  it('a store to the boot ROM is a store access fault (QEMU 7.2 would drop it silently)', () => {
    expect(runOnBoard(elves.get('rom_write')!)).toEqual({
      output: 'store to ROM\n  mcause=0x00000007\n  mtval=0x00001000\nROM unchanged\n', exitCode: 0 });
  });
});
