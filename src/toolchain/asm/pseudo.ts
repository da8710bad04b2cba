// Pseudo-instructions of the RISC-V Assembly Programmer's Manual (and GNU as),
// expanded to base instructions exactly as GNU as expands them (non-PIC, no
// relaxation), so our bytes equal riscv64-unknown-elf-as -mno-relax output.

import type { Operand } from './asm-parse.ts';
import type { Expr, Value } from './asm-expr.ts';
import type { RelocType } from './object.ts';
import { EncodeError, reg, hi20, lo12, isBaseMnemonic } from './encode.ts';
import { nameTable } from '../name-table.ts';

export type Expansion =
  | { mn: string; ops: Operand[] }
  | { label: string }
  | { word: number; reloc?: { type: RelocType; e: Expr } };

export interface PseudoContext {
  evaluate(e: Expr): Value;
  /** A fresh local label name (same sequence in every pass). */
  newLabel(): string;
}

const r = (n: number): Operand => ({ kind: 'reg', reg: n, text: `x${n}` });
const X0 = r(0), RA = r(1);
const num = (value: number): Operand => ({ kind: 'expr', e: { kind: 'num', value }, text: String(value) });
const mod = (op: 'pcrel_hi' | 'pcrel_lo', e: Expr): Operand => ({ kind: 'expr', e: { kind: 'mod', op, e }, text: `%${op}(...)` });
const csrOp = (name: string): Operand => ({ kind: 'expr', e: { kind: 'sym', name }, text: name });

const BRANCH_ZERO: Record<string, [string, boolean]> = nameTable({
  beqz: ['beq', false], bnez: ['bne', false], bltz: ['blt', false], bgez: ['bge', false],
  blez: ['bge', true], bgtz: ['blt', true],
});
const BRANCH_SWAP: Record<string, string> = nameTable({ bgt: 'blt', ble: 'bge', bgtu: 'bltu', bleu: 'bgeu' });
const COUNTERS: Record<string, string> = nameTable({
  rdcycle: 'cycle', rdtime: 'time', rdinstret: 'instret', rdcycleh: 'cycleh', rdtimeh: 'timeh', rdinstreth: 'instreth',
});
const CSR_SHORT: Record<string, string> = nameTable({ csrw: 'csrrw', csrs: 'csrrs', csrc: 'csrrc', csrwi: 'csrrwi', csrsi: 'csrrsi', csrci: 'csrrci' });
const ALU_IMM: Record<string, string> = nameTable({ add: 'addi', and: 'andi', or: 'ori', xor: 'xori', slt: 'slti', sltu: 'sltiu', sll: 'slli', srl: 'srli', sra: 'srai' });
const LOAD_STORE = new Set(['lb', 'lh', 'lw', 'lbu', 'lhu', 'sb', 'sh', 'sw']);

/** Expands a pseudo-instruction; returns undefined when `mn` is a base instruction form. */
export function expandPseudo(mn: string, ops: Operand[], ctx: PseudoContext): Expansion[] | undefined {
  if (isBaseMnemonic(mn) && !(mn in ALU_IMM) && !LOAD_STORE.has(mn)) return undefined; // the common case, first
  if (mn in BRANCH_ZERO) {
    two(mn, ops);
    const [base, swap] = BRANCH_ZERO[mn];
    return [{ mn: base, ops: swap ? [X0, ops[0], ops[1]] : [ops[0], X0, ops[1]] }];
  }
  if (mn in BRANCH_SWAP && ops.length === 3) return [{ mn: BRANCH_SWAP[mn], ops: [ops[1], ops[0], ops[2]] }];
  if ((mn === 'sgt' || mn === 'sgtu') && ops.length === 3) return [{ mn: mn === 'sgt' ? 'slt' : 'sltu', ops: [ops[0], ops[2], ops[1]] }];
  if (mn in COUNTERS && ops.length === 1) return [{ mn: 'csrrs', ops: [ops[0], csrOp(COUNTERS[mn]), X0] }];
  if (mn === 'csrr') { two(mn, ops); return [{ mn: 'csrrs', ops: [ops[0], ops[1], X0] }]; }
  if (mn in CSR_SHORT) {
    two(mn, ops);
    const immForm = ops[1].kind !== 'reg' && !mn.endsWith('i') ? CSR_SHORT[mn] + 'i' : CSR_SHORT[mn];
    return [{ mn: immForm, ops: [X0, ops[0], ops[1]] }];
  }
  if (mn in ALU_IMM && ops.length === 3 && ops[2].kind === 'expr') return [{ mn: ALU_IMM[mn], ops }];
  if (LOAD_STORE.has(mn) && ops.length >= 2 && ops[1].kind === 'expr') return loadStoreSymbol(mn, ops, ctx);
  return expandSimple(mn, ops, ctx);
}

/** A pseudo-instruction of two operands must have two (a plain function, not a closure made per instruction). */
function two(mn: string, ops: Operand[]): void {
  if (ops.length !== 2) throw new EncodeError(`'${mn}' takes 2 operands, found ${ops.length}`);
}

function expandSimple(mn: string, ops: Operand[], ctx: PseudoContext): Expansion[] | undefined {
  switch (mn) {
    case 'nop': return [{ mn: 'addi', ops: [X0, X0, num(0)] }];
    case 'li': two(mn, ops); return loadImmediate(ops[0], ops[1], ctx);
    case 'mv': two(mn, ops); return [{ mn: 'addi', ops: [ops[0], ops[1], num(0)] }];
    case 'not': two(mn, ops); return [{ mn: 'xori', ops: [ops[0], ops[1], num(-1)] }];
    case 'neg': two(mn, ops); return [{ mn: 'sub', ops: [ops[0], X0, ops[1]] }];
    case 'seqz': two(mn, ops); return [{ mn: 'sltiu', ops: [ops[0], ops[1], num(1)] }];
    case 'snez': two(mn, ops); return [{ mn: 'sltu', ops: [ops[0], X0, ops[1]] }];
    case 'sltz': two(mn, ops); return [{ mn: 'slt', ops: [ops[0], ops[1], X0] }];
    case 'sgtz': two(mn, ops); return [{ mn: 'slt', ops: [ops[0], X0, ops[1]] }];
    case 'zext.b': two(mn, ops); return [{ mn: 'andi', ops: [ops[0], ops[1], num(255)] }];
    case 'sext.b': case 'sext.h': case 'zext.h': {
      two(mn, ops);
      const sh = mn === 'sext.b' ? 24 : 16;
      return [{ mn: 'slli', ops: [ops[0], ops[1], num(sh)] }, { mn: mn === 'zext.h' ? 'srli' : 'srai', ops: [ops[0], ops[0], num(sh)] }];
    }
    case 'j': return [{ mn: 'jal', ops: [X0, ...ops] }];
    case 'jr': return [{ mn: 'jalr', ops: [X0, ...ops] }];
    case 'ret': return [{ mn: 'jalr', ops: [X0, RA, num(0)] }];
    case 'call': case 'tail': return callSequence(mn, ops);
    case 'la': case 'lla': {
      two(mn, ops);
      const label = ctx.newLabel();
      const sym = exprOperand(ops[1], mn);
      return [{ label }, { mn: 'auipc', ops: [ops[0], mod('pcrel_hi', sym)] },
        { mn: 'addi', ops: [ops[0], ops[0], mod('pcrel_lo', { kind: 'sym', name: label })] }];
    }
    default: return undefined;
  }
}

function exprOperand(op: Operand, mn: string): Expr {
  if (op.kind !== 'expr') throw new EncodeError(`'${mn}' takes a symbol here, found '${op.text}'`);
  return op.e;
}

function loadImmediate(rd: Operand, src: Operand, ctx: PseudoContext): Expansion[] {
  const v = ctx.evaluate(exprOperand(src, 'li'));
  if (v.sym !== undefined || v.mod) throw new EncodeError(`'li' needs a constant; to load the address of '${src.text}' use 'la'`);
  const x = v.value | 0;
  if (x >= -2048 && x <= 2047) return [{ mn: 'addi', ops: [rd, X0, num(x)] }];
  const out: Expansion[] = [{ mn: 'lui', ops: [rd, num(hi20(x))] }];
  if (lo12(x) !== 0) out.push({ mn: 'addi', ops: [rd, rd, num(lo12(x))] });
  return out;
}

function callSequence(mn: string, ops: Operand[]): Expansion[] {
  // call sym | call rd, sym | tail sym: auipc + jalr under one R_RISCV_CALL_PLT.
  if (ops.length !== 1 && !(mn === 'call' && ops.length === 2)) throw new EncodeError(`'${mn}' takes a function name`);
  const link = mn === 'call' ? (ops.length === 2 ? reg(ops[0]) : 1) : 0;
  const tmp = ops.length === 2 || link === 0 ? 6 : link; // gas: 'call rd, f' goes through t1
  const target = exprOperand(ops[ops.length - 1], mn);
  return [
    { word: ((tmp << 7) | 0x17) >>> 0, reloc: { type: 'R_RISCV_CALL_PLT', e: target } },
    { word: ((tmp << 15) | (link << 7) | 0x67) >>> 0 },
  ];
}

function loadStoreSymbol(mn: string, ops: Operand[], ctx: PseudoContext): Expansion[] {
  // lw rd, sym  →  auipc rd, %pcrel_hi(sym); lw rd, %pcrel_lo(L)(rd)
  // sw rs, sym, rt  →  auipc rt, %pcrel_hi(sym); sw rs, %pcrel_lo(L)(rt)
  const isStore = mn.startsWith('s');
  if (isStore && ops.length !== 3) throw new EncodeError(`'${mn}' to a symbol needs a temporary register: '${mn} rs, symbol, rt'`);
  const tmp = isStore ? ops[2] : ops[0];
  const label = ctx.newLabel();
  const sym = exprOperand(ops[1], mn);
  const memOp: Operand = { kind: 'mem', offset: { kind: 'mod', op: 'pcrel_lo', e: { kind: 'sym', name: label } }, base: reg(tmp), text: '%pcrel_lo(...)' };
  return [{ label }, { mn: 'auipc', ops: [tmp, mod('pcrel_hi', sym)] }, { mn, ops: [ops[0], memOp] }];
}
