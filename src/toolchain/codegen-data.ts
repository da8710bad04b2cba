// Static data: globals, static locals, string literals and file-scope compound
// literals, placed in .rodata/.data/.bss (or their __attribute__((section))) with
// .word relocations for addresses, as gcc emits them.

import type { Obj } from './ast.ts';
import { dataAlign, type Gen } from './codegen-state.ts';
import { sizeOf } from './types.ts';

export function emitData(g: Gen, globals: Obj[]): void {
  for (const obj of globals) {
    if (obj.isFunction || !obj.isDefinition) continue;
    emitObject(g, obj);
  }
}

function sectionOf(obj: Obj): string {
  if (obj.section) return `.section ${obj.section},"aw"`;
  const hasData = obj.data !== undefined && (obj.data.some((b) => b !== 0) || (obj.relocs?.length ?? 0) > 0);
  if (obj.isReadOnly && (hasData || obj.data !== undefined)) return '.section .rodata';
  if (!hasData) return '.bss';
  return '.data';
}

function emitObject(g: Gen, obj: Obj): void {
  const size = sizeOf(obj.ty);
  const align = Math.max(1, obj.align || 1, dataAlign(obj.ty));
  const section = sectionOf(obj);
  g.out.push('');
  if (!obj.isStatic) g.emit(`.globl ${obj.label}`);
  if (obj.isWeak) g.emit(`.weak ${obj.label}`);
  g.emit(section);
  g.emit(`.balign ${align}`);
  g.emit(`.type ${obj.label}, @object`);
  g.emit(`.size ${obj.label}, ${size}`);
  g.label(obj.label);
  if (section === '.bss' || !obj.data) {
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
