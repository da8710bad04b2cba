// The guest's FDT reader against dtc: the tree it reads from the board's DTB
// and from QEMU's own prints as the same DTS that dtc decompiles; a blob that
// is not a DTB fails with a message that says why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printDts } from '../../machine/fdt/dts.ts';
import { FdtNode, FdtTree } from '../../machine/fdt/fdt.ts';
import { dtc, qemuDumpDtb } from '../../../tests/support/oracles.ts';
import { BoardRam } from '../kernel/board-ram.ts';
import { FdtError, ofFindPath, ofInterruptParent, ofRegs, ofStrings, parseFdt, readFdtFromRam, type OfNode } from './fdt.ts';
import { virtBoardDtb } from './test-dtb.ts';

const dir = mkdtempSync(join(tmpdir(), 'guest-fdt-'));

function dtcDts(dtb: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, dtb);
  return dtc(['-I', 'dtb', '-O', 'dts', file]).stdout;
}

function toFdtNode(node: OfNode, into: FdtNode): void {
  for (const p of node.properties) into.setProp(p.name, p.value);
  for (const c of node.children) toFdtNode(c, into.addNode(c.name));
}

function printOurs(dtb: Uint8Array): string {
  const tree = new FdtTree();
  const blob = parseFdt(dtb);
  tree.bootCpuidPhys = blob.bootCpuid;
  toFdtNode(blob.root, tree.root);
  return printDts(tree);
}

describe('guest FDT reader', () => {
  it('reads the board DTB into the tree dtc decompiles', () => {
    const { dtb } = virtBoardDtb(true, 'console=ttyS0');
    expect(printOurs(dtb)).toBe(dtcDts(dtb, 'board.dtb'));
  });

  it("reads QEMU's own virt DTB into the tree dtc decompiles", () => {
    const dtb = qemuDumpDtb(join(dir, 'qemu.dtb'));
    expect(printOurs(dtb)).toBe(dtcDts(dtb, 'qemu2.dtb'));
  });

  it('reads the DTB from guest RAM where the boot ROM left it', () => {
    const { dtb } = virtBoardDtb();
    const ram = new BoardRam(0x8000_0000, new Uint8Array(1 << 20));
    ram.setBytes(0x8008_0000, dtb);
    const root = readFdtFromRam(ram, 0x8008_0000).root;
    expect(ofStrings(ofFindPath(root, '/soc/serial@10000000')!, 'compatible')).toEqual(['ns16550a']);
    expect(ofFindPath(root, '/soc/serial')?.fullPath).toBe('/soc/serial@10000000');
  });

  it('translates the stopwatch regs through the platform bus ranges to where the board mapped them', () => {
    const board = virtBoardDtb();
    const root = parseFdt(board.dtb).root;
    const node = root.children.find((c) => c.name.startsWith('platform-bus'))!.children[0];
    expect(ofRegs(node)).toEqual(board.stopwatch!.regions);
    expect(ofInterruptParent(root, node)?.fullPath).toBe('/soc/plic@c000000');
  });

  it('refuses a blob with the wrong magic, an unknown version or a cut-off end, saying so', () => {
    const { dtb } = virtBoardDtb();
    const bad = dtb.slice();
    bad[0] = 0;
    expect(() => parseFdt(bad)).toThrow('not a device tree: magic is 0x000dfeed, expected 0xd00dfeed');
    const old = dtb.slice();
    new DataView(old.buffer).setUint32(20, 2);
    expect(() => parseFdt(old)).toThrow(new FdtError('device tree version 2 (last compatible 16) is not supported: need version 16 or 17'));
    expect(() => parseFdt(dtb.slice(0, 100))).toThrow(/says it is \d+ bytes but only 100 are there/);
    expect(() => parseFdt(dtb.slice(0, 20))).toThrow(/shorter than the 40-byte header/);
  });
});
