// GNU inline assembly, the subset kernel code needs: fences, CSR access
// (csrr/csrw/csrs/csrc and their immediate forms), wfi, nop, ecall/ebreak/mret,
// with "r" operands in registers, "i"/"K"/"I"/"n" constants, %0 and %z0 substitution.

import type { Stmt } from './ast.ts';
import type { Gen } from './codegen-state.ts';
import { genExpr, genAddr } from './codegen-expr.ts';
import { evalInt } from './const-eval.ts';
import { is64 } from './types.ts';

const ALLOWED = /^(fence(\.i|\.tso)?|csrr[wsc]?i?|csr[wsc]i?|wfi|nop|ebreak|ecall|mret|sret|sfence\.vma|rdtime|rdtimeh|rdcycle|rdcycleh|rdinstret|rdinstreth|mv|li|addi|add|sub|and|or|xor|andi|ori|xori|not)$/;

const OUT_REGS = ['t3', 't4', 't5'];
const IN_REGS = ['t0', 't1', 't2'];

export function genAsm(g: Gen, s: Extract<Stmt, { kind: 'asm' }>): void {
  const ops = [...s.outputs, ...s.inputs];
  if (s.outputs.length > OUT_REGS.length || s.inputs.length > IN_REGS.length) {
    g.error(s.loc, 3, `inline asm with more than ${OUT_REGS.length} outputs or ${IN_REGS.length} inputs is not supported`);
    return;
  }
  const regs: (string | undefined)[] = [];
  const imms: (number | undefined)[] = [];
  ops.forEach((op, i) => {
    const isOut = i < s.outputs.length;
    const c = op.constraint;
    const v = evalInt(op.expr);
    if (!c.includes('r') && v !== undefined) { imms[i] = Number(BigInt.asIntN(32, v)); return; }
    if (is64(op.expr.ty)) g.error(op.expr.loc, op.expr.length, 'a 64-bit inline asm operand is not supported on riscv32');
    regs[i] = isOut ? OUT_REGS[i] : IN_REGS[i - s.outputs.length];
    if (v !== undefined) imms[i] = Number(BigInt.asIntN(32, v));
  });
  const text = substitute(g, s, regs, imms);
  if (text === undefined) return;
  // Inputs (and "+r" outputs) are evaluated and pushed, then popped into their registers.
  const loads: [number, string][] = [];
  ops.forEach((op, i) => {
    const reg = regs[i];
    if (!reg) return;
    if (i >= s.outputs.length || op.constraint.includes('+')) { genExpr(g, op.expr); g.push(); loads.push([i, reg]); }
  });
  for (const [, reg] of loads.reverse()) g.pop(reg);
  for (const line of text) g.emit(line);
  const outs = s.outputs.map((_, i) => regs[i]).filter((r): r is string => r !== undefined);
  for (const r of outs) g.push(r);
  for (let i = s.outputs.length - 1; i >= 0; i--) {
    if (!regs[i]) continue;
    genAddr(g, s.outputs[i].expr);
    g.emit('mv t1, a0');
    g.pop('a0');
    g.store(s.outputs[i].expr.ty);
  }
}

function substitute(g: Gen, s: Extract<Stmt, { kind: 'asm' }>, regs: (string | undefined)[], imms: (number | undefined)[]): string[] | undefined {
  let bad: string | undefined;
  const names = [...s.outputs, ...s.inputs].map((op) => op.name);
  const text = s.template.replace(/%(z?)(\d+|%|\[\w+\])/g, (_m, z: string, n: string) => {
    if (n === '%') return '%';
    const i = n.startsWith('[') ? names.indexOf(n.slice(1, -1)) : Number(n);
    if (i < 0) { bad = `asm operand ${n} is not declared`; return ''; }
    if (i >= regs.length) { bad = `asm operand %${i} does not exist`; return ''; }
    if (z && imms[i] === 0) return 'zero';
    return regs[i] ?? String(imms[i]);
  });
  if (bad) { g.error(s.loc, 3, bad); return undefined; }
  const lines = text.split(/[\n;]/).map((l) => l.trim()).filter((l) => l.length > 0);
  for (const l of lines) {
    const mnemonic = l.split(/\s+/)[0];
    if (!ALLOWED.test(mnemonic)) {
      g.error(s.loc, 3, `inline asm instruction '${mnemonic}' is not supported here (allowed: fence, csrr/csrw/csrs/csrc, wfi, nop, ecall, ebreak, mret)`);
      return undefined;
    }
  }
  return lines;
}
