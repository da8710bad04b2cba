// A device tree in memory (Devicetree Specification v0.4, ch. 2): nodes with
// named properties whose values are big-endian byte strings, plus the
// memory-reservation map and phandle allocation. The builder (virt-fdt.ts),
// the flattener (fdt-flatten.ts), the parser (fdt-parse.ts) and the DTS
// printer (dts.ts) all work on this one model.

export interface FdtProperty {
  readonly name: string;
  value: Uint8Array;
}

export interface FdtReservation {
  address: number;
  size: number;
}

/** Encodes 32-bit cells, big-endian (a `<...>` list in DTS). */
export function encodeCells(cells: readonly number[]): Uint8Array {
  const out = new Uint8Array(cells.length * 4);
  const view = new DataView(out.buffer);
  cells.forEach((c, i) => view.setUint32(i * 4, c >>> 0));
  return out;
}

/** Splits a 64-bit value into two cells (high, low), as #address-cells = 2 wants. */
export function cells64(value: number): [number, number] {
  return [Math.floor(value / 0x1_0000_0000) >>> 0, value >>> 0];
}

/** Encodes NUL-terminated strings back to back (a string list in DTS). */
export function encodeStrings(strings: readonly string[]): Uint8Array {
  const bytes: number[] = [];
  for (const s of strings) {
    for (const b of utf8(s)) bytes.push(b);
    bytes.push(0);
  }
  return Uint8Array.from(bytes);
}

export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

export class FdtNode {
  readonly props: FdtProperty[] = [];
  readonly children: FdtNode[] = [];

  constructor(readonly name: string) {}

  /** Adds a child node; a node name is unique among its siblings. */
  addNode(name: string): FdtNode {
    if (this.child(name)) throw new Error(`fdt: node '${name}' already exists under '${this.name || '/'}'`);
    const node = new FdtNode(name);
    this.children.push(node);
    return node;
  }

  child(name: string): FdtNode | undefined {
    return this.children.find((c) => c.name === name);
  }

  prop(name: string): Uint8Array | undefined {
    return this.props.find((p) => p.name === name)?.value;
  }

  /** Sets (or replaces) a property's raw value. */
  setProp(name: string, value: Uint8Array): this {
    const existing = this.props.find((p) => p.name === name);
    if (existing) existing.value = value;
    else this.props.push({ name, value });
    return this;
  }

  setCells(name: string, ...cells: number[]): this {
    return this.setProp(name, encodeCells(cells));
  }

  setStrings(name: string, ...strings: string[]): this {
    return this.setProp(name, encodeStrings(strings));
  }

  setEmpty(name: string): this {
    return this.setProp(name, new Uint8Array(0));
  }

  /** Reads a property as 32-bit cells (undefined if absent or not a multiple of 4). */
  cells(name: string): number[] | undefined {
    const v = this.prop(name);
    if (!v || v.length % 4) return undefined;
    const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
    return Array.from({ length: v.length / 4 }, (_, i) => view.getUint32(i * 4));
  }

  /** Reads a property as a list of NUL-terminated strings. */
  strings(name: string): string[] | undefined {
    const v = this.prop(name);
    if (!v || v.length === 0 || v[v.length - 1] !== 0) return undefined;
    return decodeUtf8(v.subarray(0, v.length - 1)).split('\0');
  }
}

/** Decodes UTF-8; a malformed sequence becomes U+FFFD (a DTB may hold anything). */
export function decodeUtf8(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) {
      ok = (bytes[i + k] & 0xc0) === 0x80;
      cp = (cp << 6) | (bytes[i + k] & 63);
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) {
      s += '\ufffd';
      i++;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}

/** A whole tree: root node, reservations, boot cpu, phandles. */
export class FdtTree {
  readonly root = new FdtNode('');
  readonly reservations: FdtReservation[] = [];
  bootCpuidPhys = 0;
  private nextPhandle = 1;

  /** Gives `node` the next free phandle (once) and returns it. */
  phandle(node: FdtNode): number {
    const existing = node.cells('phandle');
    if (existing) return existing[0];
    const handle = this.nextPhandle++;
    node.setCells('phandle', handle);
    return handle;
  }

  /** Finds a node by absolute path ("/soc/serial@10000000"). */
  find(path: string): FdtNode | undefined {
    let node: FdtNode | undefined = this.root;
    for (const part of path.split('/').filter(Boolean)) node = node?.child(part);
    return node;
  }
}
