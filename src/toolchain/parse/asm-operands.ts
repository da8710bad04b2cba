// GNU extended-asm operands for RISC-V, as gcc's constraints and operand printing define
// them: "r" registers, "m" (offset(reg)) and "A" ((reg)) memory, "i"/"n" constants and
// symbol addresses (a string literal becomes its label), "I" (12-bit), "J" (zero) and "K"
// (5-bit) immediates, "0".."9" tied to an output, and the =, +, & and % modifiers. In the
// template, %N / %[name] print an operand, %zN prints `zero` for a constant 0, %iN prints
// `i` for a constant (so `add%i2` becomes addi), %% a percent sign.

import type { AsmOperand } from './ast.ts';
import { evalConst } from './const-eval.ts';

export type OperandClass =
  | { kind: 'reg' }
  | { kind: 'mem'; style: 'm' | 'A' }
  | { kind: 'imm'; text: string; zero: boolean }
  | { kind: 'tied'; to: number };

export interface ConstraintInfo { inOut: boolean; letters: string; error?: string }

/** Splits "=&r" into its modifiers and letters; an error names what is not supported. */
export function parseConstraint(c: string, isOutput: boolean): ConstraintInfo {
  const m = /^([=+&%]*)([a-zA-Z0-9]+)$/.exec(c);
  if (!m) return { inOut: false, letters: '', error: `asm constraint "${c}" is not valid` };
  const letters = m[2];
  const unknown = letters.replace(/[rmAinIJKg0-9]/g, '');
  if (unknown) return { inOut: false, letters, error: `asm constraint letter '${unknown[0]}' (in "${c}") is not supported on RISC-V here; use r, m, A, i, n, I, J or K` };
  if (isOutput && !m[1].includes('=') && !m[1].includes('+')) return { inOut: false, letters, error: `asm output constraint "${c}" must start with '=' or '+'` };
  if (/[0-9]/.test(letters) && isOutput) return { inOut: false, letters, error: `a matching constraint ("${c}") is only allowed on an input` };
  return { inOut: m[1].includes('+'), letters };
}

/** How one operand is passed to the template, chosen as gcc would among the allowed letters. */
export function classify(op: AsmOperand, isOutput: boolean): OperandClass | string {
  const { letters } = parseConstraint(op.constraint, isOutput);
  if (/^[0-9]+$/.test(letters)) return { kind: 'tied', to: Number(letters) };
  const c = isOutput ? undefined : evalConst(op.expr);
  if (c !== undefined) {
    const v = Number(BigInt.asIntN(32, c.value));
    const fits = (c.label === undefined && ((letters.includes('J') && v === 0) || (letters.includes('I') && v >= -2048 && v < 2048) ||
      (letters.includes('K') && v >= 0 && v < 32) || letters.includes('n'))) || letters.includes('i');
    if (fits) return { kind: 'imm', text: immText(c.label, v), zero: c.label === undefined && v === 0 };
  }
  if (letters.includes('r') || letters.includes('g')) return { kind: 'reg' };
  if (letters.includes('m')) return { kind: 'mem', style: 'm' };
  if (letters.includes('A')) return { kind: 'mem', style: 'A' };
  return `asm operand with constraint "${op.constraint}" must be a constant${letters.includes('i') ? ' or the address of a global' : ' that fits it'}`;
}

function immText(label: string | undefined, v: number): string {
  if (label === undefined) return String(v);
  return v === 0 ? label : v > 0 ? `${label}+${v}` : `${label}${v}`;
}

/** The template with operands printed: `print(i, modifier)` gives operand i's text. */
export function substituteOperands(template: string, names: (string | undefined)[],
  print: (i: number, modifier: string) => string): string | { error: string } {
  let error: string | undefined;
  const text = template.replace(/%(%|=|([a-zA-Z]?)(\d+|\[\w+\]))/g, (_m, all: string, mod: string | undefined, n: string | undefined) => {
    if (all === '%') return '%';
    if (all === '=') return '';
    const i = n!.startsWith('[') ? names.indexOf(n!.slice(1, -1)) : Number(n);
    if (i < 0) { error ??= `asm operand ${n} is not declared`; return ''; }
    if (i >= names.length) { error ??= `asm operand %${i} does not exist (this asm has ${names.length} operands)`; return ''; }
    if (mod && !'zi'.includes(mod)) { error ??= `asm operand modifier '%${mod}' is not supported; use %z or %i`; return ''; }
    return print(i, mod ?? '');
  });
  return error !== undefined ? { error } : text;
}
