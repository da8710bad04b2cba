// Code generation entry: the typed AST becomes GNU-as assembly for RV32IMA ilp32,
// as gcc -S would lay it out (.text/.rodata/.data/.bss, .globl, .type/.size), with
// `.file`/`.loc` line-table directives. Frame: s0 = incoming sp; ra and old s0
// just below it (below the a0-a7 save area in variadic functions), then parameters
// and locals, then the s-registers the body used for temporaries.

import type { Obj, TranslationUnit } from '../parse/ast.ts';
import { isStackOverflow, type Diagnostic } from '../diagnostics.ts';
import { Gen, dataAlign } from './codegen-state.ts';
import { genStmt } from './codegen-stmt.ts';
import { storeParams, returnsInMemory } from './codegen-call.ts';
import { emitData, emitAlias, userSection } from './codegen-data.ts';
import { reachableInlines } from './codegen-reach.ts';
import { alignOf, alignTo, sizeOf, type FuncType } from '../parse/types.ts';
import { AsmLines } from './asm-lines.ts';

/** `debugFunctions`, if given, receives each function emitted, its parameters' and locals'
 * frame slots assigned (the DWARF variable info is written from them, after assembly). */
export function codegen(tu: TranslationUnit, diags: Diagnostic[], debugFunctions?: Obj[]): string {
  const g = new Gen(diags, tu.file);
  try {
    for (const text of tu.topAsm ?? []) for (const l of text.split('\n')) g.out.push(`\t${l.trim()}`);
    const needed = reachableInlines(tu.globals);
    emitData(g, tu.globals.filter((o) => o.name !== '.str' || needed.has(o)));
    for (const fn of tu.globals) {
      if (fn.isFunction && fn.body && needed.has(fn)) { emitFunction(g, fn); debugFunctions?.push(fn); }
    }
    for (const o of tu.globals) if (o.alias !== undefined) emitAlias(g, o);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const loc = g.fn?.loc ?? { file: tu.file, line: 1, col: 1, offset: 0 };
    const message = isStackOverflow(e) ? 'this function is nested too deeply to compile; simplify its expressions'
      : `internal compiler error in code generation: ${msg} (please report this program)`;
    diags.push({ severity: 'error', message, loc, length: 1 });
  }
  return `\t.option nopic\n${g.out.text()}\n`;
}

/** Places parameters and locals below ra/s0 (and the a0-a7 save area of variadic
 * functions); returns the bytes used, before the saved s-registers. */
function assignFrame(g: Gen, fn: Obj): number {
  const ft = fn.ty as FuncType;
  const saveArea = ft.variadic ? 32 : 0;
  let off = saveArea + 8; // ra, s0
  if (returnsInMemory(ft.ret)) { off += 4; g.retPtrOffset = -off; }
  const place = (o: Obj, size: number, align: number): void => {
    off = alignTo(off + size, Math.min(16, Math.max(1, align)));
    o.offset = -off;
  };
  for (const p of fn.params ?? []) place(p, alignTo(sizeOf(p.ty), 4), Math.max(4, alignOf(p.ty)));
  for (const v of fn.locals ?? []) place(v, Math.max(1, sizeOf(v.ty)), Math.max(v.align, alignOf(v.ty), dataAlign(v.ty)));
  return alignTo(off, 4);
}

function emitFunction(g: Gen, fn: Obj): void {
  g.fn = fn;
  g.depth = 0;
  g.resetTemps();
  g.returnLabel = `.L.return.${fn.label}`;
  const ft = fn.ty as FuncType;
  const used = assignFrame(g, fn);
  const saveArea = ft.variadic ? 32 : 0;
  g.out.push('');
  g.emit(fn.section ? userSection(fn.section, true, 'x') : '.text');
  g.emit('.align 2');
  if (!fn.isStatic) g.emit(`.globl ${fn.label}`);
  if (fn.isWeak) g.emit(`.weak ${fn.label}`);
  g.emit(`.type ${fn.label}, @function`);
  g.label(fn.label);
  // The body is generated first: the prologue depends on how many s-registers it used.
  g.fileNo(fn.loc.file); // its .file line must precede the prologue's .loc
  const outer = g.out;
  const body = g.out = new AsmLines();
  try {
    storeParams(g, fn, ft.variadic);
    if (fn.body) genStmt(g, fn.body);
    if (ft.ret.kind !== 'void' && ft.ret.kind !== 'struct') g.emit('li a0, 0'); // main falls off the end: 0
  } finally {
    g.out = outer;
  }
  const sregSlot = (i: number): number => -(used + 4 * i);
  const frame = alignTo(used + 4 * g.maxSreg, 16);
  g.loc(fn.loc);
  g.addImm('sp', 'sp', -frame);
  g.mem('sw', 'ra', frame - saveArea - 4, 'sp');
  g.mem('sw', 's0', frame - saveArea - 8, 'sp');
  g.addImm('s0', 'sp', frame);
  for (let i = 1; i <= g.maxSreg; i++) g.mem('sw', `s${i}`, sregSlot(i), 's0');
  if (ft.variadic) for (let i = 0; i < 8; i++) g.mem('sw', `a${i}`, -32 + 4 * i, 's0');
  g.out.append(body);
  g.label(g.returnLabel);
  for (let i = 1; i <= g.maxSreg; i++) g.mem('lw', `s${i}`, sregSlot(i), 's0');
  g.mem('lw', 'ra', -saveArea - 4, 's0');
  g.emit('mv t0, s0');
  g.mem('lw', 's0', -saveArea - 8, 's0');
  g.emit('mv sp, t0');
  g.emit('ret');
  g.emit(`.size ${fn.label}, .-${fn.label}`);
  if (g.depth !== 0) g.error(fn.loc, fn.name.length, `internal: unbalanced expression stack in '${fn.name}'`);
  g.fn = undefined;
}
