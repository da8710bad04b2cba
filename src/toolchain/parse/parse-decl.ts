// Declaration specifiers, declarators, type names and GNU attributes
// (C99 6.7), including the kernel's annotations (__iomem, __user, __init, ...).

import type { Token, SourceLoc } from '../preprocess/token.ts';
import { Parser, afterTok } from './parse-state.ts';
import {
  arrayOf, funcType, intType, pointerTo, tyBool, tyVoid, unqual, withQuals, sizeOf, typeName,
  type IntName, type Param, type Type,
} from './types.ts';
import { structOrUnionSpec, enumSpec } from './parse-struct.ts';
import { assignExpr, conditional } from './parse-expr.ts';
import { evalInt } from './const-eval.ts';
import { charCodesToString } from '../big-arrays.ts';

/** Placeholder base type of `__auto_type x = expr;`, replaced by the initializer's type. */
export const AUTO_TYPE: Type = { kind: 'void', alias: '__auto_type' };

export interface DeclAttr {
  isTypedef?: boolean;
  isStatic?: boolean;
  isExtern?: boolean;
  isInline?: boolean;
  isNoreturn?: boolean;
  align?: number;
  section?: string;
  packed?: boolean;
  weak?: boolean;
  unused?: boolean;
  iomem?: boolean;
  /** format(printf, fmt, first): 1-based index of the format argument. */
  printfFormat?: number;
  printfFirst?: number;
  isRegister?: boolean;
  /** `asm("name")` after the declarator: a register (with 'register') or the symbol's name. */
  asmName?: string;
  /** cleanup(fn): the function called with the variable's address when it leaves scope. */
  cleanup?: Token;
  /** alias("target"): this name is another name for target's definition. */
  alias?: string;
  /** error("msg")/warning("msg"): a call that survives dead-code elimination is diagnosed. */
  callDiagnostic?: { severity: 'error' | 'warning'; message: string };
}

const TYPE_WORDS = new Set([
  'void', '_Bool', 'char', 'short', 'int', 'long', 'signed', 'unsigned', '__signed__', '__signed',
  'struct', 'union', 'enum', 'typeof', '__typeof__', '__typeof', '__builtin_va_list', 'float', 'double',
  '_Complex', '__int128', '__auto_type',
]);
const QUALIFIERS = new Set([
  'const', 'volatile', 'restrict', '__restrict', '__restrict__', '__volatile__', '__volatile', '__const', '__const__',
  '_Atomic',
]);
const STORAGE = new Set([
  'typedef', 'static', 'extern', 'inline', '__inline', '__inline__', 'register', 'auto', '_Noreturn',
  '_Thread_local', '__thread', '__extension__', '_Alignas', '__attribute__', '__attribute',
]);
/** Kernel annotations that are plain markers for sparse or the linker: accepted and ignored. */
const KERNEL_MARKERS = new Set([
  '__user', '__kernel', '__force', '__rcu', '__percpu', '__init', '__exit', '__initdata', '__exitdata',
  '__initconst', '__must_check', '__maybe_unused', '__read_mostly', '__cold', '__hot', '__pure', '__used',
  '__visible', '__noinline', 'noinline', '__weak', '__always_inline', '__iomem', '__packed', '__nocast',
  '__bitwise', '__private', '__ref', '__noreturn', 'asmlinkage', 'notrace', '__deprecated', '__unused',
]);
const MARKERS_WITH_ARGS = new Set(['__aligned', '__section', '__printf', '__scanf']);

function isKernelMarker(p: Parser, t: Token): boolean {
  if (t.kind !== 'ident' && t.kind !== 'keyword') return false;
  if (!KERNEL_MARKERS.has(t.text) && !(MARKERS_WITH_ARGS.has(t.text) && Parser.is(p.peekAfter(t), '('))) return false;
  return p.lookup(t.text) === undefined;
}

/** Does the current token start a type name or declaration? */
export function isTypename(p: Parser, t: Token = p.tok): boolean {
  if (t.kind !== 'ident' && t.kind !== 'keyword') return false;
  if (TYPE_WORDS.has(t.text) || QUALIFIERS.has(t.text) || STORAGE.has(t.text)) return true;
  return p.isTypedefName(t) || isKernelMarker(p, t);
}

/** Parses any __attribute__((...)) lists and kernel markers at the cursor. */
export function attributes(p: Parser, attr: DeclAttr): void {
  for (;;) {
    const t = p.tok;
    if (p.is('__attribute__') || p.is('__attribute')) {
      p.next();
      p.expect('('); p.expect('(');
      attributeList(p, attr);
      p.expect(')'); p.expect(')');
    } else if (isKernelMarker(p, t)) {
      p.next();
      kernelMarker(p, t, attr);
    } else if (p.is('__extension__')) {
      p.next();
    } else return;
  }
}

function kernelMarker(p: Parser, t: Token, attr: DeclAttr): void {
  switch (t.text) {
    case '__iomem': attr.iomem = true; return;
    case '__always_inline': attr.isInline = true; return;
    case '__packed': attr.packed = true; return;
    case '__noreturn': attr.isNoreturn = true; return;
    case '__weak': attr.weak = true; return;
    case '__maybe_unused': case '__unused': case '__used': attr.unused = true; return;
    case '__aligned': p.expect('('); attr.align = constInt(p); p.expect(')'); return;
    case '__section': p.expect('('); attr.section = stringArg(p); p.expect(')'); return;
    case '__printf': {
      p.expect('(');
      attr.printfFormat = constInt(p);
      if (p.consume(',')) attr.printfFirst = constInt(p);
      while (!p.is(')') && !p.atEof()) p.next();
      p.expect(')');
      return;
    }
    case '__scanf': skipBalanced(p); return;
  }
}

function attributeList(p: Parser, attr: DeclAttr): void {
  while (!p.is(')')) {
    if (p.consume(',')) continue;
    const name = p.next();
    const n = name.text.replace(/^__(.*)__$/, '$1');
    const hasArgs = p.is('(');
    switch (n) {
      case 'packed': attr.packed = true; break;
      case 'noreturn': attr.isNoreturn = true; break;
      case 'weak': attr.weak = true; break;
      case 'unused': case 'used': attr.unused = true; break;
      case 'always_inline': attr.isInline = true; break;
      case 'cleanup':
        if (hasArgs) { p.next(); attr.cleanup = p.ident('the name of a cleanup function'); p.expect(')'); }
        continue;
      case 'alias':
        if (hasArgs) { p.next(); attr.alias = stringArg(p); p.expect(')'); }
        continue;
      case 'error': case 'warning':
        if (hasArgs) { p.next(); attr.callDiagnostic = { severity: n, message: stringArg(p) }; p.expect(')'); }
        continue;
      case 'aligned':
        if (hasArgs) { p.next(); attr.align = constInt(p); p.expect(')'); } else attr.align = 16;
        continue;
      case 'section':
        if (hasArgs) { p.next(); attr.section = stringArg(p); p.expect(')'); }
        continue;
      case 'mode': p.error(name, "__attribute__((mode)) is not supported; use the fixed-size types of <linux/types.h>");
      // eslint-disable-next-line no-fallthrough
      case 'format':
        if (hasArgs && /printf/.test(p.peek().text)) {
          p.next(); p.next(); p.expect(',');
          attr.printfFormat = constInt(p);
          if (p.consume(',')) attr.printfFirst = constInt(p);
          while (!p.is(')') && !p.atEof()) p.next();
          p.expect(')');
          continue;
        }
        break;
    }
    if (p.is('(')) skipBalanced(p);
  }
}

function stringArg(p: Parser): string {
  const t = p.tok;
  if (t.kind !== 'string') return p.error(t, 'expected a string');
  let s = '';
  while (p.tok.kind === 'string') {
    const b = p.next().bytes ?? new Uint8Array([0]);
    s += charCodesToString(b.subarray(0, b.length - 1));
  }
  return s;
}

export function skipBalanced(p: Parser): void {
  let depth = 0;
  do {
    if (p.atEof()) p.error(p.tok, "unbalanced parentheses: expected ')'");
    if (p.is('(')) depth++;
    else if (p.is(')')) depth--;
    p.next();
  } while (depth > 0);
}

/** The largest array or static object: what the assembler's .zero accepts, half the board's RAM. */
const MAX_OBJECT_BYTES = 1 << 26;

export function constInt(p: Parser): number {
  return Number(constBigInt(p));
}

/** An integer constant expression at full precision (64-bit case labels lose bits as a number). */
export function constBigInt(p: Parser): bigint {
  const e = conditional(p);
  const v = evalInt(e);
  if (v === undefined) return p.exprError(e, 'expected an integer constant expression here');
  return v;
}

interface Counts { signed: number; unsigned: number; short: number; long: number; char: number; int: number }

/** declaration-specifiers: storage class, qualifiers, attributes and the base type. */
export function declspec(p: Parser, attr: DeclAttr | undefined): Type {
  let base: Type | undefined;
  const c: Counts = { signed: 0, unsigned: 0, short: 0, long: 0, char: 0, int: 0 };
  let isConst = false, isVolatile = false, any = false;
  const a: DeclAttr = attr ?? {};
  const start = p.tok;
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'ident' && t.kind !== 'keyword') break;
    const w = t.text;
    if (STORAGE.has(w) || isKernelMarker(p, t)) {
      if (!storageClass(p, t, a, attr !== undefined)) continue;
      any = true;
      continue;
    }
    if (QUALIFIERS.has(w)) {
      p.next();
      if (w.includes('const')) isConst = true;
      if (w.includes('volatile')) isVolatile = true;
      any = true;
      continue;
    }
    if (TYPE_WORDS.has(w)) {
      const prev = p.toks[p.pos - 1];
      if (base && base.kind === 'struct' && Parser.is(prev, '}')) {
        p.errorAt(afterTok(prev), 1, `expected ';' after the definition of '${typeName(base)}'`);
      }
      if (base) p.error(t, `two or more data types in declaration (already '${typeName(base)}')`);
      base = typeWord(p, t, c, a);
      any = true;
      continue;
    }
    if (p.isTypedefName(t) && !base && !hasCounts(c)) {
      p.next();
      const e = p.lookup(w);
      base = e?.kind === 'typedef' ? { ...e.ty, alias: w } : tyVoid;
      any = true;
      continue;
    }
    break;
  }
  if (!any) return p.error(start, `expected a type, found '${start.text || 'end of file'}'`);
  const ty = base ?? countsType(p, start, c);
  return withQuals(ty, { isConst, isVolatile, isIomem: a.iomem });
}

function hasCounts(c: Counts): boolean { return c.signed + c.unsigned + c.short + c.long + c.char + c.int > 0; }

function storageClass(p: Parser, t: Token, a: DeclAttr, allowed: boolean): boolean {
  const w = t.text;
  if (w === '__attribute__' || w === '__attribute' || isKernelMarker(p, t) || w === '__extension__') {
    attributes(p, a);
    return false;
  }
  p.next();
  if (w === '_Alignas') {
    p.expect('(');
    a.align = isTypename(p) ? alignOfType(typeNameRule(p)) : constInt(p);
    p.expect(')');
    return true;
  }
  if (!allowed && (w === 'typedef' || w === 'static' || w === 'extern')) {
    p.error(t, `'${w}' is not allowed here`);
  }
  if (w === 'typedef') a.isTypedef = true;
  else if (w === 'static') a.isStatic = true;
  else if (w === 'extern') a.isExtern = true;
  else if (w.includes('inline')) a.isInline = true;
  else if (w === '_Noreturn') a.isNoreturn = true;
  else if (w === 'register') a.isRegister = true;
  return true;
}

function alignOfType(t: Type): number { return t.kind === 'struct' ? t.def.align : Math.max(1, Math.min(8, sizeOf(t))); }

function typeWord(p: Parser, t: Token, c: Counts, a: DeclAttr): Type | undefined {
  const w = t.text;
  switch (w) {
    case 'float': case 'double': case '_Complex':
      return p.error(t, 'floating point is not available in kernel code (the kernel never saves FPU state); use integers, e.g. fixed-point or milli-units');
    case '__int128': return p.error(t, '__int128 is not supported on riscv32');
    case 'void': p.next(); return tyVoid;
    case '_Bool': p.next(); return tyBool;
    case '__builtin_va_list': p.next(); return pointerTo(intType('char'));
    case '__auto_type': p.next(); return AUTO_TYPE;
    case 'struct': case 'union': p.next(); return structOrUnionSpec(p, w === 'union', a);
    case 'enum': p.next(); return enumSpec(p);
    case 'typeof': case '__typeof__': case '__typeof': p.next(); return typeofSpec(p);
  }
  p.next();
  if (w === 'signed' || w === '__signed__' || w === '__signed') c.signed++;
  else if (w === 'unsigned') c.unsigned++;
  else if (w === 'short') c.short++;
  else if (w === 'long') c.long++;
  else if (w === 'char') c.char++;
  else if (w === 'int') c.int++;
  if (c.long > 2 || c.short > 1 || c.char > 1 || c.int > 1 || c.signed + c.unsigned > 1 || (c.short && c.long) || (c.char && (c.short || c.long || c.int))) {
    p.error(t, `invalid combination of type words ('${w}' here)`);
  }
  return undefined;
}

function countsType(p: Parser, at: Token, c: Counts): Type {
  if (!hasCounts(c)) return p.error(at, 'expected a type');
  const u = c.unsigned > 0;
  let name: IntName;
  if (c.char) name = u ? 'unsigned char' : c.signed ? 'signed char' : 'char';
  else if (c.short) name = u ? 'unsigned short' : 'short';
  else if (c.long === 2) name = u ? 'unsigned long long' : 'long long';
  else if (c.long === 1) name = u ? 'unsigned long' : 'long';
  else name = u ? 'unsigned int' : 'int';
  return intType(name);
}

function typeofSpec(p: Parser): Type {
  p.expect('(');
  let ty: Type;
  if (isTypename(p)) ty = typeNameRule(p);
  else {
    const e = exprForTypeof(p);
    ty = e;
  }
  p.expect(')');
  return ty;
}

function exprForTypeof(p: Parser): Type {
  // typeof(expr) does not evaluate expr; parse it just for its type.
  const before = p.diags.length, start = p.tok;
  p.unevaluated++;
  let e: Type;
  try { e = assignExprList(p); } finally { p.unevaluated--; }
  p.dropIomemWarnings(start.loc, p.toks[p.pos - 1].loc.offset + p.toks[p.pos - 1].length - start.loc.offset, before);
  return e;
}

function assignExprList(p: Parser): Type {
  let e = assignExpr(p);
  while (p.consume(',')) e = assignExpr(p);
  return unqual(e.ty);
}

export interface Declarator { ty: Type; name: Token | undefined; loc: SourceLoc; params?: Param[]; paramToks?: (Token | undefined)[] }

function pointers(p: Parser, ty: Type, attr: DeclAttr): Type {
  while (p.consume('*')) {
    ty = pointerTo(ty);
    for (;;) {
      if (p.is('const') || p.is('__const')) { p.next(); ty = { ...ty, isConst: true }; continue; }
      if (QUALIFIERS.has(p.tok.text) && p.tok.kind !== 'string') {
        const w = p.next().text;
        if (w.includes('volatile')) ty = { ...ty, isVolatile: true };
        continue;
      }
      if (p.is('__attribute__') || p.is('__attribute') || isKernelMarker(p, p.tok)) {
        // gcc applies attributes written after the '*' (section, used, aligned…) to the declaration.
        attributes(p, attr);
        continue;
      }
      break;
    }
  }
  return ty;
}

/** declarator: pointers, an optional name (abstract when `allowAbstract`), and suffixes. */
export function declarator(p: Parser, ty: Type, attr: DeclAttr = {}, allowAbstract = false): Declarator {
  ty = pointers(p, ty, attr);
  if (p.is('(') && nestedDeclaratorFollows(p)) {
    const open = p.next();
    const startPos = p.pos;
    declarator(p, tyVoid, {}, allowAbstract); // skip to find where the suffix starts
    p.expect(')');
    const suffixed = typeSuffix(p, ty);
    const endPos = p.pos;
    p.pos = startPos;
    const d = declarator(p, suffixed.ty, attr, allowAbstract);
    p.pos = endPos;
    return { ...d, loc: d.name?.loc ?? open.loc };
  }
  let name: Token | undefined;
  if (p.tok.kind === 'ident' && !isKernelMarker(p, p.tok)) name = p.next();
  else if (!allowAbstract) {
    const t = p.tok;
    p.error(t, t.kind === 'keyword' ? `'${t.text}' is a keyword and cannot be used as a name` : `expected a name in this declaration, found '${t.text || 'end of file'}'`);
  }
  const loc = name?.loc ?? p.tok.loc;
  const s = typeSuffix(p, ty);
  attributes(p, attr);
  if (p.is('asm') || p.is('__asm__') || p.is('__asm')) {
    p.next();
    p.expect('(');
    attr.asmName = stringArg(p);
    p.expect(')');
    attributes(p, attr);
  }
  return { ty: s.ty, name, loc, params: s.params, paramToks: s.paramToks };
}

function nestedDeclaratorFollows(p: Parser): boolean {
  const t = p.peek();
  if (Parser.is(t, '*') || Parser.is(t, '(') || Parser.is(t, '[')) return Parser.is(t, '*') || Parser.is(t, '(');
  if (Parser.is(t, '__attribute__')) return true;
  return t.kind === 'ident' && !isTypename(p, t);
}

interface Suffix { ty: Type; params?: Param[]; paramToks?: (Token | undefined)[] }

function typeSuffix(p: Parser, ty: Type): Suffix {
  if (p.is('(')) {
    p.next();
    return funcParams(p, ty);
  }
  if (p.is('[')) {
    const open = p.next();
    while (p.is('static') || QUALIFIERS.has(p.tok.text)) p.next();
    let len = -1;
    if (!p.is(']')) {
      const e = assignExpr(p);
      const v = evalInt(e);
      if (v === undefined) p.exprError(e, 'array size must be an integer constant (variable-length arrays are not supported in kernel code)');
      if (v < 0n) p.exprError(e, 'array size is negative');
      len = Number(v);
    }
    p.expect(']');
    const inner = typeSuffix(p, ty);
    if (inner.ty.kind === 'func') p.error(open, 'declared as an array of functions; use an array of function pointers');
    if (inner.ty.kind === 'array' && inner.ty.len < 0) p.error(open, 'array has an incomplete element type (only the first dimension may be omitted)');
    const arr = arrayOf(inner.ty, len);
    if (sizeOf(arr) > MAX_OBJECT_BYTES) {
      p.report(open.loc, open.length, `this array takes ${sizeOf(arr)} bytes; the largest object is ${MAX_OBJECT_BYTES} bytes (64 MiB), as the board has 128 MiB of RAM`);
    }
    return { ty: arr };
  }
  return { ty };
}

function funcParams(p: Parser, ret: Type): Suffix {
  const params: Param[] = [];
  const toks: (Token | undefined)[] = [];
  if (p.is('void') && Parser.is(p.peek(), ')')) { p.next(); p.next(); return { ty: funcType(ret, [], false), params, paramToks: toks }; }
  if (p.consume(')')) return { ty: funcType(ret, [], false, true), params, paramToks: toks };
  let variadic = false;
  for (;;) {
    if (p.consume('...')) { variadic = true; break; }
    if (!isTypename(p) && p.tok.kind === 'ident' && (Parser.is(p.peek(), ',') || Parser.is(p.peek(), ')'))) {
      p.error(p.tok, `unknown type name '${p.tok.text}' for this parameter (old-style K&R parameter lists are not supported)`);
    }
    const a: DeclAttr = {};
    p.unknownTypeName();
    const base = declspec(p, undefined);
    const d = declarator(p, base, a, true);
    let t = d.ty;
    if (t.kind === 'array') t = { ...pointerTo(t.base), isConst: t.isConst };
    else if (t.kind === 'func') t = pointerTo(t);
    if (a.iomem && t.kind === 'ptr') t = { ...t, base: { ...t.base, isIomem: true } };
    params.push({ name: d.name?.text, ty: t });
    toks.push(d.name);
    if (!p.consume(',')) break;
  }
  p.expect(')', 'to close the parameter list');
  if (ret.kind === 'array') p.error(p.tok, 'a function cannot return an array');
  return { ty: funcType(ret, params, variadic), params, paramToks: toks };
}

/** type-name (6.7.6): for casts, sizeof, _Alignof, va_arg, compound literals. */
export function typeNameRule(p: Parser): Type {
  const a: DeclAttr = {};
  const base = declspec(p, undefined);
  const d = declarator(p, base, a, true);
  return applyIomem(d.ty, a);
}

/** `__iomem` written before '*' qualifies the pointed-to type, like const. */
export function applyIomem(ty: Type, a: DeclAttr): Type {
  if (!a.iomem) return ty;
  if (ty.kind === 'ptr') return { ...ty, base: { ...ty.base, isIomem: true } };
  return ty;
}
