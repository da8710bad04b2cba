// Reads a DTB back into the tree model (Devicetree Specification v0.4, ch. 5),
// checking what a loader checks: magic, version, block bounds, token stream.
// Errors are FdtParseError with the byte offset, never an out-of-range read.

import { FdtTree, decodeUtf8, type FdtNode } from './fdt.ts';
import { FDT_BEGIN_NODE, FDT_END, FDT_END_NODE, FDT_MAGIC, FDT_NOP, FDT_PROP } from './fdt-flatten.ts';

export class FdtParseError extends Error {}

export interface FdtHeader {
  magic: number;
  totalsize: number;
  offDtStruct: number;
  offDtStrings: number;
  offMemRsvmap: number;
  version: number;
  lastCompVersion: number;
  bootCpuidPhys: number;
  sizeDtStrings: number;
  sizeDtStruct: number;
}

export function parseFdtHeader(dtb: Uint8Array): FdtHeader {
  if (dtb.length < 40) throw new FdtParseError(`not a DTB: ${dtb.length} bytes is shorter than the 40-byte header`);
  const v = new DataView(dtb.buffer, dtb.byteOffset, dtb.byteLength);
  const w = (i: number): number => v.getUint32(i * 4);
  const h: FdtHeader = {
    magic: w(0), totalsize: w(1), offDtStruct: w(2), offDtStrings: w(3), offMemRsvmap: w(4), version: w(5),
    lastCompVersion: w(6), bootCpuidPhys: w(7), sizeDtStrings: w(8), sizeDtStruct: w(9),
  };
  if (h.magic !== FDT_MAGIC) throw new FdtParseError(`not a DTB: magic is 0x${h.magic.toString(16)}, not 0xd00dfeed`);
  if (h.lastCompVersion > 17 || h.version < 16) throw new FdtParseError(`DTB version ${h.version} (compatible with ${h.lastCompVersion}) is not supported`);
  if (h.totalsize > dtb.length) throw new FdtParseError(`DTB says it is ${h.totalsize} bytes but only ${dtb.length} are there`);
  if (h.offDtStruct + h.sizeDtStruct > h.totalsize || h.offDtStrings + h.sizeDtStrings > h.totalsize) {
    throw new FdtParseError('DTB blocks extend past its total size');
  }
  return h;
}

class Cursor {
  constructor(private readonly v: DataView, public pos: number, private readonly end: number) {}

  u32(): number {
    if (this.pos + 4 > this.end) throw new FdtParseError(`structure block ends early at offset 0x${this.pos.toString(16)}`);
    const x = this.v.getUint32(this.pos);
    this.pos += 4;
    return x;
  }

  align4(): void {
    this.pos = (this.pos + 3) & ~3;
  }
}

/** Index of the NUL ending the string at `start`. */
function cStringEnd(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && bytes[i] !== 0) i++;
  if (i >= end) throw new FdtParseError(`unterminated string at offset 0x${start.toString(16)}`);
  return i;
}

function cString(bytes: Uint8Array, start: number, end: number): string {
  return decodeUtf8(bytes.subarray(start, cStringEnd(bytes, start, end)));
}

export function parseFdt(dtb: Uint8Array): FdtTree {
  const h = parseFdtHeader(dtb);
  const tree = new FdtTree();
  tree.bootCpuidPhys = h.bootCpuidPhys;
  readReservations(dtb, h, tree);
  const view = new DataView(dtb.buffer, dtb.byteOffset, dtb.byteLength);
  const structEnd = h.offDtStruct + h.sizeDtStruct;
  const c = new Cursor(view, h.offDtStruct, structEnd);
  let token = c.u32();
  while (token === FDT_NOP) token = c.u32();
  if (token !== FDT_BEGIN_NODE) throw new FdtParseError('structure block does not start with the root node');
  c.pos = cStringEnd(dtb, c.pos, structEnd) + 1;
  c.align4();
  readNodeBody(dtb, h, c, tree.root);
  token = c.u32();
  while (token === FDT_NOP) token = c.u32();
  if (token !== FDT_END) throw new FdtParseError(`expected FDT_END after the root node, found token ${token}`);
  return tree;
}

function readReservations(dtb: Uint8Array, h: FdtHeader, tree: FdtTree): void {
  const v = new DataView(dtb.buffer, dtb.byteOffset, dtb.byteLength);
  for (let p = h.offMemRsvmap; p + 16 <= h.totalsize; p += 16) {
    const address = v.getUint32(p) * 0x1_0000_0000 + v.getUint32(p + 4);
    const size = v.getUint32(p + 8) * 0x1_0000_0000 + v.getUint32(p + 12);
    if (address === 0 && size === 0) return;
    tree.reservations.push({ address, size });
  }
  throw new FdtParseError('memory reservation map has no terminating entry');
}

/** Deeper than any real tree; a bound, so a hostile DTB cannot exhaust the stack. */
const MAX_DEPTH = 64;

function readNodeBody(dtb: Uint8Array, h: FdtHeader, c: Cursor, node: FdtNode, depth = 0): void {
  if (depth > MAX_DEPTH) throw new FdtParseError(`nodes nested deeper than ${MAX_DEPTH} levels`);
  const structEnd = h.offDtStruct + h.sizeDtStruct;
  for (;;) {
    const token = c.u32();
    if (token === FDT_NOP) continue;
    if (token === FDT_END_NODE) return;
    if (token === FDT_PROP) {
      const len = c.u32();
      const nameOff = c.u32();
      if (c.pos + len > structEnd) throw new FdtParseError(`property value runs past the structure block at 0x${c.pos.toString(16)}`);
      const name = cString(dtb, h.offDtStrings + nameOff, h.offDtStrings + h.sizeDtStrings);
      node.setProp(name, dtb.slice(c.pos, c.pos + len));
      c.pos += len;
      c.align4();
    } else if (token === FDT_BEGIN_NODE) {
      const name = cString(dtb, c.pos, structEnd);
      c.pos = cStringEnd(dtb, c.pos, structEnd) + 1;
      c.align4();
      if (node.child(name)) throw new FdtParseError(`node '${name}' appears twice under '${node.name || '/'}'`);
      readNodeBody(dtb, h, c, node.addNode(name), depth + 1);
    } else {
      throw new FdtParseError(`unexpected token ${token} at offset 0x${(c.pos - 4).toString(16)}`);
    }
  }
}
