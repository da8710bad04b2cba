// File-scope declarations (C99 6.9): function definitions, global variables with
// tentative definitions, typedefs; plus the checks done when a function ends
// (undefined labels, unused variables, falling off the end of a non-void function).

import type { Token } from './token.ts';
import type { Obj, Stmt } from './ast.ts';
import { Parser } from './parse-state.ts';
import { attributes, declarator, declspec, applyIomem, isTypename, type DeclAttr } from './parse-decl.ts';
import { builtinCall } from './parse-builtin.ts';
import { parseInitializer, globalInitData } from './initializer.ts';
import { compoundStmtBody } from './parse-stmt.ts';
import { alignOf, sameType, typeName, type FuncType, type Type } from './types.ts';

export function topLevel(p: Parser): void {
  if (p.consume(';')) return;
  if (p.is('_Static_assert')) { builtinCall(p); p.expect(';'); return; }
  if (p.is('asm') || p.is('__asm__') || p.is('__asm')) p.error(p.tok, 'top-level asm() is not supported');
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
  const obj = declareExternVar(p, name, ty);
  obj.isStatic ||= !!a.isStatic;
  obj.align = Math.max(obj.align, a.align ?? 0);
  if (a.unused) obj.isUsed = true; // __attribute__((used/unused)): never "defined but not used"
  if (a.section) obj.section = a.section;
  if (a.weak) obj.isWeak = true;
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
  obj.isReadOnly = !!obj.ty.isConst;
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
  if (a.unused) obj.isUsed = true;
  if (a.printfFormat !== undefined) obj.printfFormat = a.printfFormat;
  if (a.section) obj.section = a.section;
  if (a.weak) obj.isWeak = true;
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
    const stmts = compoundStmtBody(p);
    obj.body = { kind: 'block', stmts, loc: open.loc };
    obj.locals = p.fn.locals;
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
  for (const o of p.globals) {
    if (!o.isStatic || o.isUsed || o.isInline || o.name.startsWith('.') || o.label !== o.name) continue;
    if (o.isFunction ? !o.body : !o.isDefinition) continue;
    p.warn(o.loc, o.name.length, `${o.isFunction ? 'function' : 'variable'} '${o.name}' defined but not used`);
  }
}

