// Static data: globals, static locals, string literals and file-scope compound
// literals, placed in .rodata/.data/.bss (or their __attribute__((section))) with
// .word relocations for addresses, as gcc emits them.

import type { Obj } from '../parse/ast.ts';
import { dataAlign, type Gen } from './codegen-state.ts';
import { sizeOf } from '../parse/types.ts';

/** gcc -O1/-O2 writes a file's variables last-defined first (its varpool order): so do we,
 * which makes sections like .modinfo byte-identical to gcc's. */
export function emitData(g: Gen, globals: Obj[]): void {
  for (let i = globals.length - 1; i >= 0; i--) {
    const obj = globals[i];
    if (obj.isFunction || !obj.isDefinition || obj.alias !== undefined) continue;
    emitObject(g, obj);
  }
}

/** gcc's RISC-V small-data limit (-msmall-data-limit=8): such objects go to .sdata/.sbss/.srodata. */
const SMALL_DATA_LIMIT = 8;

function sectionOf(obj: Obj): string {
  if (obj.section) return userSection(obj.section, !!obj.isReadOnly, obj.isFunction ? 'x' : '');
  if (obj.name === '.str') return '.section .rodata.str1.4,"aMS",@progbits,1'; // gcc's section for string literals
  const hasData = obj.data !== undefined && (obj.data.some((b) => b !== 0) || (obj.relocs?.length ?? 0) > 0);
  const size = sizeOf(obj.ty);
  const small = size > 0 && size <= SMALL_DATA_LIMIT && !obj.name.startsWith('.');
  if (obj.isReadOnly && (hasData || obj.data !== undefined)) return small ? '.section .srodata,"a"' : '.section .rodata';
  if (!hasData) return small ? '.section .sbss,"aw",@nobits' : '.bss';
  return small ? '.section .sdata,"aw"' : '.data';
}

/** An __attribute__((section)) as gcc writes it: read-only objects get "a", and names of
 * zero-filled sections (.bss.*) are @nobits. Names with characters gas would misread are quoted. */
export function userSection(name: string, readOnly: boolean, extra: string): string {
  const flags = extra === 'x' ? 'ax' : readOnly ? 'a' : 'aw';
  const quoted = /^[A-Za-z0-9_.$]+$/.test(name) ? name : `"${name}"`;
  const type = extra === 'x' ? ',@progbits' : /^\.s?bss(\.|$)/.test(name) ? ',@nobits' : '';
  return `.section ${quoted},"${flags}"${type}`;
}

/** `name` declared with __attribute__((alias("target"))): another symbol for target's address. */
export function emitAlias(g: Gen, obj: Obj): void {
  g.out.push('');
  if (!obj.isStatic) g.emit(`.globl ${obj.label}`);
  if (obj.isWeak) g.emit(`.weak ${obj.label}`);
  g.emit(`.set ${obj.label}, ${obj.alias as string}`);
}

function emitObject(g: Gen, obj: Obj): void {
  const size = sizeOf(obj.ty);
  // An explicit aligned(N) replaces gcc's rounding of arrays up to a word (.modinfo strings stay packed).
  const align = obj.userAligned ? Math.max(1, obj.align) : obj.name === '.str' ? 4 : Math.max(1, obj.align || 1, dataAlign(obj.ty));
  const section = sectionOf(obj);
  g.out.push('');
  if (!obj.isStatic) g.emit(`.globl ${obj.label}`);
  if (obj.isWeak) g.emit(`.weak ${obj.label}`);
  g.emit(section);
  g.emit(`.balign ${align}`);
  g.emit(`.type ${obj.label}, @object`);
  g.emit(`.size ${obj.label}, ${size}`);
  g.label(obj.label);
  if (section === '.bss' || section.includes('@nobits') || !obj.data) {
    g.emit(`.zero ${Math.max(size, 1)}`);
    return;
  }
  emitBytes(g, obj, size);
}

function emitBytes(g: Gen, obj: Obj, size: number): void {
  const data = obj.data as Uint8Array;
  const relocs = [...(obj.relocs ?? [])].sort((a, b) => a.offset - b.offset);
  let pos = 0;
  const flush = (end: number): void => {
    while (pos < end) {
      let z = pos;
      while (z < end && data[z] === 0) z++;
      if (z - pos >= 8) { g.emit(`.zero ${z - pos}`); pos = z; continue; }
      if (isPrintable(data[pos])) { pos = emitText(g, data, pos, end); continue; }
      const chunk: number[] = [];
      while (pos < end && chunk.length < 16) {
        if (data[pos] === 0 && pos + 8 <= end && data.subarray(pos, pos + 8).every((b) => b === 0)) break;
        chunk.push(data[pos++]);
      }
      if (chunk.length) g.emit(`.byte ${chunk.join(', ')}`);
    }
  };
  for (const r of relocs) {
    flush(r.offset);
    g.emit(`.word ${r.label}${r.addend > 0 ? `+${r.addend}` : r.addend < 0 ? `${r.addend}` : ''}`);
    pos = r.offset + 4;
  }
  flush(size);
  if (size === 0) g.emit('.zero 1');
}

function isPrintable(b: number): boolean { return b >= 0x20 && b < 0x7f; }

/** A run of printable bytes as `.ascii "..."`: text is a quarter of the size of a `.byte`
 * list and much cheaper to assemble (a 1 MB string literal). Returns where the run ends. */
function emitText(g: Gen, data: Uint8Array, pos: number, end: number): number {
  let text = '';
  for (; pos < end && text.length < 64 && isPrintable(data[pos]); pos++) {
    const c = String.fromCharCode(data[pos]);
    text += c === '"' || c === '\\' ? `\\${c}` : c;
  }
  g.emit(`.ascii "${text}"`);
  return pos;
}
