// The device tree as a guest sees it: fdt_probe.c walks the DTB the boot ROM
// hands over in a1 and prints every node and property of the devices both
// boards have. Differential against QEMU 7.2: without the stopwatch our
// board's output is QEMU's, byte for byte; with it, only the stopwatch lines
// are added, and the probe finds and uses the device where docs/devices/stopwatch.md puts it.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtBoard } from '../../src/machine/board.ts';
import type { StopwatchProps } from '../../src/machine/devices/stopwatch/stopwatch.ts';
import { runQemu } from '../support/oracles.ts';
import { BUILD, buildProgram } from './build-program.ts';

let elf: Uint8Array;
let qemu: string;
beforeAll(() => {
  elf = buildProgram('fdt_probe.c', 'fdt_probe.elf');
  const r = runQemu(join(BUILD, 'fdt_probe.elf'));
  expect(r.exitCode).toBe(0);
  qemu = r.output;
});

function ours(stopwatch: StopwatchProps | null): string {
  const board = new VirtBoard({ stopwatch });
  board.loadElf(elf);
  expect(board.run(50_000_000)).toMatchObject({ reason: 'poweroff', exitCode: 0 });
  return Buffer.from(board.takeUartOutput()).toString('latin1');
}

describe('the DTB seen from a guest', () => {
  it('without the stopwatch, our board prints exactly what QEMU prints', () => {
    expect(qemu).toContain('magic=0xd00dfeed\nversion=0x00000011\n/\n');
    expect(qemu).toContain('\n platform-bus@4000000\n');
    expect(qemu).toContain('stopwatch: not in the device tree\n');
    expect(ours(null)).toBe(qemu);
  });

  it('with the stopwatch, only its node and the probe differ', () => {
    const out = ours({ startAtBoot: true, onError: 'stop' });
    const node = '  stopwatch@0\n   compatible = 73746f70776174636800\n   reg = 00000000000000880000009000000010\n   interrupts = 00000040\n';
    expect(out).toContain(`  compatible = 71656d752c706c6174666f726d0073696d706c652d62757300\n${node}`);
    const probe = /stopwatch mem=0x04000000\nstopwatch mem size=0x00000088\nstopwatch regs=0x04000090\nstopwatch regs size=0x00000010\nstopwatch irq=0x00000040\nstopwatch status=0x00000000\nstopwatch data: \d+\.\d\d seconds\n$/;
    expect(out).toMatch(probe);
    expect(out.replace(node, '').replace(probe, '')).toBe(qemu.replace('stopwatch: not in the device tree\n', ''));
  });
});
