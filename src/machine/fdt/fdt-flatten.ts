// Flattens a device tree into a DTB (Devicetree Specification v0.4, ch. 5):
// header (version 17, last compatible 16), memory reservation block,
// structure block (BEGIN_NODE/PROP/END_NODE/END tokens, 4-byte aligned) and
// strings block, with each property name stored once.

import { utf8, type FdtNode, type FdtTree } from './fdt.ts';

export const FDT_MAGIC = 0xd00dfeed;
export const FDT_BEGIN_NODE = 1, FDT_END_NODE = 2, FDT_PROP = 3, FDT_NOP = 4, FDT_END = 9;
export const FDT_VERSION = 17, FDT_LAST_COMP_VERSION = 16;
export const FDT_HEADER_SIZE = 40;

class ByteWriter {
  private buf = new Uint8Array(1024);
  length = 0;

  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  u32(v: number): void {
    this.grow(4);
    new DataView(this.buf.buffer).setUint32(this.length, v >>> 0);
    this.length += 4;
  }

  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  align4(): void {
    while (this.length % 4) this.bytes(Uint8Array.of(0));
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** The strings block: each name once, in first-use order. */
class StringTable {
  private offsets = new Map<string, number>();
  readonly out = new ByteWriter();

  offset(name: string): number {
    let off = this.offsets.get(name);
    if (off === undefined) {
      off = this.out.length;
      this.offsets.set(name, off);
      this.out.bytes(utf8(name));
      this.out.bytes(Uint8Array.of(0));
    }
    return off;
  }
}

function writeNode(node: FdtNode, out: ByteWriter, strings: StringTable): void {
  out.u32(FDT_BEGIN_NODE);
  out.bytes(utf8(node.name));
  out.bytes(Uint8Array.of(0));
  out.align4();
  for (const p of node.props) {
    out.u32(FDT_PROP);
    out.u32(p.value.length);
    out.u32(strings.offset(p.name));
    out.bytes(p.value);
    out.align4();
  }
  for (const child of node.children) writeNode(child, out, strings);
  out.u32(FDT_END_NODE);
}

export function flattenFdt(tree: FdtTree): Uint8Array {
  const struct = new ByteWriter();
  const strings = new StringTable();
  writeNode(tree.root, struct, strings);
  struct.u32(FDT_END);
  const rsvmap = new ByteWriter();
  // A reservation of size 0 reserves nothing, and written as 0/0 it would end
  // the map early (0/0 is the terminator), so empty ones are left out.
  const reserved = tree.reservations.filter((r) => r.size > 0);
  for (const r of [...reserved, { address: 0, size: 0 }]) {
    for (const v of [r.address, r.size]) {
      rsvmap.u32(Math.floor(v / 0x1_0000_0000));
      rsvmap.u32(v >>> 0);
    }
  }
  const offRsvmap = FDT_HEADER_SIZE; // already 8-byte aligned
  const offStruct = offRsvmap + rsvmap.length;
  const offStrings = offStruct + struct.length;
  const stringsBytes = strings.out.result();
  const total = offStrings + stringsBytes.length;
  const out = new ByteWriter();
  for (const v of [FDT_MAGIC, total, offStruct, offStrings, offRsvmap, FDT_VERSION, FDT_LAST_COMP_VERSION,
    tree.bootCpuidPhys, stringsBytes.length, struct.length]) out.u32(v);
  out.bytes(rsvmap.result());
  out.bytes(struct.result());
  out.bytes(stringsBytes);
  return out.result();
}
