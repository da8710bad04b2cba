// Calls and the callee side of the RISC-V ilp32 calling convention (psABI
// "Integer Calling Convention"): a0-a7 then the stack, 64-bit values in pairs
// (split between a7 and the stack; variadic ones in even-aligned pairs),
// aggregates <= 8 bytes by value in registers, larger ones by reference to a
// caller-made copy, struct returns > 8 bytes through a hidden pointer in a0.

import type { Expr, Obj } from '../parse/ast.ts';
import type { Gen } from './codegen-state.ts';
import { alignFor } from './codegen-state.ts';
import { genExpr, isSimpleLeaf, isSimpleLeaf64, simpleInto, simpleInto64 } from './codegen-expr.ts';
import { alignOf, alignTo, is64, sizeOf, type FuncType, type Type } from '../parse/types.ts';

/** Where each 4-byte word of an argument travels: a register a0-a7 or a stack offset. */
export type WordLoc = { reg: number } | { stack: number };

export interface ArgClass { words: WordLoc[]; byRef: boolean }

export function returnsInMemory(ret: Type): boolean { return ret.kind === 'struct' && sizeOf(ret) > 8; }

export function argWords(ty: Type): { n: number; align8: boolean; byRef: boolean } {
  if (ty.kind === 'struct') {
    const size = sizeOf(ty);
    if (size > 8) return { n: 1, align8: false, byRef: true };
    return { n: Math.ceil(size / 4), align8: alignOf(ty) === 8, byRef: false };
  }
  return is64(ty) ? { n: 2, align8: true, byRef: false } : { n: 1, align8: false, byRef: false };
}

/** Classifies arguments; returns per-argument word locations and the stack bytes used. */
export function classify(types: Type[], fixed: number, hiddenRet: boolean): { args: ArgClass[]; stackBytes: number; nextReg: number; nextStack: number } {
  let reg = hiddenRet ? 1 : 0, stack = 0;
  const args = types.map((ty, i) => {
    const { n, align8, byRef } = argWords(ty);
    const words: WordLoc[] = [];
    if (n === 2) {
      if (i >= fixed && align8 && reg % 2 === 1) reg++;
      if (reg <= 6) { words.push({ reg }, { reg: reg + 1 }); reg += 2; }
      else if (reg === 7) { words.push({ reg: 7 }, { stack }); stack += 4; reg = 8; }
      else {
        if (align8) stack = alignTo(stack, 8);
        words.push({ stack }, { stack: stack + 4 });
        stack += 8;
      }
    } else if (n === 1) {
      if (reg < 8) words.push({ reg: reg++ });
      else { words.push({ stack }); stack += 4; }
    }
    return { words, byRef };
  });
  return { args, stackBytes: alignTo(stack, 16), nextReg: reg, nextStack: stack };
}

function funcTypeOf(callee: Expr): FuncType {
  const t = callee.ty.kind === 'ptr' ? callee.ty.base : callee.ty;
  return t as FuncType;
}

export function genCall(g: Gen, e: Extract<Expr, { kind: 'call' }>): void {
  const ft = funcTypeOf(e.callee);
  const diag = e.callee.kind === 'var' ? e.callee.obj.callDiagnostic : undefined;
  if (diag && e.callee.kind === 'var') {
    // gcc's error/warning attribute: diagnosed only for calls that survive dead-code elimination.
    g.diags.push({ severity: diag.severity, message: `call to '${e.callee.obj.name}' declared with attribute ${diag.severity}: ${diag.message}`, loc: e.loc, length: Math.max(1, e.length) });
  }
  const hidden = returnsInMemory(ft.ret);
  const types = e.args.map((a) => a.ty);
  const fixed = ft.oldStyle ? e.args.length : ft.params.length;
  const cls = classify(types, fixed, hidden);
  if (tryRegisterOnlyCall(g, e, cls, hidden)) return;
  const base = g.depth;
  const wordDepth: number[][] = [];
  e.args.forEach((a, i) => { wordDepth.push(pushArg(g, a, cls.args[i].byRef)); });
  const direct = e.callee.kind === 'var' && e.callee.obj.isFunction ? e.callee.obj.label : undefined;
  let calleeDepth = 0;
  if (!direct) {
    genExpr(g, e.callee);
    g.push();
    calleeDepth = g.depth;
  }
  const newDepth = alignTo(g.depth + cls.stackBytes, 16);
  g.addImm('sp', 'sp', -(newDepth - g.depth));
  g.depth = newDepth;
  const at = (d: number): number => newDepth - d;
  // Stack words first (they use t0), then registers.
  cls.args.forEach((c, i) => c.words.forEach((w, k) => {
    if ('stack' in w) { g.mem('lw', 't0', at(wordDepth[i][k]), 'sp'); g.mem('sw', 't0', w.stack, 'sp'); }
  }));
  cls.args.forEach((c, i) => c.words.forEach((w, k) => {
    if ('reg' in w) g.mem('lw', `a${w.reg}`, at(wordDepth[i][k]), 'sp');
  }));
  if (hidden && e.retBuf) g.addrOf(e.retBuf);
  if (direct) g.emit(`call ${direct}`);
  else { g.mem('lw', 't1', at(calleeDepth), 'sp'); g.emit('jalr t1'); }
  g.addImm('sp', 'sp', newDepth - base);
  g.depth = base;
  finishCallResult(g, e, hidden);
}

/** Register path: when every argument travels in a0-a7 and none is a struct, computed
 * arguments wait in callee-saved temporaries (s1-s11, kept across nested calls) and
 * constants and variables are loaded last, straight into their argument registers. */
function tryRegisterOnlyCall(g: Gen, e: Extract<Expr, { kind: 'call' }>, cls: ReturnType<typeof classify>, hidden: boolean): boolean {
  if (cls.stackBytes > 0 || e.args.some((a) => a.ty.kind === 'struct')) return false;
  const direct = e.callee.kind === 'var' && e.callee.obj.isFunction ? e.callee.obj.label : undefined;
  const simple = e.args.map((a) => isSimpleLeaf(a) || isSimpleLeaf64(a));
  const regsOf = (i: number): string[] => cls.args[i].words.map((w) => `a${(w as { reg: number }).reg}`);
  if (!direct) { genExpr(g, e.callee); g.pushTemp(); }
  e.args.forEach((a, i) => {
    if (simple[i]) return;
    genExpr(g, a);
    if (is64(a.ty)) g.pushTemp64(); else g.pushTemp();
  });
  for (let i = e.args.length - 1; i >= 0; i--) {
    if (simple[i]) continue;
    const regs = regsOf(i);
    if (regs.length === 2) g.popTemp64(regs[0], regs[1]); else g.popTemp(regs[0]);
  }
  if (!direct) g.popTemp('t1');
  e.args.forEach((a, i) => {
    if (!simple[i]) return;
    const regs = regsOf(i);
    if (regs.length === 2) simpleInto64(g, a, regs[0], regs[1]); else simpleInto(g, a, regs[0]);
  });
  if (hidden && e.retBuf) g.addrOf(e.retBuf);
  const pad = (16 - (g.depth % 16)) % 16;
  if (pad) g.emit(`addi sp, sp, -${pad}`);
  g.emit(direct ? `call ${direct}` : 'jalr t1');
  if (pad) g.emit(`addi sp, sp, ${pad}`);
  finishCallResult(g, e, hidden);
  return true;
}

function finishCallResult(g: Gen, e: Extract<Expr, { kind: 'call' }>, hidden: boolean): void {
  if (e.ty.kind !== 'struct' || !e.retBuf) return;
  if (hidden) { g.addrOf(e.retBuf); return; }
  // Small struct came back in a0(:a1): spill it to the buffer so it has an address.
  g.addrOf(e.retBuf, 't1');
  const size = sizeOf(e.ty);
  storeWords(g, 't1', size);
  g.emit('mv a0, t1');
}

function storeWords(g: Gen, addr: string, size: number): void {
  for (let off = 0; off < size; off += 4) {
    const reg = off === 0 ? 'a0' : 'a1';
    const left = size - off;
    if (left >= 4) g.emit(`sw ${reg}, ${off}(${addr})`);
    else for (let b = 0; b < left; b++) { g.emit(`srli t2, ${reg}, ${8 * b}`); g.emit(`sb t2, ${off + b}(${addr})`); }
  }
}

/** Evaluates one argument and pushes its words; returns the depth of each word. */
function pushArg(g: Gen, a: Expr, byRef: boolean): number[] {
  genExpr(g, a);
  if (a.ty.kind === 'struct') {
    const size = sizeOf(a.ty);
    if (byRef) {
      // The callee may modify its copy: make one on our stack, pass its address.
      const room = alignTo(size, 8) + ((8 - ((g.depth + alignTo(size, 8)) % 8)) % 8);
      g.emit('mv t1, a0');
      g.addImm('sp', 'sp', -room);
      g.depth += room;
      g.emit('mv t5, sp');
      g.copyBytes('t5', 't1', size, alignFor(a.ty));
      g.emit('mv a0, sp');
      g.push();
      return [g.depth];
    }
    const n = Math.ceil(size / 4);
    g.emit('mv t1, a0');
    loadWordsFrom(g, 't1', size, alignFor(a.ty));
    if (n === 2) { g.push64(); return [g.depth, g.depth - 4]; }
    if (n === 1) { g.push(); return [g.depth]; }
    return [];
  }
  if (is64(a.ty)) { g.push64(); return [g.depth, g.depth - 4]; }
  g.push();
  return [g.depth];
}

/** Loads up to 8 bytes at [addr] into a0(:a1) without misaligned accesses. */
function loadWordsFrom(g: Gen, addr: string, size: number, align: number): void {
  for (let off = 0; off < size; off += 4) {
    const reg = off === 0 ? 'a0' : 'a1';
    const left = Math.min(4, size - off);
    if (left === 4 && align >= 4) { g.emit(`lw ${reg}, ${off}(${addr})`); continue; }
    g.emit(`lbu ${reg}, ${off}(${addr})`);
    for (let b = 1; b < left; b++) {
      g.emit(`lbu t2, ${off + b}(${addr})`);
      g.emit(`slli t2, t2, ${8 * b}`);
      g.emit(`or ${reg}, ${reg}, t2`);
    }
  }
}

/** Prologue part: moves incoming arguments into the parameters' frame slots. */
export function storeParams(g: Gen, fn: Obj, variadicSaveArea: boolean): void {
  const ft = fn.ty as FuncType;
  const hidden = returnsInMemory(ft.ret);
  const params = fn.params ?? [];
  const cls = classify(params.map((p) => p.ty), params.length, hidden);
  if (hidden) g.mem('sw', 'a0', g.retPtrOffset, 's0');
  params.forEach((p, i) => {
    const c = cls.args[i];
    if (c.byRef) {
      wordInto(g, c.words[0], 't1', variadicSaveArea);
      g.addrOf(p, 't5');
      g.copyBytes('t5', 't1', sizeOf(p.ty), alignFor(p.ty));
      return;
    }
    const size = sizeOf(p.ty);
    c.words.forEach((w, k) => {
      const st = size - 4 * k >= 4 ? 'sw' : size - 4 * k === 2 ? 'sh' : size - 4 * k === 1 ? 'sb' : 'sw';
      const reg = 'reg' in w && !variadicSaveArea ? `a${w.reg}` : 't0';
      if (reg === 't0') wordInto(g, w, 't0', variadicSaveArea);
      if (st === 'sw' && size - 4 * k < 4) {
        for (let b = 0; b < size - 4 * k; b++) { g.emit(`srli t2, ${reg}, ${8 * b}`); g.mem('sb', 't2', p.offset + 4 * k + b, 's0'); }
      } else g.mem(st, reg, p.offset + 4 * k, 's0');
    });
  });
  g.vaOffset = cls.nextReg < 8 ? -32 + 4 * cls.nextReg : cls.nextStack;
}

function wordInto(g: Gen, w: WordLoc, reg: string, variadicSaveArea: boolean): void {
  if ('reg' in w) {
    if (variadicSaveArea) g.mem('lw', reg, -32 + 4 * w.reg, 's0');
    else g.emit(`mv ${reg}, a${w.reg}`);
  } else g.mem('lw', reg, w.stack, 's0');
}
