// GNU inline assembly: operands (asm-operands.ts) are evaluated into registers or addresses,
// the template is printed into the function's assembly as is, and outputs held in registers
// are stored back. Any instruction or directive our assembler knows may be used, including
// .pushsection/.popsection; errors in the text are reported at the asm statement.

import type { AsmOperand, Stmt } from '../parse/ast.ts';
import type { Gen } from './codegen-state.ts';
import { genExpr, genAddr } from './codegen-expr.ts';
import { classify, substituteOperands, parseConstraint, type OperandClass } from '../parse/asm-operands.ts';
import { is64 } from '../parse/types.ts';

/** Registers our code never keeps values in across a statement: free for operands. */
const OPERAND_REGS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];

export function genAsm(g: Gen, s: Extract<Stmt, { kind: 'asm' }>): void {
  const ops = [...s.outputs, ...s.inputs];
  const classes = ops.map((op, i) => classify(op, i < s.outputs.length));
  const bad = classes.findIndex((c) => typeof c === 'string');
  if (bad >= 0) { g.error(ops[bad].expr.loc, ops[bad].expr.length, classes[bad] as string); return; }
  const cls = classes as OperandClass[];
  const regs: (string | undefined)[] = [];
  // Local register variables (`register long a7 asm("a7")`) bring their own register.
  const own = ops.map((op) => (op.expr.kind === 'var' && op.expr.obj.isLocal ? op.expr.obj.asmReg : undefined));
  const pool = OPERAND_REGS.filter((r) => !own.includes(r));
  let next = 0;
  for (let i = 0; i < ops.length; i++) {
    const c = cls[i];
    if (c.kind === 'imm') continue;
    if (own[i] !== undefined && c.kind === 'reg') { regs[i] = own[i]; continue; }
    if (c.kind === 'tied') {
      if (c.to >= s.outputs.length || cls[c.to].kind !== 'reg') { g.error(ops[i].expr.loc, ops[i].expr.length, `matching constraint "${c.to}" must name a register output`); return; }
      regs[i] = regs[c.to];
      continue;
    }
    if (next >= pool.length) { g.error(s.loc, 3, `inline asm with more than ${pool.length} register or memory operands is not supported`); return; }
    regs[i] = pool[next++];
    if (c.kind === 'reg' && is64(ops[i].expr.ty)) { g.error(ops[i].expr.loc, ops[i].expr.length, 'a 64-bit inline asm operand is not supported on riscv32'); return; }
  }
  const text = substituteOperands(s.template, ops.map((o) => o.name), (i, mod) => printOperand(cls[i], regs[i], mod, cls));
  if (typeof text !== 'string') { g.error(s.loc, 3, text.error); return; }
  loadOperands(g, s.outputs, ops, cls, regs);
  for (const line of text.split('\n')) if (line.trim()) g.emit(line.trim());
  storeOutputs(g, s.outputs, cls, regs);
}

function printOperand(c: OperandClass, reg: string | undefined, mod: string, all: OperandClass[]): string {
  const k = c.kind === 'tied' ? all[c.to] : c;
  if (mod === 'i') return k.kind === 'imm' ? 'i' : '';
  if (k.kind === 'imm') return mod === 'z' && k.zero ? 'zero' : k.text;
  if (k.kind === 'mem') return k.style === 'm' ? `0(${reg})` : `(${reg})`;
  return reg as string;
}

/** Values of inputs and "+r" outputs, addresses of memory operands: evaluated and pushed,
 * then popped into their registers so evaluating one cannot clobber another. */
function loadOperands(g: Gen, outputs: AsmOperand[], ops: AsmOperand[], cls: OperandClass[], regs: (string | undefined)[]): void {
  const loaded: string[] = [];
  ops.forEach((op, i) => {
    const c = cls[i], isOut = i < outputs.length;
    if (c.kind === 'mem') genAddr(g, op.expr);
    else if ((c.kind === 'reg' && (!isOut || parseConstraint(op.constraint, true).inOut)) || c.kind === 'tied') genExpr(g, op.expr);
    else return;
    g.push();
    loaded.push(regs[i] as string);
  });
  for (const reg of loaded.reverse()) g.pop(reg);
}

function storeOutputs(g: Gen, outputs: AsmOperand[], cls: OperandClass[], regs: (string | undefined)[]): void {
  const stored = outputs.map((_, i) => i).filter((i) => cls[i].kind === 'reg');
  for (const i of stored) g.push(regs[i]);
  for (let k = stored.length - 1; k >= 0; k--) {
    const out = outputs[stored[k]].expr;
    genAddr(g, out);
    g.emit('mv t1, a0');
    g.pop('a0');
    g.store(out.ty);
  }
}
