// GCC's __sync_* and __atomic_* builtins ("Built-in Functions for Memory Model Aware Atomic
// Operations"), which the kernel's atomic_t, cmpxchg and bitops headers are built on.

import type { Token } from '../preprocess/token.ts';
import type { AtomicOp, Expr } from './ast.ts';
import type { Parser } from './parse-state.ts';
import { assignExpr } from './parse-expr.ts';
import { cast, span } from './expr-build.ts';
import { evalInt } from './const-eval.ts';
import { pointerTo, sizeOf, tyBool, tyVoid, typeName, unqual, type Type } from './types.ts';
import { nameTable } from '../name-table.ts';

const SEQ_CST = 5;

interface AtomicForm {
  op: AtomicOp;
  /** Argument count, order arguments included. */
  argc: number;
  returnsNew?: boolean;
  /** The ordering of the __sync_* forms, which take none. */
  order?: number;
}

function rmwForms(prefix: string, sync: boolean): Record<string, AtomicForm> {
  const out: Record<string, AtomicForm> = {};
  const ops: [string, AtomicOp][] = [['add', '+'], ['sub', '-'], ['or', '|'], ['and', '&'], ['xor', '^'], ['nand', 'nand']];
  for (const [name, op] of ops) {
    const argc = sync ? 2 : 3;
    const order = sync ? SEQ_CST : undefined;
    out[sync ? `${prefix}fetch_and_${name}` : `${prefix}fetch_${name}`] = { op, argc, order };
    out[sync ? `${prefix}${name}_and_fetch` : `${prefix}${name}_fetch`] = { op, argc, order, returnsNew: true };
  }
  return out;
}

const FORMS: Record<string, AtomicForm> = nameTable({
  ...rmwForms('__sync_', true),
  ...rmwForms('__atomic_', false),
  __sync_val_compare_and_swap: { op: 'cas', argc: 3, order: SEQ_CST },
  __sync_bool_compare_and_swap: { op: 'casbool', argc: 3, order: SEQ_CST },
  __sync_lock_test_and_set: { op: 'xchg', argc: 2, order: 2 },
  __sync_lock_release: { op: 'release', argc: 1, order: 3 },
  __sync_synchronize: { op: 'fence', argc: 0, order: SEQ_CST },
  __atomic_load_n: { op: 'load', argc: 2 },
  __atomic_store_n: { op: 'store', argc: 3 },
  __atomic_exchange_n: { op: 'xchg', argc: 3 },
  __atomic_compare_exchange_n: { op: 'cmpxchg', argc: 6 },
  __atomic_thread_fence: { op: 'fence', argc: 1 },
  // Only the compiler must not reorder across it: no instruction, as gcc.
  __atomic_signal_fence: { op: 'fence', argc: 1, order: 0 },
});

export function isAtomicBuiltin(name: string): boolean { return name in FORMS; }

/** Parses `name(args)` with the name token already consumed and the '(' next. */
export function atomicBuiltin(p: Parser, t: Token): Expr {
  const form = FORMS[t.text];
  p.expect('(', `after '${t.text}'`);
  const args: Expr[] = [];
  if (!p.is(')')) {
    do args.push(assignExpr(p)); while (p.consume(','));
  }
  const close = p.expect(')', `to close '${t.text}('`);
  const at = span(t, close);
  if (args.length !== form.argc) {
    p.error(t, `'${t.text}' takes ${form.argc} argument${form.argc === 1 ? '' : 's'}, but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
  }
  const order = form.order ?? orderOf(args[form.argc - (form.op === 'cmpxchg' ? 2 : 1)]);
  const base = { kind: 'atomic' as const, op: form.op, returnsNew: form.returnsNew ?? false, order, loc: at.loc, length: at.length };
  if (form.op === 'fence') return { ...base, args: [], ty: tyVoid };
  const target = pointee(p, t, args[0]);
  const ptr = cast(args[0], pointerTo(target));
  switch (form.op) {
    case 'load': return { ...base, args: [ptr], ty: unqual(target) };
    case 'release': return { ...base, args: [ptr], ty: tyVoid };
    case 'store': return { ...base, args: [ptr, cast(args[1], unqual(target))], ty: tyVoid };
    case 'cas': case 'casbool': {
      const ty = form.op === 'cas' ? unqual(target) : tyBool;
      return { ...base, args: [ptr, cast(args[1], unqual(target)), cast(args[2], unqual(target))], ty };
    }
    case 'cmpxchg': {
      if (unqual(args[1].ty).kind !== 'ptr' && args[1].ty.kind !== 'array') {
        p.exprError(args[1], `the second argument of '${t.text}' must be a pointer to the expected value, not '${typeName(args[1].ty)}'`);
      }
      return { ...base, args: [ptr, cast(args[1], pointerTo(unqual(target))), cast(args[2], unqual(target))], ty: tyBool };
    }
    default: return { ...base, args: [ptr, cast(args[1], unqual(target))], ty: unqual(target) };
  }
}

/** A constant memory order selects the fences; anything else is treated as the strongest. */
function orderOf(e: Expr): number {
  const v = evalInt(e);
  return v !== undefined && v >= 0n && v <= 5n ? Number(v) : SEQ_CST;
}

/** The type the first argument points to: a 1-, 2- or 4-byte integer or a pointer. */
function pointee(p: Parser, t: Token, arg: Expr): Type {
  const ty = unqual(arg.ty);
  if (ty.kind !== 'ptr' && ty.kind !== 'array') {
    return p.exprError(arg, `the first argument of '${t.text}' must be a pointer to the variable to update, not '${typeName(arg.ty)}'; did you forget '&'?`);
  }
  const target = ty.base;
  const u = unqual(target);
  if (u.kind !== 'int' && u.kind !== 'ptr' && u.kind !== 'bool') {
    return p.exprError(arg, `'${t.text}' works on integers and pointers, not on '${typeName(target)}'${u.kind === 'struct' ? "; pass the address of an integer member, such as '&v->counter'" : ''}`);
  }
  if (sizeOf(u) === 8) {
    return p.exprError(arg, `64-bit atomics are not available on RV32 (RV32A has only 32-bit atomic instructions); use a 32-bit variable or protect it with a lock`);
  }
  return target;
}
