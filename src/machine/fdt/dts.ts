// Prints a device tree as DTS source the way `dtc -I dtb -O dts` does
// (dtc's treesource.c): a value that reads as NUL-terminated printable
// strings is shown as strings, a multiple of 4 bytes as <cells>, anything
// else as [bytes]. Same input, same text as dtc, so the two can be diffed.

import { decodeUtf8, type FdtNode, type FdtTree } from './fdt.ts';

const ESCAPES: Record<number, string> = {
  0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r',
  0x5c: '\\\\', 0x22: '\\"', 0x00: '\\0',
};

function isPrint(b: number): boolean {
  return b >= 0x20 && b < 0x7f;
}

/** dtc's guess_value_type for a value with no labels. */
function looksLikeStrings(v: Uint8Array): boolean {
  if (v.length === 0 || v[v.length - 1] !== 0) return false;
  let nul = 0;
  for (const b of v) {
    if (b === 0) nul++;
    else if (!isPrint(b) && !(b >= 0x07 && b <= 0x0d)) return false;
  }
  return nul <= v.length - nul;
}

function formatStrings(v: Uint8Array): string {
  let s = '"';
  for (let i = 0; i < v.length - 1; i++) {
    const b = v[i];
    if (ESCAPES[b] !== undefined) s += ESCAPES[b];
    else if (isPrint(b)) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `${s}"`;
}

function formatCells(v: Uint8Array): string {
  const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
  const cells: string[] = [];
  for (let i = 0; i < v.length; i += 4) cells.push(`0x${view.getUint32(i).toString(16).padStart(2, '0')}`);
  return `<${cells.join(' ')}>`;
}

function formatBytes(v: Uint8Array): string {
  return `[${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join(' ')}]`;
}

export function formatPropertyValue(v: Uint8Array): string {
  if (looksLikeStrings(v)) return formatStrings(v);
  if (v.length % 4 === 0) return formatCells(v);
  return formatBytes(v);
}

function printNode(node: FdtNode, level: number, out: string[]): void {
  const indent = '\t'.repeat(level);
  out.push(`${indent}${node.name ? node.name : '/'} {`);
  for (const p of node.props) {
    out.push(p.value.length === 0 ? `${indent}\t${p.name};` : `${indent}\t${p.name} = ${formatPropertyValue(p.value)};`);
  }
  for (const child of node.children) {
    out.push('');
    printNode(child, level + 1, out);
  }
  out.push(`${indent}};`);
}

const hex16 = (v: number): string => `0x${v.toString(16).padStart(16, '0')}`;

/** The whole tree as DTS text. */
export function printDts(tree: FdtTree): string {
  const out = ['/dts-v1/;', ''];
  for (const r of tree.reservations) out.push(`/memreserve/\t${hex16(r.address)} ${hex16(r.size)};`);
  printNode(tree.root, 0, out);
  return `${out.join('\n')}\n`;
}

/** One node and its children as DTS text, at the top level (a pane showing one device's node). */
export function printDtsNode(node: FdtNode): string {
  const out: string[] = [];
  printNode(node, 0, out);
  return `${out.join('\n')}\n`;
}

/** A property value in words, for /proc/device-tree style views. */
export function propertyText(v: Uint8Array): string {
  return looksLikeStrings(v) ? decodeUtf8(v.subarray(0, v.length - 1)).split('\0').join(', ') : formatPropertyValue(v);
}
