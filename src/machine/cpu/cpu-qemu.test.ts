// Differential test of the hart against qemu-system-riscv32 -M virt: a
// gcc-built program (testdata/cpu-diff.c) prints M/A/Zicsr results and trap
// records on UART0; our transcript must equal QEMU's. The hart runs on a
// minimal stand-in for the board (RAM, UART0 transmit, finisher, CLINT msip),
// so this tests the CPU alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bus } from '../bus.ts';
import { VirtualClock } from '../clock.ts';
import { ioRegion, ramRegion } from '../memory-region.ts';
import { VIRT_MEMMAP } from '../memmap.ts';
import { Tracer } from '../trace/tracer.ts';
import { Cpu, STEP_EXIT } from './cpu.ts';

const HERE = new URL('.', import.meta.url).pathname;
const BENCH = join(HERE, '../../../scripts/bench');
const dir = mkdtempSync(join(tmpdir(), 'cpu-qemu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(source: string): string {
  const elf = join(dir, 'prog.elf');
  execFileSync('riscv64-unknown-elf-gcc', [
    '-march=rv32ima_zicsr', '-mabi=ilp32', '-nostdlib', '-nostartfiles', '-ffreestanding', '-O2',
    '-Wl,--no-warn-rwx-segments', '-T', join(BENCH, 'link.ld'), join(BENCH, 'crt0.S'), source, '-o', elf,
  ]);
  return elf;
}

function runQemu(elf: string): { out: string; status: number | null } {
  const r = spawnSync('timeout', ['10', 'qemu-system-riscv32', '-M', 'virt', '-bios', 'none', '-nographic',
    '-no-reboot', '-kernel', elf], { encoding: 'utf8' });
  return { out: r.stdout.replace(/\r/g, ''), status: r.status };
}

/** Runs the ELF on the hart with just enough of the virt board around it. */
function runHart(image: Uint8Array): { out: string; status: number } {
  const clock = new VirtualClock();
  const tracer = new Tracer(clock);
  const bus = new Bus(clock, tracer);
  const ram = ramRegion('ram', 'ram', 1 << 24);
  bus.map(VIRT_MEMMAP.dram.base, ram);
  const cpu = new Cpu(bus, { base: VIRT_MEMMAP.dram.base, bytes: ram.bytes! }, tracer);
  clock.attachCounter(cpu);
  let out = '';
  let status = -1;
  bus.map(VIRT_MEMMAP.uart0.base, ioRegion('uart0', 'uart', 0x100, {
    read: (offset) => (offset === 5 ? 0x60 : 0),
    write: (offset, value) => { if (offset === 0) out += String.fromCharCode(value); },
  }));
  bus.map(VIRT_MEMMAP.test.base, ioRegion('test', 'finisher', 0x1000, {
    read: () => 0,
    write: (_offset, value) => { status = (value & 0xffff) === 0x5555 ? 0 : value >>> 16; cpu.requestExit(); },
  }));
  bus.map(VIRT_MEMMAP.clint.base, ioRegion('clint', 'clint', 0x10000, {
    read: (offset) => (offset === 0 ? (cpu.csr.mip >>> 3) & 1 : 0),
    write: (offset, value) => { if (offset === 0) cpu.setInterruptPending(3, (value & 1) !== 0); },
  }));
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  for (let i = 0; i < dv.getUint16(44, true); i++) {
    const ph = dv.getUint32(28, true) + i * dv.getUint16(42, true);
    if (dv.getUint32(ph, true) !== 1) continue;
    const off = dv.getUint32(ph + 4, true);
    bus.load(dv.getUint32(ph + 12, true), image.subarray(off, off + dv.getUint32(ph + 16, true)));
  }
  cpu.reset(dv.getUint32(24, true));
  for (let slices = 0; slices < 100 && cpu.step(1_000_000) !== STEP_EXIT;) slices++;
  return { out, status };
}

/** The first line where two transcripts differ, for a readable failure. */
function firstDifference(ours: string, qemu: string): string | undefined {
  const a = ours.split('\n'), b = qemu.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: ours ${JSON.stringify(a[i])}, QEMU ${JSON.stringify(b[i])}`;
  }
  return undefined;
}

describe('hart vs qemu-system-riscv32', () => {
  it('prints the same M/A/Zicsr results and trap records', () => {
    const elf = build(join(HERE, 'testdata/cpu-diff.c'));
    const qemu = runQemu(elf);
    expect(qemu.status).toBe(0);
    expect(qemu.out).toContain('done');
    const ours = runHart(new Uint8Array(readFileSync(elf)));
    const difference = firstDifference(ours.out, qemu.out);
    expect(difference, difference).toBeUndefined();
    expect(ours.status).toBe(0);
  });

  it('runs the benchmark program to the same result', () => {
    const elf = build(join(BENCH, 'cpu-bound.c'));
    const qemu = runQemu(elf);
    expect(qemu.out).toContain('result');
    expect(firstDifference(runHart(new Uint8Array(readFileSync(elf))).out, qemu.out)).toBeUndefined();
  });
});
