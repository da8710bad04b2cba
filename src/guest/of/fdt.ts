// The guest kernel's reader of the flattened device tree the boot ROM left in
// RAM (Devicetree Specification v0.4, chapter 5), as Linux's early FDT code
// unflattens it: header checks first (magic, version, sizes), then the
// structure block walked token by token into a tree of nodes with their raw
// property values. Errors say what is wrong with the blob and where.

import type { GuestRam } from '../kernel/api.ts';

export const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 1, FDT_END_NODE = 2, FDT_PROP = 3, FDT_NOP = 4, FDT_END = 9;
const HEADER_SIZE = 40;
/** The oldest layout this reader understands (v16 as last_comp_version 16). */
const MIN_VERSION = 16;

export class FdtError extends Error {
  override name = 'FdtError';
}

export interface OfProperty {
  name: string;
  value: Uint8Array;
}

export interface OfNode {
  /** The name with its unit address ("stopwatch@0"); "" for the root. */
  name: string;
  /** "/platform-bus@4000000/stopwatch@0"; "/" for the root. */
  fullPath: string;
  parent: OfNode | null;
  properties: OfProperty[];
  children: OfNode[];
}

export interface FdtBlob {
  version: number;
  bootCpuid: number;
  root: OfNode;
}

/** Reads the DTB at `addr` in guest RAM. */
export function readFdtFromRam(ram: GuestRam, addr: number): FdtBlob {
  if (!addr) throw new FdtError('no device tree: the boot ROM passed 0 in a1');
  const head = ram.bytes(addr, HEADER_SIZE);
  const total = new DataView(head.buffer, head.byteOffset).getUint32(4);
  if (new DataView(head.buffer, head.byteOffset).getUint32(0) !== FDT_MAGIC) return parseFdt(head);
  if (total < HEADER_SIZE || total > 16 << 20) throw new FdtError(`device tree at 0x${(addr >>> 0).toString(16)} says it is ${total} bytes long`);
  return parseFdt(ram.bytes(addr, total));
}

/** Unflattens a DTB held in `dtb`. */
export function parseFdt(dtb: Uint8Array): FdtBlob {
  if (dtb.length < HEADER_SIZE) throw new FdtError(`not a device tree: ${dtb.length} bytes is shorter than the 40-byte header`);
  const v = new DataView(dtb.buffer, dtb.byteOffset, dtb.byteLength);
  const w = (i: number) => v.getUint32(i * 4);
  const [magic, total, offStruct, offStrings, , version, lastComp, bootCpuid, sizeStrings, sizeStruct] =
    Array.from({ length: 10 }, (_, i) => w(i));
  if (magic !== FDT_MAGIC) throw new FdtError(`not a device tree: magic is 0x${magic.toString(16).padStart(8, '0')}, expected 0xd00dfeed`);
  if (version < MIN_VERSION || lastComp > 17) {
    throw new FdtError(`device tree version ${version} (last compatible ${lastComp}) is not supported: need version 16 or 17`);
  }
  if (total > dtb.length) throw new FdtError(`device tree says it is ${total} bytes but only ${dtb.length} are there`);
  if (offStruct + sizeStruct > total || offStrings + sizeStrings > total) {
    throw new FdtError('device tree blocks (structure or strings) extend past its total size');
  }
  const strings = dtb.subarray(offStrings, offStrings + sizeStrings);
  const root = new StructWalker(v, dtb, strings, offStruct, offStruct + sizeStruct).walk();
  return { version, bootCpuid, root };
}

function cString(bytes: Uint8Array, start: number, end: number, what: string): string {
  let i = start;
  while (i < end && bytes[i] !== 0) i++;
  if (i >= end) throw new FdtError(`unterminated ${what} at offset 0x${start.toString(16)}`);
  let s = '';
  for (let j = start; j < i; j++) s += String.fromCharCode(bytes[j]);
  return s;
}

/** One pass over the structure block's tokens. */
class StructWalker {
  private pos: number;
  constructor(
    private readonly v: DataView, private readonly dtb: Uint8Array, private readonly strings: Uint8Array,
    start: number, private readonly end: number,
  ) {
    this.pos = start;
  }

  private u32(): number {
    if (this.pos + 4 > this.end) throw new FdtError(`structure block ends early at offset 0x${this.pos.toString(16)}`);
    const x = this.v.getUint32(this.pos);
    this.pos += 4;
    return x;
  }

  private align(): void {
    this.pos = (this.pos + 3) & ~3;
  }

  walk(): OfNode {
    let token = this.u32();
    while (token === FDT_NOP) token = this.u32();
    if (token !== FDT_BEGIN_NODE) throw new FdtError(`structure block does not start with the root node (token ${token})`);
    const root = this.node(null);
    token = this.u32();
    while (token === FDT_NOP) token = this.u32();
    if (token !== FDT_END) throw new FdtError(`expected FDT_END after the root node, found token ${token}`);
    return root;
  }

  /** Reads a node whose FDT_BEGIN_NODE token was just consumed. */
  private node(parent: OfNode | null): OfNode {
    const name = cString(this.dtb, this.pos, this.end, 'node name');
    this.pos += name.length + 1;
    this.align();
    const fullPath = parent === null ? '/' : parent.fullPath === '/' ? `/${name}` : `${parent.fullPath}/${name}`;
    const node: OfNode = { name, fullPath, parent, properties: [], children: [] };
    for (;;) {
      const at = this.pos;
      const token = this.u32();
      if (token === FDT_END_NODE) return node;
      if (token === FDT_NOP) continue;
      if (token === FDT_PROP) node.properties.push(this.property());
      else if (token === FDT_BEGIN_NODE) node.children.push(this.node(node));
      else throw new FdtError(`bad token ${token} at offset 0x${at.toString(16)} in node '${fullPath}'`);
    }
  }

  private property(): OfProperty {
    const len = this.u32();
    const nameOff = this.u32();
    if (nameOff >= this.strings.length) throw new FdtError(`property name offset ${nameOff} is outside the strings block`);
    const name = cString(this.strings, nameOff, this.strings.length, 'property name');
    if (this.pos + len > this.end) throw new FdtError(`property '${name}' runs past the structure block`);
    const value = this.dtb.slice(this.pos, this.pos + len);
    this.pos += len;
    this.align();
    return { name, value };
  }
}

// --- Reading a node's properties -------------------------------------------

export function ofProp(node: OfNode, name: string): Uint8Array | undefined {
  return node.properties.find((p) => p.name === name)?.value;
}

export function ofCells(node: OfNode, name: string): number[] | undefined {
  const v = ofProp(node, name);
  if (!v || v.length % 4) return undefined;
  const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
  return Array.from({ length: v.length / 4 }, (_, i) => view.getUint32(i * 4));
}

export function ofStrings(node: OfNode, name: string): string[] | undefined {
  const v = ofProp(node, name);
  if (!v || v.length === 0 || v[v.length - 1] !== 0) return undefined;
  return Array.from(v.subarray(0, v.length - 1), (c) => String.fromCharCode(c)).join('').split('\0');
}

/** The node name without its unit address ("stopwatch"), as Linux's node->name. */
export function ofBaseName(node: OfNode): string {
  const at = node.name.indexOf('@');
  return at < 0 ? node.name : node.name.slice(0, at);
}

export function ofFindPath(root: OfNode, path: string): OfNode | undefined {
  let node: OfNode | undefined = root;
  for (const part of path.split('/').filter((p) => p !== '')) {
    node = node.children.find((c) => (part.includes('@') ? c.name : ofBaseName(c)) === part);
    if (!node) return undefined;
  }
  return node;
}

export function* ofWalk(node: OfNode): Generator<OfNode> {
  yield node;
  for (const c of node.children) yield* ofWalk(c);
}

/** #address-cells / #size-cells that apply to `node`'s reg (its parent's, default 2 and 1). */
export function ofBusCells(node: OfNode): { address: number; size: number } {
  const p = node.parent;
  return { address: (p && ofCells(p, '#address-cells')?.[0]) ?? 2, size: (p && ofCells(p, '#size-cells')?.[0]) ?? 1 };
}

function cellsValue(cells: number[]): number {
  return cells.reduce((acc, c) => acc * 0x1_0000_0000 + c, 0);
}

/** The node's reg entries translated to CPU physical addresses through the parents' ranges. */
export function ofRegs(node: OfNode): Array<{ start: number; size: number }> {
  const cells = ofCells(node, 'reg');
  if (!cells) return [];
  const { address, size } = ofBusCells(node);
  const step = address + size;
  const out: Array<{ start: number; size: number }> = [];
  for (let i = 0; i + step <= cells.length; i += step) {
    const addr = cellsValue(cells.slice(i, i + address));
    out.push({ start: ofTranslate(node.parent, addr), size: cellsValue(cells.slice(i + address, i + step)) });
  }
  return out;
}

/** Maps a bus address of `bus`'s children up to the root through each `ranges`. */
export function ofTranslate(bus: OfNode | null, addr: number): number {
  let a = addr;
  for (let b = bus; b && b.parent; b = b.parent) {
    const ranges = ofCells(b, 'ranges');
    if (!ranges || ranges.length === 0) continue; // empty: identity
    const child = ofCells(b, '#address-cells')?.[0] ?? 2;
    const size = ofCells(b, '#size-cells')?.[0] ?? 1;
    const parentCells = ofBusCells(b).address;
    const step = child + parentCells + size;
    for (let i = 0; i + step <= ranges.length; i += step) {
      const from = cellsValue(ranges.slice(i, i + child));
      const to = cellsValue(ranges.slice(i + child, i + child + parentCells));
      const len = cellsValue(ranges.slice(i + child + parentCells, i + step));
      if (a >= from && a < from + len) { a = a - from + to; break; }
    }
  }
  return a;
}

/** The interrupt parent of `node`: interrupt-parent here or inherited, by phandle. */
export function ofInterruptParent(root: OfNode, node: OfNode): OfNode | undefined {
  for (let n: OfNode | null = node; n; n = n.parent) {
    const handle = ofCells(n, 'interrupt-parent')?.[0];
    if (handle !== undefined) return ofByPhandle(root, handle);
  }
  return undefined;
}

export function ofByPhandle(root: OfNode, handle: number): OfNode | undefined {
  for (const n of ofWalk(root)) {
    if ((ofCells(n, 'phandle') ?? ofCells(n, 'linux,phandle'))?.[0] === handle) return n;
  }
  return undefined;
}
