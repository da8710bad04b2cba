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
