// Statements and block-scope declarations (C99 6.7, 6.8), with error recovery at
// statement boundaries so one mistake does not hide the next.

import type { Token } from '../preprocess/token.ts';
import type { Expr, Obj, Stmt, AsmOperand, SwitchCase, BlockScope } from './ast.ts';
import { CompileAbort } from '../diagnostics.ts';
import { Parser, type SwitchCtx } from './parse-state.ts';
import { expr, assignExpr, tempLocal } from './parse-expr.ts';
import { assignConvert, cast, condition, isLvalue, article, rvalueType, varRef } from './expr-build.ts';
import { attributes, declarator, declspec, isTypename, constBigInt, applyIomem, skipBalanced, AUTO_TYPE, type DeclAttr } from './parse-decl.ts';
import { builtinCall } from './parse-builtin.ts';
import { parseConstraint } from './asm-operands.ts';
import { openLabelScope, closeLabelScope, localLabelDecl, computedGoto } from './parse-labels.ts';
import { openCleanupScope, closeCleanupScope, addCleanup, markJumpTarget, cleanupsBefore } from './parse-cleanup.ts';
import { parseInitializer, localInitExpr, globalInitData } from './initializer.ts';
import { declareFunction, declareExternVar, isReadOnlyObject } from './parse-global.ts';
import { isInteger, promote, typeName, unqual, alignOf, type Type } from './types.ts';
import { appendAll, charCodesToString } from '../big-arrays.ts';

/** Parses block items up to and including the closing '}' (the '{' is already consumed).
 * `scope`: an inner block's, whose locals the debug info lists under a lexical block. */
export function compoundStmtBody(p: Parser, scope?: BlockScope): Stmt[] {
  const stmts: Stmt[] = [];
  const outer = p.fn?.scope;
  if (p.fn && scope) p.fn.scope = scope;
  p.enterScope();
  openCleanupScope(p);
  openLabelScope(p);
  let closed = false;
  try {
    while (!p.consume('}')) {
      if (p.atEof()) p.error(p.tok, "expected '}' at end of input (a block is not closed)");
      const start = p.pos;
      try {
        appendAll(stmts, blockItem(p));
      } catch (e) {
        if (!(e instanceof CompileAbort)) throw e;
        p.record(e.diagnostic);
        p.recover(true, start);
        if (p.pos === start) p.next();
      }
    }
    const calls = closeCleanupScope(p);
    closed = true;
    if (!endsInJump(stmts[stmts.length - 1])) stmts.push(...calls);
  } finally {
    if (!closed) closeCleanupScope(p);
    closeLabelScope(p);
    p.leaveScope();
    if (p.fn) p.fn.scope = outer;
  }
  return stmts;
}

/** A scope for an inner block's locals, inside the one being parsed (none outside a function). */
function innerScope(p: Parser): BlockScope | undefined {
  return p.fn ? { parent: p.fn.scope, hasLocals: false } : undefined;
}

/** A block statement, carrying its scope only when it declared locals (codegen labels only those). */
function scopedBlock(stmts: Stmt[], loc: Stmt['loc'], scope: BlockScope | undefined): Stmt {
  return scope?.hasLocals ? { kind: 'block', stmts, loc, scope } : { kind: 'block', stmts, loc };
}

/** The block's last statement leaves it (its own cleanups already ran). */
function endsInJump(s: Stmt | undefined): boolean {
  if (!s) return false;
  if (s.kind === 'return' || s.kind === 'goto') return true;
  return s.kind === 'block' && endsInJump(s.stmts[s.stmts.length - 1]);
}

function blockItem(p: Parser): Stmt[] {
  if (p.is('__label__')) { localLabelDecl(p); return []; }
  p.unknownTypeName();
  if (isTypename(p) && !Parser.is(p.peek(), ':')) return declaration(p);
  if (p.is('_Static_assert')) { builtinCall(p); p.expect(';'); return []; }
  return [stmt(p)];
}

function declaration(p: Parser): Stmt[] {
  const a: DeclAttr = {};
  const base = declspec(p, a);
  if (p.consume(';')) return [];
  const out: Stmt[] = [];
  let first = true;
  while (!p.consume(';')) {
    if (!first && !p.consume(',')) p.expect(';', 'at the end of the declaration');
    first = false;
    const da: DeclAttr = { ...a };
    const d = declarator(p, base, da);
    const name = d.name as Token;
    const ty = applyIomem(d.ty, { iomem: da.iomem && !a.iomem });
    if (a.isTypedef) { p.declare(name.text, { kind: 'typedef', ty, loc: name.loc }); continue; }
    if (ty.kind === 'func') {
      if (a.isStatic) p.report(name.loc, name.length, `invalid storage class for function '${name.text}': a function declared inside a function cannot be 'static' (declare it at file scope)`);
      p.declare(name.text, { kind: 'var', obj: declareFunction(p, name, ty, { ...da, isStatic: false }) });
      continue;
    }
    if (ty.kind === 'void' && ty !== AUTO_TYPE) p.error(name, `variable '${name.text}' declared void`);
    if (a.isExtern) { p.declare(name.text, { kind: 'var', obj: declareExternVar(p, name, ty) }); continue; }
    if (a.isStatic) { staticLocal(p, name, ty, da); continue; }
    const s = localVariable(p, name, ty, da);
    if (s) out.push(s);
  }
  return out;
}

function checkRedeclared(p: Parser, name: Token): void {
  const prev = p.lookupCurrent(name.text);
  if (prev && prev.kind === 'var' && prev.obj.isLocal) {
    p.report(name.loc, name.length, `redeclaration of '${name.text}'`, [p.note(prev.obj.loc, name.length, 'previously declared here')]);
  }
}

function localVariable(p: Parser, name: Token, ty: Type, a: DeclAttr): Stmt | undefined {
  checkRedeclared(p, name);
  if (ty === AUTO_TYPE) {
    if (!p.is('=')) p.error(name, `'__auto_type' variable '${name.text}' needs an initializer`);
    const save = p.pos;
    p.next();
    ty = unqual(rvalueType(assignExpr(p).ty));
    p.pos = save; // parsed again below as the initializer
  }
  const obj: Obj = {
    name: name.text, label: '', ty, loc: name.loc, isLocal: true, isStatic: false, isDefinition: true,
    isFunction: false, offset: 0, align: Math.max(alignOf(ty), a.align ?? 0), isUsed: !!a.unused,
  };
  p.declare(name.text, { kind: 'var', obj });
  p.fn?.locals.push(obj);
  if (p.fn?.scope) { obj.scope = p.fn.scope; p.fn.scope.hasLocals = true; }
  if (a.cleanup) registerCleanup(p, obj, a.cleanup);
  if (a.asmName !== undefined && a.isRegister) {
    // gcc's local register variable: the register is what an asm operand using it gets.
    if (!isRegisterName(a.asmName)) p.error(name, `'${a.asmName}' is not a RISC-V register name`);
    obj.asmReg = a.asmName;
    obj.isModified = true;
  }
  if (p.consume('=')) {
    const init = parseInitializer(p, ty);
    obj.ty = init.ty;
    const wasUsed = obj.isUsed;
    const e = localInitExpr(p, obj, init, name);
    obj.isUsed = wasUsed;
    return { kind: 'expr', expr: e, loc: name.expandedFrom ?? name.loc };
  }
  if (ty.kind === 'array' && ty.len < 0) p.error(name, `array '${name.text}' needs a size or an initializer`);
  if (ty.kind === 'struct' && !ty.def.complete) p.error(name, `storage size of '${name.text}' isn't known ('${typeName(ty)}' is declared but not defined)`);
  return undefined;
}

function isRegisterName(r: string): boolean {
  return /^(x([12]?\d|3[01])|zero|ra|sp|gp|tp|t[0-6]|s([0-9]|1[01])|fp|a[0-7])$/.test(r);
}

function registerCleanup(p: Parser, obj: Obj, fnTok: Token): void {
  const e = p.lookup(fnTok.text);
  if (e?.kind !== 'var' || !e.obj.isFunction) return p.error(fnTok, `cleanup function '${fnTok.text}' is not a declared function`);
  e.obj.isUsed = true;
  obj.isModified = true;
  addCleanup(p, obj, e.obj, fnTok);
}

function staticLocal(p: Parser, name: Token, ty: Type, a: DeclAttr): void {
  const obj: Obj = {
    name: name.text, label: p.uniqueName(name.text), ty, loc: name.loc, isLocal: false, isStatic: true,
    isDefinition: true, isFunction: false, offset: 0, align: Math.max(alignOf(ty), a.align ?? 0), isUsed: true,
    section: a.section, userAligned: a.align !== undefined,
  };
  p.declare(name.text, { kind: 'var', obj });
  p.globals.push(obj);
  if (p.consume('=')) {
    const saved = p.inStaticInit;
    p.inStaticInit = true;
    let init;
    try { init = parseInitializer(p, ty); } finally { p.inStaticInit = saved; }
    obj.ty = init.ty;
    const { data, relocs } = globalInitData(p, init, init.ty);
    obj.data = data; obj.relocs = relocs;
  }
  obj.isReadOnly = isReadOnlyObject(obj.ty);
}

export function stmt(p: Parser): Stmt {
  const t = p.tok;
  const s = statement(p);
  // Code from a macro belongs, for the line table, to the line that used the macro (as in gcc).
  if (t.expandedFrom) s.loc = t.expandedFrom;
  return s;
}

function statement(p: Parser): Stmt {
  const t = p.tok;
  if (t.kind === 'ident' && Parser.is(p.peek(), ':') && p.fn) return labeled(p);
  if (t.kind !== 'keyword' && t.kind !== 'ident' && t.kind !== 'punct') return exprStmt(p);
  switch (t.text) {
    case '{': { p.next(); const scope = innerScope(p); return scopedBlock(compoundStmtBody(p, scope), t.loc, scope); }
    case ';': p.next(); return { kind: 'null', loc: t.loc };
    case 'return': return returnStmt(p);
    case 'if': return ifStmt(p);
    case 'while': return whileStmt(p);
    case 'do': return doStmt(p);
    case 'for': return forStmt(p);
    case 'switch': return switchStmt(p);
    case 'case': return caseStmt(p);
    case 'default': return defaultStmt(p);
    case 'break': case 'continue': return jumpStmt(p);
    case 'goto': return gotoStmt(p);
    case 'asm': case '__asm__': case '__asm': return asmStmt(p);
  }
  return exprStmt(p);
}

function exprStmt(p: Parser): Stmt {
  const t = p.tok;
  const e = expr(p);
  p.expect(';', 'after the expression');
  if (hasNoEffect(e)) {
    const hint = e.kind === 'binary' && e.op === '==' ? "; did you mean '=' ?" : '';
    p.warn(e.loc, e.length, `statement with no effect${hint}`);
  }
  return { kind: 'expr', expr: e, loc: t.loc };
}

/** A value computed and thrown away: no assignment, call or volatile access inside. */
function hasNoEffect(e: Expr): boolean {
  switch (e.kind) {
    case 'num': return true;
    case 'var': return !e.ty.isVolatile && e.ty.kind !== 'void';
    case 'binary': return hasNoEffect(e.lhs) && hasNoEffect(e.rhs);
    case 'neg': case 'bitnot': case 'not': return hasNoEffect(e.operand);
    default: return false;
  }
}

function parenCond(p: Parser, what: string): Expr {
  p.expect('(', `after '${what}'`);
  const e = expr(p);
  p.expect(')', `to close the condition of '${what}'`);
  return condition(p, e, `the condition of '${what}'`);
}

function returnStmt(p: Parser): Stmt {
  const t = p.next();
  const fnTy = p.fn?.obj.ty;
  const ret = fnTy && fnTy.kind === 'func' ? fnTy.ret : undefined;
  if (p.consume(';')) {
    if (ret && ret.kind !== 'void') p.warn(t.loc, t.length, `'return' with no value in function '${p.fn?.obj.name}' returning '${typeName(ret)}'`);
    return withCleanups(p, { kind: 'return', expr: undefined, loc: t.loc });
  }
  let e = expr(p);
  p.expect(';', 'after the return value');
  if (ret?.kind === 'void') {
    if (e.ty.kind !== 'void') p.report(e.loc, e.length, `'return' with a value in function '${p.fn?.obj.name}' returning void`);
  } else if (ret) e = assignConvert(p, e, ret, 'return');
  const local = addressOfLocal(e);
  if (local) p.warn(e.loc, e.length, `function returns the address of local variable '${local}', which no longer exists after the return`);
  return withCleanups(p, { kind: 'return', expr: e, loc: t.loc });
}

/** A return that leaves scopes with cleanup variables: the value is computed first, then the
 * cleanups run, then the function returns it (gcc's order). */
function withCleanups(p: Parser, s: Extract<Stmt, { kind: 'return' }>): Stmt {
  const calls = cleanupsBefore(p, undefined);
  if (calls.length === 0) return s;
  if (!s.expr || s.expr.ty.kind === 'void') return { kind: 'block', stmts: [...(s.expr ? [{ kind: 'expr' as const, expr: s.expr, loc: s.loc }] : []), ...calls, { ...s, expr: undefined }], loc: s.loc };
  const tmp = tempLocal(p, s.expr.ty, 'ret');
  const set: Expr = { kind: 'assign', lhs: varRef(tmp, s.expr), rhs: s.expr, ty: s.expr.ty, loc: s.expr.loc, length: s.expr.length };
  return { kind: 'block', stmts: [{ kind: 'expr', expr: set, loc: s.loc }, ...calls, { ...s, expr: varRef(tmp, s.expr) }], loc: s.loc };
}

function addressOfLocal(e: Expr): string | undefined {
  let x = e;
  while (x.kind === 'cast') x = x.operand;
  const isLocalVar = (v: Expr): v is Extract<Expr, { kind: 'var' }> => v.kind === 'var' && v.obj.isLocal && !v.obj.name.startsWith('.');
  if (x.kind === 'addr' && isLocalVar(x.operand)) return x.operand.obj.name;
  if (isLocalVar(x) && x.ty.kind === 'array') return x.obj.name;
  return undefined;
}

function ifStmt(p: Parser): Stmt {
  const t = p.next();
  const cond = parenCond(p, 'if');
  if (p.is(';') && !p.tok.atLineStart && !Parser.is(p.peek(), 'else')) {
    p.warn(p.tok.loc, 1, "empty body in an 'if' statement: the ';' ends the 'if', so the next statement always runs");
  }
  const then = stmt(p);
  const els = p.consume('else') ? stmt(p) : undefined;
  return { kind: 'if', cond, then, els, loc: t.loc };
}

function loopBody(p: Parser, brk: string, cont: string): Stmt {
  const fn = p.fn;
  if (!fn) return p.error(p.tok, 'statement outside a function');
  const saved = [fn.brk, fn.cont];
  fn.brk = brk; fn.cont = cont;
  markJumpTarget(p, brk); markJumpTarget(p, cont);
  try { return stmt(p); } finally { [fn.brk, fn.cont] = saved; }
}

function whileStmt(p: Parser): Stmt {
  const t = p.next();
  const cond = parenCond(p, 'while');
  const brk = p.uniqueLabel('brk'), cont = p.uniqueLabel('cont');
  const body = loopBody(p, brk, cont);
  return { kind: 'for', init: undefined, cond, inc: undefined, body, brk, cont, loc: t.loc };
}

function doStmt(p: Parser): Stmt {
  const t = p.next();
  const brk = p.uniqueLabel('brk'), cont = p.uniqueLabel('cont');
  const body = loopBody(p, brk, cont);
  p.expect('while', "after the body of 'do'");
  const cond = parenCond(p, 'do ... while');
  p.expect(';', "after 'do ... while (...)'");
  return { kind: 'do', body, cond, brk, cont, loc: t.loc };
}

function forStmt(p: Parser): Stmt {
  const t = p.next();
  p.expect('(', "after 'for'");
  p.enterScope();
  openCleanupScope(p);
  // `for (int i = 0; ...)`: i is visible in the loop only, a block of its own for the debug info.
  const outer = p.fn?.scope, scope = innerScope(p);
  if (p.fn && scope) p.fn.scope = scope;
  let after: Stmt[] | undefined;
  try {
    let init: Stmt | undefined;
    if (isTypename(p)) {
      const ds = declaration(p);
      init = { kind: 'block', stmts: ds, loc: t.loc };
    } else if (!p.consume(';')) {
      const it = p.tok;
      init = { kind: 'expr', expr: expr(p), loc: it.loc };
      p.expect(';', "after the initialization of 'for'");
    }
    const cond = p.is(';') ? undefined : condition(p, expr(p), "the condition of 'for'");
    p.expect(';', "after the condition of 'for'");
    const inc = p.is(')') ? undefined : expr(p);
    p.expect(')', "to close 'for (...)'");
    const brk = p.uniqueLabel('brk'), cont = p.uniqueLabel('cont');
    const body = loopBody(p, brk, cont);
    const loop: Stmt = { kind: 'for', init, cond, inc, body, brk, cont, loc: t.loc };
    after = closeCleanupScope(p); // variables of the 'for' (scoped_guard's) are cleaned up after the loop
    if (scope?.hasLocals) return scopedBlock([loop, ...after], t.loc, scope);
    return after.length === 0 ? loop : { kind: 'block', stmts: [loop, ...after], loc: t.loc };
  } finally {
    if (!after) closeCleanupScope(p);
    p.leaveScope();
    if (p.fn) p.fn.scope = outer;
  }
}

function switchStmt(p: Parser): Stmt {
  const t = p.next();
  p.expect('(', "after 'switch'");
  let cond = expr(p);
  p.expect(')');
  if (!isInteger(cond.ty)) p.exprError(cond, `switch needs an integer value, but this is ${article(cond.ty)}`);
  cond = cast(cond, promote(cond.ty));
  const fn = p.fn;
  if (!fn) return p.error(t, 'statement outside a function');
  const brk = p.uniqueLabel('brk');
  const sw: SwitchCtx = { cases: [], defaultLabel: undefined, ty: cond.ty, values: new Set(), ranges: [] };
  const saved = [fn.sw, fn.brk] as const;
  fn.sw = sw; fn.brk = brk;
  markJumpTarget(p, brk);
  let body: Stmt;
  try { body = stmt(p); } finally { fn.sw = saved[0]; fn.brk = saved[1]; }
  return { kind: 'switch', cond, body, cases: sw.cases, defaultLabel: sw.defaultLabel, brk, loc: t.loc };
}

function caseStmt(p: Parser): Stmt {
  const t = p.next();
  const sw = p.fn?.sw;
  if (!sw) p.error(t, "'case' label not within a switch statement");
  const lo = constBigInt(p);
  const hi = p.consume('...') ? constBigInt(p) : lo;
  p.expect(':', "after the case value");
  const conv = (v: bigint): bigint => (sw.ty.kind === 'int' && sw.ty.size === 8 ? v : BigInt.asIntN(32, v));
  const c: SwitchCase = { lo: conv(lo), hi: conv(hi), label: p.uniqueLabel('case') };
  if (isDuplicateCase(sw, c)) p.report(t.loc, t.length, `duplicate case value ${lo}`);
  sw.cases.push(c);
  if (c.lo === c.hi) sw.values.add(c.lo);
  else sw.ranges.push(c);
  return { kind: 'case', label: c.label, body: caseBody(p), loc: t.loc };
}

/** Whether `c` overlaps an earlier case: a look-up for a single value; ranges (rare) are
 * compared with the other ranges, and with the single values they could contain. */
function isDuplicateCase(sw: SwitchCtx, c: SwitchCase): boolean {
  if (sw.ranges.some((r) => c.lo <= r.hi && r.lo <= c.hi)) return true;
  if (c.lo === c.hi) return sw.values.has(c.lo);
  if (c.hi - c.lo < BigInt(sw.values.size)) {
    for (let v = c.lo; v <= c.hi; v++) if (sw.values.has(v)) return true;
    return false;
  }
  for (const v of sw.values) if (c.lo <= v && v <= c.hi) return true;
  return false;
}

function caseBody(p: Parser): Stmt {
  const t = p.tok;
  if (p.is('}')) return { kind: 'null', loc: t.loc }; // label at the end of a block (GNU)
  if (isTypename(p)) return { kind: 'block', stmts: declaration(p), loc: t.loc };
  return stmt(p);
}

function defaultStmt(p: Parser): Stmt {
  const t = p.next();
  const sw = p.fn?.sw;
  if (!sw) p.error(t, "'default' label not within a switch statement");
  if (sw.defaultLabel) p.report(t.loc, t.length, "multiple 'default' labels in one switch");
  p.expect(':', "after 'default'");
  const label = p.uniqueLabel('default');
  sw.defaultLabel = label;
  return { kind: 'case', label, body: caseBody(p), loc: t.loc };
}

function jumpStmt(p: Parser): Stmt {
  const t = p.next();
  p.expect(';', `after '${t.text}'`);
  const label = t.text === 'break' ? p.fn?.brk : p.fn?.cont;
  if (!label) p.error(t, t.text === 'break' ? "'break' is not inside a loop or switch" : "'continue' is not inside a loop");
  const calls = cleanupsBefore(p, label);
  const jump: Stmt = { kind: 'goto', label, loc: t.loc };
  return calls.length === 0 ? jump : { kind: 'block', stmts: [...calls, jump], loc: t.loc };
}

export function fnLabelOf(p: Parser, name: Token): string {
  if (!p.fn) return p.error(name, "'&&label' is only allowed inside a function");
  return fnLabel(p, name);
}

function fnLabel(p: Parser, name: Token): string {
  const fn = p.fn as NonNullable<Parser['fn']>;
  let l = fn.labels.get(name.text);
  if (!l) { l = { label: p.uniqueLabel(`lbl_${name.text}`), defined: false, tok: name }; fn.labels.set(name.text, l); }
  return l.label;
}

function gotoStmt(p: Parser): Stmt {
  const t = p.next();
  if (p.is('*')) return computedGoto(p, t);
  const name = p.ident('a label name');
  p.expect(';', "after 'goto label'");
  return { kind: 'goto', label: fnLabel(p, name), loc: t.loc };
}

function labeled(p: Parser): Stmt {
  const name = p.next();
  p.next();
  const label = fnLabel(p, name);
  const l = p.fn?.labels.get(name.text);
  if (l?.defined) p.report(name.loc, name.length, `duplicate label '${name.text}'`);
  if (l) l.defined = true;
  attributes(p, {});
  return { kind: 'label', label, body: caseBody(p), loc: name.loc };
}

// ---- inline assembly (operands: asm-operands.ts) ----

function asmStmt(p: Parser): Stmt {
  const t = p.next();
  while (p.is('volatile') || p.is('__volatile__') || p.is('__volatile') || p.is('inline')) p.next();
  if (p.is('goto')) p.error(p.tok, "'asm goto' is not supported");
  p.expect('(', "after 'asm'");
  let template = '';
  if (p.tok.kind !== 'string') p.error(p.tok, 'expected the assembly text as a string literal');
  while (p.tok.kind === 'string') {
    const b = p.next().bytes ?? new Uint8Array(1);
    template += charCodesToString(b.subarray(0, b.length - 1));
  }
  const outputs: AsmOperand[] = [], inputs: AsmOperand[] = [];
  if (p.consume(':')) asmOperands(p, outputs, true);
  if (p.consume(':')) asmOperands(p, inputs, false);
  if (p.consume(':')) { while (p.tok.kind === 'string' || p.is(',')) p.next(); }
  if (p.is(':')) { p.next(); skipToParen(p); }
  p.expect(')', "to close 'asm('");
  p.expect(';', "after 'asm(...)'");
  return { kind: 'asm', template, outputs, inputs, loc: t.loc };
}

function skipToParen(p: Parser): void { while (!p.is(')') && !p.atEof()) { if (p.is('(')) skipBalanced(p); else p.next(); } }

function asmOperands(p: Parser, out: AsmOperand[], isOutput: boolean): void {
  while (p.tok.kind === 'string' || p.is('[')) {
    let name: string | undefined;
    if (p.is('[')) { p.next(); name = p.ident('an operand name').text; p.expect(']'); }
    const ct = p.next();
    const b = ct.bytes ?? new Uint8Array(1);
    const constraint = charCodesToString(b.subarray(0, b.length - 1));
    p.expect('(');
    const e = isOutput ? expr(p) : assignExpr(p);
    p.expect(')');
    if (isOutput && !isLvalue(e)) p.exprError(e, 'an asm output operand must be a variable or memory location');
    if (isOutput && e.kind === 'var') e.obj.isModified = true;
    const info = parseConstraint(constraint, isOutput);
    if (info.error) p.error(ct, info.error);
    if (/[mA]/.test(info.letters) && !isLvalue(e)) p.exprError(e, `an asm memory operand ("${constraint}") must be a variable or memory location`);
    out.push({ constraint, expr: unqualExpr(e), name });
    if (!p.consume(',')) break;
  }
}

function unqualExpr(e: Expr): Expr { return e.ty.isConst ? e : { ...e, ty: unqual(e.ty).kind === 'void' ? e.ty : e.ty }; }
