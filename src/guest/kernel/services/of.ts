// Device tree services (Linux's drivers/of/base.c and property.c): at boot
// the DTB the boot ROM left in RAM is unflattened into struct device_node and
// struct property in guest RAM (include/linux/of.h), and /proc/device-tree
// shows one directory per node and one file per property with its raw bytes.
// Lookups walk those structures in guest RAM, as Linux does, so a driver that
// passes a bad node pointer faults as it would on Linux.

import { readFdtFromRam, ofBaseName, ofCells, type OfNode } from '../../of/fdt.ts';
import type { KernelContext, ServiceModule } from '../api.ts';
import { E } from './dev-errno.ts';
import { DEVICE, DEVICE_DRIVER, DEVICE_NODE, OF_DEVICE_ID, PROPERTY } from './dev-layouts.ts';

export interface OfState {
  /** The unflattened tree (as read from the DTB) and each node's struct device_node. */
  root: OfNode;
  addr: Map<OfNode, number>;
  node: Map<number, OfNode>;
}

export function ofState(k: KernelContext): OfState {
  return k.state<OfState>('of', () => ({ root: { name: '', fullPath: '/', parent: null, properties: [], children: [] }, addr: new Map(), node: new Map() }));
}

function kstrdup(k: KernelContext, text: string): number {
  const p = k.kmalloc(text.length + 1, 1);
  k.ram.setCString(p, text);
  return p;
}

function kmemdup(k: KernelContext, bytes: Uint8Array): number {
  const p = k.kmalloc(Math.max(bytes.length, 1), 4);
  k.ram.setBytes(p, bytes);
  return p;
}

/** Linux adds a "name" property (the node name without unit address) where the DTB has none. */
function withNameProperty(node: OfNode): Array<{ name: string; value: Uint8Array }> {
  if (node.properties.some((p) => p.name === 'name')) return node.properties;
  const base = ofBaseName(node);
  return [...node.properties, { name: 'name', value: Uint8Array.from(`${base}\0`, (c) => c.charCodeAt(0)) }];
}

function writeProperties(k: KernelContext, np: number, node: OfNode): void {
  let link = np + DEVICE_NODE.properties;
  for (const p of withNameProperty(node)) {
    const pp = k.kmalloc(PROPERTY.size, 4);
    k.ram.fill(pp, 0, PROPERTY.size);
    k.ram.setU32(pp + PROPERTY.name, kstrdup(k, p.name));
    k.ram.setU32(pp + PROPERTY.length, p.value.length);
    k.ram.setU32(pp + PROPERTY.value, kmemdup(k, p.value));
    k.ram.setU32(link, pp);
    link = pp + PROPERTY.next;
  }
}

/** Builds struct device_node for `node` and its subtree; returns its address. */
function unflatten(k: KernelContext, st: OfState, node: OfNode, parent: number): number {
  const np = k.kmalloc(DEVICE_NODE.size, 4);
  if (!np) throw new Error('out of memory while unflattening the device tree');
  k.ram.fill(np, 0, DEVICE_NODE.size);
  k.ram.setU32(np + DEVICE_NODE.name, kstrdup(k, ofBaseName(node)));
  k.ram.setU32(np + DEVICE_NODE.full_name, kstrdup(k, node.parent ? node.name : '/'));
  k.ram.setU32(np + DEVICE_NODE.phandle, ofCells(node, 'phandle')?.[0] ?? 0);
  k.ram.setU32(np + DEVICE_NODE.parent, parent);
  writeProperties(k, np, node);
  st.addr.set(node, np);
  st.node.set(np, node);
  let link = np + DEVICE_NODE.child;
  for (const c of node.children) {
    const child = unflatten(k, st, c, np);
    k.ram.setU32(link, child);
    link = child + DEVICE_NODE.sibling;
  }
  return np;
}

function procDeviceTree(k: KernelContext, node: OfNode, dir: string): void {
  k.vfs.mkdirp(dir);
  for (const p of withNameProperty(node)) k.vfs.writeFile(`${dir}/${p.name}`, p.value, 0o444);
  for (const c of node.children) procDeviceTree(k, c, `${dir}/${c.name}`);
}

export function ofBoot(k: KernelContext): void {
  const st = ofState(k);
  st.root = readFdtFromRam(k.ram, k.dtbAddr).root;
  unflatten(k, st, st.root, 0);
  procDeviceTree(k, st.root, '/proc/device-tree');
}

// --- Walking the structures in guest RAM -------------------------------------

export function ofRootAddr(k: KernelContext): number {
  return ofState(k).addr.get(ofState(k).root) ?? 0;
}

export function findProperty(k: KernelContext, np: number, name: string): number {
  if (!np) return 0;
  for (let pp = k.ram.u32(np + DEVICE_NODE.properties); pp; pp = k.ram.u32(pp + PROPERTY.next)) {
    if (k.ram.cString(k.ram.u32(pp + PROPERTY.name)) === name) return pp;
  }
  return 0;
}

/** A property's raw bytes, or undefined if the node has none by that name. */
export function propertyBytes(k: KernelContext, np: number, name: string): Uint8Array | undefined {
  const pp = findProperty(k, np, name);
  if (!pp) return undefined;
  return k.ram.bytes(k.ram.u32(pp + PROPERTY.value), k.ram.i32(pp + PROPERTY.length));
}

export function propertyStrings(k: KernelContext, np: number, name: string): string[] | undefined {
  const v = propertyBytes(k, np, name);
  if (!v || v.length === 0 || v[v.length - 1] !== 0) return undefined;
  return String.fromCharCode(...v.subarray(0, v.length - 1)).split('\0');
}

export function propertyCells(k: KernelContext, np: number, name: string): number[] | undefined {
  const v = propertyBytes(k, np, name);
  if (!v || v.length % 4) return undefined;
  const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
  return Array.from({ length: v.length / 4 }, (_, i) => view.getUint32(i * 4));
}

/** Every node after `from` (all of them for 0), in the order of the tree. */
function* allNodesAfter(k: KernelContext, from: number): Generator<number> {
  let started = from === 0;
  function* walk(np: number): Generator<number> {
    for (; np; np = k.ram.u32(np + DEVICE_NODE.sibling)) {
      yield np;
      yield* walk(k.ram.u32(np + DEVICE_NODE.child));
    }
  }
  for (const np of walk(ofRootAddr(k))) {
    if (started) yield np;
    else if (np === from) started = true;
  }
}

/** Linux's score for `compat` on the node: higher for earlier entries of its compatible list, 0 if absent. */
export function compatibleScore(k: KernelContext, np: number, compat: string): number {
  const list = propertyStrings(k, np, 'compatible') ?? [];
  const i = list.findIndex((c) => c.toLowerCase() === compat.toLowerCase());
  return i < 0 ? 0 : 0x3fff_ffff - (i << 2);
}

function nodeName(k: KernelContext, np: number): string {
  return k.ram.cString(k.ram.u32(np + DEVICE_NODE.name));
}

/** The best entry of an of_device_id table for the node, as __of_match_node scores them; 0 if none. */
export function matchNode(k: KernelContext, table: number, np: number): number {
  if (!table || !np) return 0;
  let best = 0, bestScore = 0;
  for (let id = table; ; id += OF_DEVICE_ID.size) {
    const name = k.ram.cString(id + OF_DEVICE_ID.name, 32);
    const type = k.ram.cString(id + OF_DEVICE_ID.type, 32);
    const compat = k.ram.cString(id + OF_DEVICE_ID.compatible, 128);
    if (!name && !type && !compat) break;
    let score = 0;
    if (compat) { score = compatibleScore(k, np, compat); if (!score) continue; }
    if (type) { if (propertyStrings(k, np, 'device_type')?.[0] !== type) continue; score += 2; }
    if (name) { if (nodeName(k, np) !== name) continue; score++; }
    if (score > bestScore) { best = id; bestScore = score; }
  }
  return best;
}

export function nodeAvailable(k: KernelContext, np: number): boolean {
  const status = propertyStrings(k, np, 'status')?.[0];
  return status === undefined || status === 'okay' || status === 'ok';
}

// --- The services ---------------------------------------------------------------

function readStringProperty(k: KernelContext, np: number, name: string, out: number): number {
  const pp = findProperty(k, np, name);
  if (!pp) return -E.EINVAL;
  const value = k.ram.u32(pp + PROPERTY.value);
  const len = k.ram.i32(pp + PROPERTY.length);
  if (!value) return -E.ENODATA;
  if (len === 0 || k.ram.cString(value, len).length >= len) return -E.EILSEQ;
  k.ram.setU32(out, value);
  return 0;
}

function readU32Array(k: KernelContext, np: number, name: string, out: number, min: number, max: number): number {
  const pp = findProperty(k, np, name);
  if (!pp) return -E.EINVAL;
  const value = k.ram.u32(pp + PROPERTY.value);
  const len = k.ram.i32(pp + PROPERTY.length);
  if (!value) return -E.ENODATA;
  if (len < min * 4 || (max && len > max * 4)) return -E.EOVERFLOW;
  const count = max ? Math.floor(len / 4) : min;
  const v = k.ram.bytes(value, count * 4);
  const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
  for (let i = 0; i < count; i++) k.ram.setU32(out + 4 * i, view.getUint32(i * 4));
  return count;
}

function readU64(k: KernelContext, np: number, name: string, out: number): number {
  const pp = findProperty(k, np, name);
  if (!pp) return -E.EINVAL;
  const value = k.ram.u32(pp + PROPERTY.value);
  if (!value) return -E.ENODATA;
  if (k.ram.i32(pp + PROPERTY.length) < 8) return -E.EOVERFLOW;
  const v = k.ram.bytes(value, 8);
  k.ram.setU64(out, new DataView(v.buffer, v.byteOffset, 8).getBigUint64(0));
  return 0;
}

function matchString(k: KernelContext, np: number, name: string, wanted: string): number {
  const pp = findProperty(k, np, name);
  if (!pp) return -E.EINVAL;
  const value = k.ram.u32(pp + PROPERTY.value);
  if (!value) return -E.ENODATA;
  const bytes = k.ram.bytes(value, k.ram.i32(pp + PROPERTY.length));
  if (bytes.length && bytes[bytes.length - 1] !== 0) return -E.EILSEQ;
  const i = String.fromCharCode(...bytes).split('\0').indexOf(wanted);
  return i < 0 || bytes.length === 0 ? -E.ENODATA : i;
}

function findByPath(k: KernelContext, path: string): number {
  const clean = path.split(':')[0];
  if (!clean.startsWith('/')) return 0;
  let np = ofRootAddr(k);
  for (const part of clean.split('/').filter((p) => p !== '')) {
    let child = k.ram.u32(np + DEVICE_NODE.child);
    for (; child; child = k.ram.u32(child + DEVICE_NODE.sibling)) {
      const full = k.ram.cString(k.ram.u32(child + DEVICE_NODE.full_name));
      if (full === part || (!part.includes('@') && nodeName(k, child) === part)) break;
    }
    if (!child) return 0;
    np = child;
  }
  return np;
}

function deviceMatch(k: KernelContext, table: number, dev: number): number {
  if (!table || !dev) return 0;
  return matchNode(k, table, k.ram.u32(dev + DEVICE.of_node));
}

export const ofServices: ServiceModule = {
  boot: ofBoot,
  services: {
    of_device_is_available: (k, a) => (a.u32(0) && nodeAvailable(k, a.u32(0)) ? 1 : 0),
    of_device_is_compatible: (k, a) => (a.u32(0) ? compatibleScore(k, a.u32(0), k.ram.cString(a.u32(1))) : 0),
    of_find_compatible_node(k, a) {
      const type = a.u32(1) ? k.ram.cString(a.u32(1)) : undefined;
      const compat = k.ram.cString(a.u32(2));
      for (const np of allNodesAfter(k, a.u32(0))) {
        if (type !== undefined && propertyStrings(k, np, 'device_type')?.[0] !== type) continue;
        if (compatibleScore(k, np, compat)) return np;
      }
      return 0;
    },
    of_find_node_by_path: (k, a) => findByPath(k, k.ram.cString(a.u32(0))),
    of_find_property(k, a) {
      const pp = findProperty(k, a.u32(0), k.ram.cString(a.u32(1)));
      if (pp && a.u32(2)) k.ram.setU32(a.u32(2), k.ram.u32(pp + PROPERTY.length));
      return pp;
    },
    of_get_property(k, a) {
      const pp = findProperty(k, a.u32(0), k.ram.cString(a.u32(1)));
      if (pp && a.u32(2)) k.ram.setU32(a.u32(2), k.ram.u32(pp + PROPERTY.length));
      return pp ? k.ram.u32(pp + PROPERTY.value) : 0;
    },
    of_get_child_by_name(k, a) {
      const name = k.ram.cString(a.u32(1));
      if (!a.u32(0)) return 0;
      for (let c = k.ram.u32(a.u32(0) + DEVICE_NODE.child); c; c = k.ram.u32(c + DEVICE_NODE.sibling)) {
        if (nodeName(k, c) === name) return c;
      }
      return 0;
    },
    of_get_next_child(k, a) {
      if (!a.u32(0)) return 0;
      return a.u32(1) ? k.ram.u32(a.u32(1) + DEVICE_NODE.sibling) : k.ram.u32(a.u32(0) + DEVICE_NODE.child);
    },
    of_get_parent: (k, a) => (a.u32(0) ? k.ram.u32(a.u32(0) + DEVICE_NODE.parent) : 0),
    of_match_node: (k, a) => matchNode(k, a.u32(0), a.u32(1)),
    of_property_match_string: (k, a) => matchString(k, a.u32(0), k.ram.cString(a.u32(1)), k.ram.cString(a.u32(2))),
    of_property_read_string: (k, a) => readStringProperty(k, a.u32(0), k.ram.cString(a.u32(1)), a.u32(2)),
    of_property_read_u64: (k, a) => readU64(k, a.u32(0), k.ram.cString(a.u32(1)), a.u32(2)),
    of_property_read_variable_u32_array: (k, a) => readU32Array(k, a.u32(0), k.ram.cString(a.u32(1)), a.u32(2), a.u32(3), a.u32(4)),
    of_match_device: (k, a) => deviceMatch(k, a.u32(0), a.u32(1)),
    of_device_get_match_data(k, a) {
      const dev = a.u32(0);
      const drv = dev ? k.ram.u32(dev + DEVICE.driver) : 0;
      const id = drv ? deviceMatch(k, k.ram.u32(drv + DEVICE_DRIVER.of_match_table), dev) : 0;
      return id ? k.ram.u32(id + OF_DEVICE_ID.data) : 0;
    },
  },
};
