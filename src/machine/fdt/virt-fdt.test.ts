// Differential tests of the board's device tree against the real tools:
// Debian's dtc must decompile it with no complaint it does not also make about
// QEMU's own DTB, our DTS printer must print what dtc prints, and every node
// of `qemu-system-riscv32 -M virt,dumpdtb=` for a device both boards have must
// match ours property for property.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Bus } from '../bus.ts';
import { VirtualClock } from '../clock.ts';
import { StopwatchDevice } from '../devices/stopwatch/stopwatch.ts';
import { VIRT_MEMMAP } from '../memmap.ts';
import { PlatformBus } from '../platform-bus.ts';
import { Tracer } from '../trace/tracer.ts';
import { printDts } from './dts.ts';
import type { FdtNode, FdtTree } from './fdt.ts';
import { flattenFdt } from './fdt-flatten.ts';
import { parseFdt, parseFdtHeader } from './fdt-parse.ts';
import { buildVirtDtb } from './virt-fdt.ts';
import { dtc as runDtc, qemuDumpDtb } from '../../../tests/support/oracles.ts';

const dir = mkdtempSync(join(tmpdir(), 'virt-fdt-'));

function board(withStopwatch: boolean, bootargs?: string): Uint8Array {
  const clock = new VirtualClock();
  const tracer = new Tracer(clock);
  const pb = new PlatformBus(new Bus(clock, tracer), VIRT_MEMMAP.platformBus.base, VIRT_MEMMAP.platformBus.size, 64, 32, () => {});
  if (withStopwatch) pb.attach(new StopwatchDevice(clock, tracer));
  return buildVirtDtb({ ramBase: VIRT_MEMMAP.dram.base, ramSize: VIRT_MEMMAP.dram.size, platformBus: pb, bootargs });
}

function dtc(dtb: Uint8Array, name: string): { dts: string; warnings: string[] } {
  const file = join(dir, name);
  writeFileSync(file, dtb);
  const r = runDtc(['-I', 'dtb', '-O', 'dts', file]);
  const warnings = r.stderr.split('\n').filter(Boolean).map((l) => l.replace(/^[^:]*: /, ''));
  return { dts: r.stdout, warnings };
}

/** Devices of QEMU's virt that this board does not have. */
const NOT_ON_OUR_BOARD = [/^\/pmu$/, /^\/fw-cfg@/, /^\/flash@/, /^\/soc\/rtc@/, /^\/soc\/pci@/, /^\/soc\/virtio_mmio@/];
/** Properties that differ on purpose: our hart is RV32IMA without an MMU, and
 * QEMU's rng-seed is random per run. */
const DIFFERENT_ON_PURPOSE = new Set(['/cpus/cpu@0:riscv,isa', '/cpus/cpu@0:mmu-type', '/chosen:rng-seed']);

function walk(node: FdtNode, path: string, visit: (node: FdtNode, path: string) => void): void {
  visit(node, path || '/');
  for (const c of node.children) walk(c, `${path}/${c.name}`, visit);
}

function props(node: FdtNode, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of node.props) if (!DIFFERENT_ON_PURPOSE.has(`${path}:${p.name}`)) out[p.name] = Buffer.from(p.value).toString('hex');
  return out;
}

let qemuDtb: Uint8Array;
beforeAll(() => {
  qemuDtb = qemuDumpDtb(join(dir, 'qemu.dtb'));
});

describe('the virt board DTB', () => {
  it('decompiles with dtc with no warning that QEMU\'s own DTB does not also get', () => {
    const ours = dtc(board(true), 'ours.dtb');
    const qemu = dtc(qemuDtb, 'qemu.dtb');
    for (const w of ours.warnings) expect(qemu.warnings).toContain(w);
    expect(ours.dts).toContain('stopwatch@0 {');
  });

  it('shows stopwatch@0 under platform-bus@4000000 with the reg and interrupts of docs/devices/stopwatch.md', () => {
    const pbus = parseFdt(board(true)).find('/platform-bus@4000000')!;
    const sw = pbus.child('stopwatch@0')!;
    expect(sw.strings('compatible')).toEqual(['stopwatch']);
    expect(sw.cells('reg')).toEqual([0x0, 0x88, 0x90, 0x10]);
    expect(sw.cells('interrupts')).toEqual([64]);
    expect(pbus.strings('compatible')).toEqual(['qemu,platform', 'simple-bus']);
    expect(pbus.cells('ranges')).toEqual([0, 0, 0x400_0000, 0x200_0000]);
  });

  it('matches every QEMU node for the devices both boards have, property for property', () => {
    const ours = parseFdt(board(false));
    const qemu = parseFdt(qemuDtb);
    let compared = 0;
    walk(qemu.root, '', (node, path) => {
      if (NOT_ON_OUR_BOARD.some((re) => re.test(path))) return;
      const mine = ours.find(path);
      expect(mine, `our DTB lacks ${path}`).toBeDefined();
      expect(props(mine!, path), path).toEqual(props(node, path));
      expect(mine!.children.map((c) => c.name).sort(), path).toEqual(
        node.children.map((c) => c.name).filter((n) => !NOT_ON_OUR_BOARD.some((re) => re.test(`${path === '/' ? '' : path}/${n}`))).sort());
      compared++;
    });
    expect(compared).toBeGreaterThanOrEqual(15);
  });

  it('prints the same DTS as dtc, for our DTB and for QEMU\'s', () => {
    expect(printDts(parseFdt(board(true, 'console=ttyS0 "quoted"\tx')))).toBe(dtc(board(true, 'console=ttyS0 "quoted"\tx'), 'b.dtb').dts);
    expect(printDts(parseFdt(qemuDtb))).toBe(dtc(qemuDtb, 'q.dtb').dts);
  });

  it('parses and re-flattens to the same bytes', () => {
    const dtb = board(true, 'console=ttyS0');
    expect(flattenFdt(parseFdt(dtb))).toEqual(dtb);
    const h = parseFdtHeader(dtb);
    expect([h.version, h.lastCompVersion, h.totalsize]).toEqual([17, 16, dtb.length]);
  });

  it('round-trips through dtc\'s own compiler (DTS → DTB) to the same tree', () => {
    const dts = printDts(parseFdt(board(true)));
    writeFileSync(join(dir, 'rt.dts'), dts);
    runDtc(['-I', 'dts', '-O', 'dtb', '-o', join(dir, 'rt.dtb'), join(dir, 'rt.dts')]);
    const again: FdtTree = parseFdt(readFileSync(join(dir, 'rt.dtb')));
    expect(printDts(again)).toBe(dts);
  });

  it('puts bootargs in /chosen only when given', () => {
    expect(parseFdt(board(true)).find('/chosen')!.prop('bootargs')).toBeUndefined();
    expect(parseFdt(board(true, 'quiet')).find('/chosen')!.strings('bootargs')).toEqual(['quiet']);
  });
});
