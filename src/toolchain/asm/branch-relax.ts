// Branch relaxation, as GNU as does it: a conditional branch whose label is beyond
// the ±4 KiB reach of a B-type offset becomes the inverted branch over a `jal`
// (±1 MiB). Sizes change, so the assembler re-runs its first pass until stable.

import type { Operand } from './asm-parse.ts';
import type { Expr, Value } from './asm-expr.ts';
import { nameTable } from '../name-table.ts';

const INVERSE: Record<string, string> = nameTable({ beq: 'bne', bne: 'beq', blt: 'bge', bge: 'blt', bltu: 'bgeu', bgeu: 'bltu' });
const CONDITIONAL = new Set(['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu', 'bgt', 'ble', 'bgtu', 'bleu', 'beqz', 'bnez', 'blez', 'bgez', 'bltz', 'bgtz']);

export function isConditionalBranch(mn: string): boolean {
  return CONDITIONAL.has(mn);
}

/** Where a conditional branch sits after pass 1, and the label it jumps to. */
export interface BranchSite<K> { key: K; pc: number; section: string; target: Operand }

/** The branches that cannot reach their label in the same section. */
export function farBranches<K>(sites: BranchSite<K>[], evaluate: (e: Expr) => Value, isLocal: (sym: string) => boolean): K[] {
  const far: K[] = [];
  for (const s of sites) {
    if (s.target.kind !== 'expr') continue;
    let v: Value;
    try {
      v = evaluate(s.target.e);
    } catch {
      continue;
    }
    if (v.sym === undefined || v.section !== s.section || v.symOffset === undefined || !isLocal(v.sym)) continue;
    const off = v.symOffset + v.value - s.pc;
    if (off < -4096 || off >= 4096) far.push(s.key);
  }
  return far;
}

/** `b<cond> rs1, rs2, L` → `b<!cond> rs1, rs2, .+8; jal zero, L`. */
export function longBranch(mn: string, ops: Operand[]): { mn: string; ops: Operand[] }[] {
  const skip: Operand = {
    kind: 'expr', text: '.+8',
    e: { kind: 'binary', op: '+', l: { kind: 'dot' }, r: { kind: 'num', value: 8 } },
  };
  return [
    { mn: INVERSE[mn], ops: [ops[0], ops[1], skip] },
    { mn: 'jal', ops: [{ kind: 'reg', reg: 0, text: 'zero' }, ops[2]] },
  ];
}

export function isBaseBranch(mn: string): boolean {
  return mn in INVERSE;
}
