// 64-bit integer arithmetic on RV32 register pairs (lhs a0:a1, rhs a2:a3, low word
// first), inline like gcc does for add/sub/mul/shifts/compares; division and
// remainder call libgcc-named helpers (__divdi3, ...) from RUNTIME_C.

import type { Gen } from './codegen-state.ts';

export function genNeg64(g: Gen): void {
  g.emit('snez t0, a0');
  g.emit('neg a0, a0');
  g.emit('neg a1, a1');
  g.emit('sub a1, a1, t0');
}

export function genBinary64(g: Gen, op: string, unsigned: boolean): void {
  switch (op) {
    case '+':
      g.emit('add a0, a0, a2');
      g.emit('sltu t0, a0, a2');
      g.emit('add a1, a1, a3');
      g.emit('add a1, a1, t0');
      return;
    case '-':
      g.emit('sltu t0, a0, a2');
      g.emit('sub a0, a0, a2');
      g.emit('sub a1, a1, a3');
      g.emit('sub a1, a1, t0');
      return;
    case '*':
      g.emit('mul t0, a0, a3');
      g.emit('mul t1, a1, a2');
      g.emit('mulhu t2, a0, a2');
      g.emit('mul a0, a0, a2');
      g.emit('add a1, t0, t1');
      g.emit('add a1, a1, t2');
      return;
    case '&': case '|': case '^': {
      const ins = op === '&' ? 'and' : op === '|' ? 'or' : 'xor';
      g.emit(`${ins} a0, a0, a2`);
      g.emit(`${ins} a1, a1, a3`);
      return;
    }
    case '/': g.callHelper(unsigned ? '__udivdi3' : '__divdi3'); return;
    case '%': g.callHelper(unsigned ? '__umoddi3' : '__moddi3'); return;
    case '<<': return shiftLeft(g);
    case '>>': return shiftRight(g, unsigned);
  }
}

function shiftLeft(g: Gen): void {
  const small = g.newLabel(), done = g.newLabel();
  g.emit('andi a2, a2, 63');
  g.emit('li t0, 32');
  g.emit(`blt a2, t0, ${small}`);
  g.emit('addi a2, a2, -32');
  g.emit('sll a1, a0, a2');
  g.emit('li a0, 0');
  g.emit(`j ${done}`);
  g.label(small);
  g.emit(`beqz a2, ${done}`);
  g.emit('sub t0, t0, a2');
  g.emit('srl t1, a0, t0');
  g.emit('sll a1, a1, a2');
  g.emit('or a1, a1, t1');
  g.emit('sll a0, a0, a2');
  g.label(done);
}

function shiftRight(g: Gen, unsigned: boolean): void {
  const small = g.newLabel(), done = g.newLabel();
  const sr = unsigned ? 'srl' : 'sra';
  g.emit('andi a2, a2, 63');
  g.emit('li t0, 32');
  g.emit(`blt a2, t0, ${small}`);
  g.emit('addi a2, a2, -32');
  g.emit(`${sr} a0, a1, a2`);
  g.emit(unsigned ? 'li a1, 0' : 'srai a1, a1, 31');
  g.emit(`j ${done}`);
  g.label(small);
  g.emit(`beqz a2, ${done}`);
  g.emit('sub t0, t0, a2');
  g.emit('sll t1, a1, t0');
  g.emit('srl a0, a0, a2');
  g.emit('or a0, a0, t1');
  g.emit(`${sr} a1, a1, a2`);
  g.label(done);
}

/** Compares a0:a1 with a2:a3; the int result goes to a0. */
export function genCompare64(g: Gen, op: string, unsigned: boolean): void {
  if (op === '==' || op === '!=') {
    g.emit('xor a0, a0, a2');
    g.emit('xor a1, a1, a3');
    g.emit('or a0, a0, a1');
    g.emit(op === '==' ? 'seqz a0, a0' : 'snez a0, a0');
    return;
  }
  // a < b, with operands swapped for > and <=, and the result negated for <= and >=.
  const swap = op === '>' || op === '<=';
  const [xl, xh, yl, yh] = swap ? ['a2', 'a3', 'a0', 'a1'] : ['a0', 'a1', 'a2', 'a3'];
  const hiDiffers = g.newLabel(), done = g.newLabel();
  g.emit(`bne ${xh}, ${yh}, ${hiDiffers}`);
  g.emit(`sltu t0, ${xl}, ${yl}`);
  g.emit(`j ${done}`);
  g.label(hiDiffers);
  g.emit(`${unsigned ? 'sltu' : 'slt'} t0, ${xh}, ${yh}`);
  g.label(done);
  g.emit(op === '<=' || op === '>=' ? 'xori a0, t0, 1' : 'mv a0, t0');
}

function li64(g: Gen, lo: string, hi: string, v: bigint): void {
  const u = BigInt.asUintN(64, v);
  g.emit(`li ${lo}, ${Number(BigInt.asIntN(32, u))}`);
  g.emit(`li ${hi}, ${Number(BigInt.asIntN(32, u >> 32n))}`);
}

/** Sign- or zero-extends the low `width` bits of a0:a1 to 64 bits. */
function extend64(g: Gen, width: number, unsigned: boolean): void {
  if (width >= 64) return;
  g.emit(`li a2, ${64 - width}`);
  genBinary64(g, '<<', unsigned);
  g.emit(`li a2, ${64 - width}`);
  genBinary64(g, '>>', unsigned);
}

/** Loads a bit-field of a 64-bit type that straddles its two words; address in a0. */
export function loadBitfield64(g: Gen, off: number, width: number, unsigned: boolean): void {
  g.emit('lw t0, 0(a0)');
  g.emit('lw a1, 4(a0)');
  g.emit('mv a0, t0');
  g.emit(`li a2, ${off}`);
  genBinary64(g, '>>', true);
  extend64(g, width, unsigned);
}

/** Stores a0:a1 into a straddling 64-bit bit-field whose unit address is in t1; the
 * expression's value (the field as stored) is left in a0:a1. */
export function storeBitfield64(g: Gen, off: number, width: number, unsigned: boolean): void {
  const mask = (1n << BigInt(width)) - 1n;
  g.push('t1');
  li64(g, 'a2', 'a3', mask);
  g.emit('and a0, a0, a2');
  g.emit('and a1, a1, a3');
  g.push64();
  g.emit(`li a2, ${off}`);
  genBinary64(g, '<<', true);
  g.emit('lw t1, 8(sp)');
  g.emit('lw a2, 0(t1)');
  g.emit('lw a3, 4(t1)');
  li64(g, 't2', 't3', ~(mask << BigInt(off)));
  g.emit('and a2, a2, t2');
  g.emit('and a3, a3, t3');
  g.emit('or a2, a2, a0');
  g.emit('or a3, a3, a1');
  g.emit('sw a2, 0(t1)');
  g.emit('sw a3, 4(t1)');
  g.pop64('a0', 'a1');
  g.pop('t1');
  extend64(g, width, unsigned);
}
