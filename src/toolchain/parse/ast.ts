// The typed AST of kernel-C: a discriminated union per syntactic class, every
// node with its source location and (for expressions) its C type, resolved
// while parsing as chibicc does.

import type { SourceLoc } from '../preprocess/token.ts';
import type { Member, Type } from './types.ts';

/** A relocation inside static data: the address of `label` plus `addend` at byte `offset`. */
export interface DataReloc { offset: number; label: string; addend: number }

/** A variable or a function. */
export interface Obj {
  name: string;
  /** Assembly label (static locals and literals get unique ones). */
  label: string;
  ty: Type;
  loc: SourceLoc;
  isLocal: boolean;
  isStatic: boolean;
  isDefinition: boolean;
  isFunction: boolean;
  /** Locals: s0-relative offset, assigned by codegen. */
  offset: number;
  align: number;
  /** Globals: initial bytes and relocations (undefined → zero-filled, .bss). */
  data?: Uint8Array;
  relocs?: DataReloc[];
  isReadOnly?: boolean;
  section?: string;
  isUsed?: boolean;
  isParam?: boolean;
  isWeak?: boolean;
  /** A local integer initialized with a constant and never assigned or address-taken after:
   * its value, for dead-code elimination (gcc's constant propagation). */
  constInit?: bigint;
  /** Assigned, incremented or address-taken somewhere after its declaration. */
  isModified?: boolean;
  /** A local of an inner `{ }` block (undefined: of the function's own body), for the debug info. */
  scope?: BlockScope;
  /** `register T x asm("tp")`: the variable lives in this register. */
  asmReg?: string;
  /** __attribute__((alias("target"))): defined as another name of `target`. */
  alias?: string;
  /** __attribute__((aligned(N))) given: `align` is final (no rounding of arrays up to a word). */
  userAligned?: boolean;
  /** __attribute__((error/warning("msg"))) on a function: a call left after dead-code elimination is diagnosed. */
  callDiagnostic?: { severity: 'error' | 'warning'; message: string };
  // functions
  params?: Obj[];
  body?: Stmt;
  locals?: Obj[];
  isInline?: boolean;
  isNoreturn?: boolean;
  /** printf-like function: 1-based index of its format argument (for -Wformat checks). */
  printfFormat?: number;
  /** ... and of the first argument the format consumes (0: a va_list, not checked). */
  printfFirst?: number;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>'
  | '==' | '!=' | '<' | '<=' | '>' | '>=';

interface ExprBase { loc: SourceLoc; length: number; ty: Type }

export type Expr = ExprBase & (
  | { kind: 'num'; value: bigint }
  | { kind: 'var'; obj: Obj }
  | { kind: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr }
  | { kind: 'logand' | 'logor'; lhs: Expr; rhs: Expr }
  | { kind: 'assign'; lhs: Expr; rhs: Expr }
  | { kind: 'cond'; cond: Expr; then: Expr; els: Expr }
  | { kind: 'comma'; lhs: Expr; rhs: Expr }
  | { kind: 'neg' | 'not' | 'bitnot' | 'deref' | 'addr'; operand: Expr }
  | { kind: 'member'; base: Expr; member: Member }
  | { kind: 'cast'; operand: Expr }
  | { kind: 'call'; callee: Expr; args: Expr[]; retBuf?: Obj }
  | { kind: 'stmtexpr'; body: Stmt[] }
  | { kind: 'memzero'; obj: Obj }
  | { kind: 'vastart'; ap: Expr }
  /** A __sync_/__atomic_ builtin: args are the pointer, then the values (cmpxchg: expected pointer,
   * desired); order is the C11 memory order 0..5. */
  | { kind: 'atomic'; op: AtomicOp; args: Expr[]; order: number; returnsNew: boolean }
  /** `&&label` (GNU labels as values). */
  | { kind: 'labeladdr'; label: string }
  | { kind: 'nop' });

export type AtomicOp =
  | '+' | '-' | '&' | '|' | '^' | 'nand' | 'load' | 'store' | 'release' | 'xchg' | 'cas' | 'casbool' | 'cmpxchg' | 'fence';

export type ExprKind = Expr['kind'];

export interface AsmOperand { constraint: string; expr: Expr; name?: string }

interface StmtBase { loc: SourceLoc }

/** An inner block that declares locals: the debug info's DW_TAG_lexical_block, so a debugger
 * shows a local only where it is visible. `start`/`end` are the labels codegen put around its code. */
export interface BlockScope {
  parent: BlockScope | undefined;
  hasLocals: boolean;
  start?: string;
  end?: string;
}

export type Stmt = StmtBase & (
  | { kind: 'expr'; expr: Expr }
  | { kind: 'return'; expr: Expr | undefined }
  | { kind: 'if'; cond: Expr; then: Stmt; els: Stmt | undefined }
  | { kind: 'for'; init: Stmt | undefined; cond: Expr | undefined; inc: Expr | undefined; body: Stmt; brk: string; cont: string }
  | { kind: 'do'; body: Stmt; cond: Expr; brk: string; cont: string }
  | { kind: 'switch'; cond: Expr; body: Stmt; cases: SwitchCase[]; defaultLabel: string | undefined; brk: string }
  | { kind: 'case'; label: string; body: Stmt }
  /** `scope`: the block declares locals of its own; codegen labels where its code starts and ends. */
  | { kind: 'block'; stmts: Stmt[]; scope?: BlockScope }
  | { kind: 'goto'; label: string }
  /** `goto *target;` (GNU computed goto). */
  | { kind: 'igoto'; target: Expr }
  | { kind: 'label'; label: string; body: Stmt }
  | { kind: 'asm'; template: string; outputs: AsmOperand[]; inputs: AsmOperand[] }
  | { kind: 'null' });

export interface SwitchCase { lo: bigint; hi: bigint; label: string }

export interface TranslationUnit {
  /** Functions and global variables, in source order. */
  globals: Obj[];
  /** File name of the main source (for `.file`). */
  file: string;
  /** File-scope asm("...") statements. */
  topAsm?: string[];
  /** The typedef names of file scope, where each was declared (read by the editor's hover). */
  typedefs?: ReadonlyMap<string, { ty: Type; loc: SourceLoc }>;
}
