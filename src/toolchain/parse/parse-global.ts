// File-scope declarations (C99 6.9): function definitions, global variables with
// tentative definitions, typedefs; plus the checks done when a function ends
// (undefined labels, unused variables, falling off the end of a non-void function).

import type { Token } from '../preprocess/token.ts';
import type { Obj, Stmt } from './ast.ts';
import { Parser } from './parse-state.ts';
import { attributes, declarator, declspec, applyIomem, isTypename, type DeclAttr } from './parse-decl.ts';
import { builtinCall } from './parse-builtin.ts';
import { parseInitializer, globalInitData } from './initializer.ts';
import { compoundStmtBody } from './parse-stmt.ts';
import { noteInlineBody } from './parse-constprop.ts';
import { alignOf, sameType, typeName, type FuncType, type Type } from './types.ts';

export function topLevel(p: Parser): void {
  if (p.consume(';')) return;
  if (p.is('_Static_assert')) { builtinCall(p); p.expect(';'); return; }
  if (p.is('asm') || p.is('__asm__') || p.is('__asm')) { topLevelAsm(p); return; }
  const a: DeclAttr = {};
  p.unknownTypeName();
  if (p.tok.kind === 'ident' && Parser.is(p.peek(), '(') && !isTypename(p)) {
    p.error(p.tok, `'${p.tok.text}' has no return type; write 'int ${p.tok.text}(...)' or 'void ${p.tok.text}(...)'`);
  }
  const base = declspec(p, a);
  if (p.consume(';')) return;
  let first = true;
  while (!p.consume(';')) {
    if (!first && !p.consume(',')) p.expect(';', 'at the end of the declaration');
    const da: DeclAttr = { ...a };
    const d = declarator(p, base, da);
    const name = d.name as Token;
    const ty = applyIomem(d.ty, { iomem: da.iomem && !a.iomem });
    if (first && ty.kind === 'func' && (p.is('{') || isAttrThenBrace(p))) {
      attributes(p, da);
      functionDefinition(p, name, ty, da, d.paramToks ?? []);
      return;
    }
    first = false;
    globalDeclarator(p, name, ty, da);
  }
}

/** `asm("...");` outside functions (EXPORT_SYMBOL's tables): copied into the output as is. */
function topLevelAsm(p: Parser): void {
  p.next();
  p.expect('(', "after 'asm'");
  let text = '';
  if (p.tok.kind !== 'string') p.error(p.tok, 'expected the assembly text as a string literal');
  while (p.tok.kind === 'string') {
    const b = p.next().bytes ?? new Uint8Array(1);
    text += String.fromCharCode(...b.subarray(0, b.length - 1));
  }
  p.expect(')', "to close 'asm('");
  p.expect(';', "after 'asm(...)'");
  p.topAsm.push(text);
}

function isAttrThenBrace(p: Parser): boolean { return p.is('__attribute__') && p.tok.kind !== 'string'; }

function globalDeclarator(p: Parser, name: Token, ty: Type, a: DeclAttr): void {
  if (a.isTypedef) {
    const prev = p.lookupCurrent(name.text);
    if (prev && (prev.kind !== 'typedef' || !sameType(prev.ty, ty))) p.report(name.loc, name.length, `conflicting types for typedef '${name.text}'`);
    p.declare(name.text, { kind: 'typedef', ty, loc: name.loc });
    return;
  }
  if (ty.kind === 'func') { declareFunction(p, name, ty, a); return; }
  if (ty.kind === 'void') p.error(name, `variable '${name.text}' declared void`);
  if (a.isRegister) { globalRegister(p, name, ty, a); return; }
  const obj = declareExternVar(p, name, ty);
  if (a.asmName !== undefined) obj.label = a.asmName;
  obj.isStatic ||= !!a.isStatic;
  applyAttributes(p, obj, a, name);
  if (p.consume('=')) {
    if (obj.data) p.report(name.loc, name.length, `redefinition of '${name.text}'`, [p.note(obj.loc, name.length, 'previously defined here')]);
    const init = parseInitializer(p, ty);
    obj.ty = init.ty;
    const { data, relocs } = globalInitData(p, init, init.ty);
    obj.data = data; obj.relocs = relocs;
    obj.isDefinition = true;
    if (a.isExtern) p.warn(name.loc, name.length, `'${name.text}' is initialized and declared 'extern'`);
  } else if (!a.isExtern) {
    obj.isDefinition = true; // tentative definition: zero-filled
    if (ty.kind === 'array' && ty.len < 0) obj.ty = { ...ty, len: 1 };
    if (ty.kind === 'struct' && !ty.def.complete) p.error(name, `storage size of '${name.text}' isn't known ('${typeName(ty)}' is declared but not defined)`);
  }
  obj.isReadOnly = isReadOnlyObject(obj.ty);
}

/** Registers a global register variable may name: those our code never allocates. */
const FIXED_REGS = new Set(['tp', 'gp', 'sp', 'x4', 'x3', 'x2']);

/** `register T name asm("tp");` at file scope (the kernel's `current`, current_stack_pointer):
 * reading it reads the register; it has no storage. */
function globalRegister(p: Parser, name: Token, ty: Type, a: DeclAttr): void {
  if (a.asmName === undefined) return p.error(name, `file-scope variable '${name.text}' cannot be 'register' without asm("reg")`);
  if (!FIXED_REGS.has(a.asmName)) p.error(name, `global register variable '${name.text}' must use tp, gp or sp ('${a.asmName}' is used by compiled code)`);
  if (ty.kind !== 'int' && ty.kind !== 'ptr') p.error(name, `register variable '${name.text}' must be an integer or a pointer`);
  const obj: Obj = {
    name: name.text, label: name.text, ty, loc: name.loc, isLocal: false, isStatic: true, isDefinition: false,
    isFunction: false, offset: 0, align: 4, asmReg: a.asmName, isUsed: true,
  };
  p.declare(name.text, { kind: 'var', obj });
}

/** Where gcc places a const object: in .rodata unless volatile (a const array's elements are const). */
export function isReadOnlyObject(ty: Type): boolean {
  if (ty.isVolatile) return false;
  return !!ty.isConst || (ty.kind === 'array' && isReadOnlyObject(ty.base));
}

/** The attributes that shape an object's symbol: alignment, section, binding, alias, used. */
export function applyAttributes(p: Parser, obj: Obj, a: DeclAttr, name: Token): void {
  if (a.align !== undefined) {
    obj.align = Math.max(obj.isFunction ? 4 : alignOf(obj.ty), obj.userAligned ? obj.align : 0, a.align);
    obj.userAligned = true;
  }
  if (a.unused) obj.isUsed = true; // __attribute__((used/unused)): never "defined but not used"
  if (a.section) obj.section = a.section;
  if (a.weak) obj.isWeak = true;
  if (a.callDiagnostic) obj.callDiagnostic = a.callDiagnostic;
  if (a.alias !== undefined) {
    obj.alias = a.alias;
    obj.isUsed = true;
    p.aliases.push({ obj, tok: name });
  }
}

/** gcc: an alias must name a definition of the same file (checked once the file is parsed). */
export function checkAliases(p: Parser): void {
  for (const { obj, tok } of p.aliases) {
    const target = p.globals.find((o) => o.label === obj.alias && o.alias === undefined);
    if (!target || !(target.body || (!target.isFunction && target.isDefinition))) {
      p.report(tok.loc, tok.length, `'${obj.name}' is an alias of '${obj.alias}', which is not defined in this file; define '${obj.alias}' here or remove the alias attribute`);
      continue;
    }
    target.isUsed = true;
    if (target.isFunction !== obj.isFunction) {
      p.report(tok.loc, tok.length, `'${obj.name}' is declared as a ${obj.isFunction ? 'function' : 'variable'} but aliases the ${target.isFunction ? 'function' : 'variable'} '${target.name}'`);
    }
  }
}

function newGlobal(p: Parser, name: Token, ty: Type, isFunction: boolean): Obj {
  const obj: Obj = {
    name: name.text, label: name.text, ty, loc: name.loc, isLocal: false, isStatic: false, isDefinition: false,
    isFunction, offset: 0, align: isFunction ? 4 : alignOf(ty),
  };
  p.globals.push(obj);
  return obj;
}

function previousGlobal(p: Parser, name: Token): Obj | undefined {
  const e = p.lookup(name.text);
  if (e?.kind === 'var' && !e.obj.isLocal) return e.obj;
  return p.globalByName(name.text);
}

export function declareExternVar(p: Parser, name: Token, ty: Type): Obj {
  const prev = previousGlobal(p, name);
  if (prev && !prev.isFunction) {
    const compatible = sameType(prev.ty, ty) || (prev.ty.kind === 'array' && ty.kind === 'array' && sameType(prev.ty.base, ty.base));
    if (!compatible) {
      p.report(name.loc, name.length, `conflicting types for '${name.text}' ('${typeName(ty)}' here, '${typeName(prev.ty)}' before)`,
        [p.note(prev.loc, name.length, 'previous declaration is here')]);
    } else if (ty.kind === 'array' && ty.len >= 0) prev.ty = ty;
    p.declare(name.text, { kind: 'var', obj: prev });
    return prev;
  }
  if (prev) p.report(name.loc, name.length, `'${name.text}' redeclared as a different kind of symbol`, [p.note(prev.loc, name.length, 'previous declaration is here')]);
  const obj = newGlobal(p, name, ty, false);
  p.declare(name.text, { kind: 'var', obj });
  if (!p.atFileScope) p.declareGlobal(name.text, { kind: 'var', obj });
  return obj;
}

export function declareFunction(p: Parser, name: Token, ty: FuncType, a: DeclAttr): Obj {
  const prev = previousGlobal(p, name);
  let obj: Obj;
  if (prev && prev.isFunction) {
    const pt = prev.ty as FuncType;
    if (!sameType(pt, ty) && !pt.oldStyle) {
      p.report(name.loc, name.length, `conflicting types for '${name.text}' ('${typeName(ty)}' here, '${typeName(pt)}' before)`,
        [p.note(prev.loc, name.length, 'previous declaration is here')]);
    }
    if (pt.oldStyle || !ty.oldStyle) prev.ty = ty;
    obj = prev;
  } else {
    if (prev) p.report(name.loc, name.length, `'${name.text}' redeclared as a different kind of symbol`);
    obj = newGlobal(p, name, ty, true);
  }
  obj.isStatic ||= !!a.isStatic;
  obj.isInline ||= !!a.isInline;
  obj.isNoreturn ||= !!a.isNoreturn;
  if (a.printfFormat !== undefined) { obj.printfFormat = a.printfFormat; obj.printfFirst = a.printfFirst; }
  if (a.asmName !== undefined) obj.label = a.asmName;
  applyAttributes(p, obj, a, name);
  p.declareGlobal(name.text, { kind: 'var', obj });
  if (!p.atFileScope) p.declare(name.text, { kind: 'var', obj });
  return obj;
}

function functionDefinition(p: Parser, name: Token, ty: FuncType, a: DeclAttr, paramToks: (Token | undefined)[]): void {
  const obj = declareFunction(p, name, ty, a);
  if (obj.body) p.report(name.loc, name.length, `redefinition of function '${name.text}'`, [p.note(obj.loc, name.length, 'previously defined here')]);
  obj.isDefinition = true;
  obj.loc = name.loc;
  p.fn = { obj, locals: [], labels: new Map(), brk: undefined, cont: undefined, sw: undefined };
  const errorsBefore = p.errorCount;
  p.enterScope();
  try {
    obj.params = ty.params.map((param, i) => {
      const t = paramToks[i];
      if (!t || !param.name) p.error(name, `parameter ${i + 1} of '${name.text}' has no name`);
      if (param.ty.kind === 'struct' && !param.ty.def.complete) p.error(t, `parameter '${t.text}' has incomplete type '${typeName(param.ty)}'`);
      const po: Obj = {
        name: param.name, label: '', ty: param.ty, loc: t.loc, isLocal: true, isStatic: false, isDefinition: true,
        isFunction: false, offset: 0, align: alignOf(param.ty), isParam: true,
      };
      p.declare(param.name, { kind: 'var', obj: po });
      return po;
    });
    const open = p.expect('{');
    const openIndex = p.pos - 1;
    const stmts = compoundStmtBody(p);
    obj.body = { kind: 'block', stmts, loc: open.loc };
    obj.locals = p.fn.locals;
    noteInlineBody(p, obj, openIndex, p.pos, paramToks);
    finishFunction(p, obj, name, p.errorCount > errorsBefore);
  } finally {
    p.leaveScope();
    p.fn = undefined;
  }
}

function finishFunction(p: Parser, obj: Obj, name: Token, hadErrors: boolean): void {
  const fn = p.fn as NonNullable<Parser['fn']>;
  for (const [lname, l] of fn.labels) {
    if (!l.defined) p.report(l.tok.loc, l.tok.length, `label '${lname}' used but not defined`);
  }
  if (hadErrors) return; // the body is incomplete: flow warnings would be noise
  for (const v of fn.locals) {
    if (!v.isUsed && !v.name.startsWith('.')) p.warn(v.loc, v.name.length, `unused variable '${v.name}'`);
  }
  const ret = (obj.ty as FuncType).ret;
  if (ret.kind !== 'void' && obj.name !== 'main' && !obj.isNoreturn && mayFallThrough(p, obj.body as Stmt)) {
    const end = p.toks[p.pos - 1];
    p.warn(end.loc, end.length, `control reaches the end of non-void function '${name.text}' without a 'return'`);
  }
}

/** Conservative: false only when the statement surely does not complete normally. */
function mayFallThrough(p: Parser, s: Stmt): boolean {
  switch (s.kind) {
    case 'return': return false;
    case 'goto': return !s.label.includes('brk') && !s.label.includes('cont') ? false : true;
    case 'block': return s.stmts.length === 0 || mayFallThrough(p, s.stmts[s.stmts.length - 1]);
    case 'if': return !s.els || mayFallThrough(p, s.then) || mayFallThrough(p, s.els);
    case 'for': return s.cond !== undefined || containsBreak(s.body, s.brk);
    case 'do': return !(s.cond.kind === 'num' && s.cond.value !== 0n) || containsBreak(s.body, s.brk);
    case 'label': case 'case': return mayFallThrough(p, s.body);
    case 'switch': return !s.defaultLabel || containsBreak(s.body, s.brk) || mayFallThrough(p, s.body);
    case 'expr': {
      const e = s.expr;
      if (e.kind === 'call' && e.callee.kind === 'var' && e.callee.obj.isNoreturn) return false;
      return !(e.kind === 'nop');
    }
    default: return true;
  }
}

function containsBreak(s: Stmt, brk: string): boolean {
  switch (s.kind) {
    case 'goto': return s.label === brk;
    case 'block': return s.stmts.some((x) => containsBreak(x, brk));
    case 'if': return containsBreak(s.then, brk) || (s.els !== undefined && containsBreak(s.els, brk));
    case 'for': case 'do': case 'switch': case 'label': case 'case': return containsBreak(s.body, brk);
    default: return false;
  }
}

/** gcc -Wall's "defined but not used" for static functions and variables of the file. */
export function warnUnusedStatics(p: Parser): void {
  checkAliases(p);
  for (const o of p.globals) {
    if (!o.isStatic || o.isUsed || o.isInline || o.name.startsWith('.') || o.label !== o.name) continue;
    if (o.isFunction ? !o.body : !o.isDefinition) continue;
    p.warn(o.loc, o.name.length, `${o.isFunction ? 'function' : 'variable'} '${o.name}' defined but not used`);
  }
}

