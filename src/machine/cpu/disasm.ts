// Disassembler for every instruction the hart executes (RV32IMAC, Zicsr,
// Zifencei, privileged), printing what GNU objdump prints with ABI register
// names: its aliases (li, mv, ret, j, csrr…) by default, or the plain
// instructions as `objdump -M no-aliases` does. Register-immediate operations
// keep their spec mnemonics (addi, slli…), which binutils 2.40 drops.
// Branch and jump targets are absolute hex without symbols; an encoding
// the hart does not run prints as ".word 0x…" (".2byte 0x…" for 16 bits).
// A 16-bit instruction is the low half of the word passed in.

import { ABI_REGISTER_NAMES as R } from '../../protocol/cpu-state.ts';
import { csrName } from './csr-names.ts';
import { compressedAliasText, compressedText } from './disasm-rvc.ts';
import { expandCompressed } from './rvc.ts';

export interface DisasmOptions {
  /** Pseudo-instructions as objdump prints them by default (true) or `-M no-aliases` (false). */
  aliases?: boolean;
}

interface Fields {
  insn: number;
  pc: number;
  rd: number;
  rs1: number;
  rs2: number;
  f3: number;
  f7: number;
  immI: number;
  alias: boolean;
}

export function disassemble(insn: number, pc: number, options: DisasmOptions = {}): string {
  insn >>>= 0;
  if ((insn & 3) !== 3) return compressed(insn & 0xffff, pc, options.aliases ?? true);
  const f: Fields = {
    insn, pc, rd: (insn >>> 7) & 31, rs1: (insn >>> 15) & 31, rs2: (insn >>> 20) & 31,
    f3: (insn >>> 12) & 7, f7: insn >>> 25, immI: insn >> 20, alias: options.aliases ?? true,
  };
  return decode(f) ?? `.word 0x${insn.toString(16).padStart(8, '0')}`;
}

/** A 16-bit instruction: its c.* form, or (aliases) what objdump prints for the one it stands for. */
function compressed(h: number, pc: number, alias: boolean): string {
  const e = expandCompressed(h);
  if (e === 0) return h === 0 ? (alias ? 'unimp' : 'c.unimp') : `.2byte 0x${h.toString(16)}`;
  if (!alias) return compressedText(h, e, pc);
  return compressedAliasText(h, e, pc) ?? disassemble(e, pc);
}

function decode(f: Fields): string | undefined {
  const rd = R[f.rd];
  switch (f.insn & 0x7f) {
    case 0x37: return `lui ${rd},0x${(f.insn >>> 12).toString(16)}`;
    case 0x17: return `auipc ${rd},0x${(f.insn >>> 12).toString(16)}`;
    case 0x6f: return jal(f);
    case 0x67: return f.f3 === 0 ? jalr(f) : undefined;
    case 0x63: return branch(f);
    case 0x03: return load(f);
    case 0x23: return store(f);
    case 0x13: return opImm(f);
    case 0x33: return op(f);
    case 0x0f: return miscMem(f);
    case 0x73: return f.f3 === 0 ? systemPriv(f) : csr(f);
    case 0x2f: return amo(f);
    default: return undefined;
  }
}

function target(f: Fields, offset: number): string {
  return ((f.pc + offset) >>> 0).toString(16);
}

function jal(f: Fields): string {
  const i = f.insn;
  const imm = ((i >> 31) << 20) | (i & 0xff000) | ((i >>> 9) & 0x800) | ((i >>> 20) & 0x7fe);
  const t = target(f, imm);
  if (f.alias && f.rd === 0) return `j ${t}`;
  if (f.alias && f.rd === 1) return `jal ${t}`;
  return `jal ${R[f.rd]},${t}`;
}

function jalr(f: Fields): string {
  const base = f.immI === 0 && f.alias ? R[f.rs1] : `${f.immI}(${R[f.rs1]})`;
  if (!f.alias) return `jalr ${R[f.rd]},${base}`;
  if (f.rd === 0 && f.rs1 === 1 && f.immI === 0) return 'ret';
  if (f.rd === 0) return `jr ${base}`;
  if (f.rd === 1) return `jalr ${base}`;
  return `jalr ${R[f.rd]},${base}`;
}

const BRANCHES = ['beq', 'bne', '', '', 'blt', 'bge', 'bltu', 'bgeu'];

function branch(f: Fields): string | undefined {
  const name = BRANCHES[f.f3];
  if (!name) return undefined;
  const i = f.insn;
  const t = target(f, ((i >> 31) << 12) | ((i << 4) & 0x800) | ((i >>> 20) & 0x7e0) | ((i >>> 7) & 0x1e));
  const rs1 = R[f.rs1], rs2 = R[f.rs2];
  if (f.alias) {
    if (f.rs2 === 0 && (f.f3 === 0 || f.f3 === 1)) return `${name}z ${rs1},${t}`;
    if (f.f3 === 4 && f.rs2 === 0) return `bltz ${rs1},${t}`;
    if (f.f3 === 4 && f.rs1 === 0) return `bgtz ${rs2},${t}`;
    if (f.f3 === 5 && f.rs1 === 0) return `blez ${rs2},${t}`;
    if (f.f3 === 5 && f.rs2 === 0) return `bgez ${rs1},${t}`;
  }
  return `${name} ${rs1},${rs2},${t}`;
}

const LOADS = ['lb', 'lh', 'lw', '', 'lbu', 'lhu', '', ''];

function load(f: Fields): string | undefined {
  const name = LOADS[f.f3];
  return name ? `${name} ${R[f.rd]},${f.immI}(${R[f.rs1]})` : undefined;
}

function store(f: Fields): string | undefined {
  const name = ['sb', 'sh', 'sw'][f.f3];
  const imm = ((f.insn >> 25) << 5) | ((f.insn >>> 7) & 31);
  return name ? `${name} ${R[f.rs2]},${imm}(${R[f.rs1]})` : undefined;
}

function opImm(f: Fields): string | undefined {
  const rd = R[f.rd], rs1 = R[f.rs1], imm = f.immI;
  const plain = (name: string, shown: string | number = imm) => `${name}i ${rd},${rs1},${shown}`;
  switch (f.f3) {
    case 0:
      if (f.alias && f.rd === 0 && f.rs1 === 0 && imm === 0) return 'nop';
      if (f.alias && f.rs1 === 0) return `li ${rd},${imm}`;
      if (f.alias && imm === 0) return `mv ${rd},${rs1}`;
      return plain('add');
    case 1: return f.f7 === 0 ? plain('sll', `0x${f.rs2.toString(16)}`) : undefined;
    case 2: return `slti ${rd},${rs1},${imm}`;
    case 3: return f.alias && imm === 1 ? `seqz ${rd},${rs1}` : `sltiu ${rd},${rs1},${imm}`;
    case 4: return f.alias && imm === -1 ? `not ${rd},${rs1}` : plain('xor');
    case 5:
      if (f.f7 === 0) return plain('srl', `0x${f.rs2.toString(16)}`);
      return f.f7 === 0x20 ? plain('sra', `0x${f.rs2.toString(16)}`) : undefined;
    case 6: return plain('or');
    default: return f.alias && imm === 255 ? `zext.b ${rd},${rs1}` : plain('and');
  }
}

const OPS = ['add', 'sll', 'slt', 'sltu', 'xor', 'srl', 'or', 'and'];
const MULDIV = ['mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'];

function op(f: Fields): string | undefined {
  const rd = R[f.rd], rs1 = R[f.rs1], rs2 = R[f.rs2];
  let name: string | undefined;
  if (f.f7 === 0) name = OPS[f.f3];
  else if (f.f7 === 1) name = MULDIV[f.f3];
  else if (f.f7 === 0x20) name = f.f3 === 0 ? 'sub' : f.f3 === 5 ? 'sra' : undefined;
  if (!name) return undefined;
  if (f.alias) {
    if (name === 'sub' && f.rs1 === 0) return `neg ${rd},${rs2}`;
    if (name === 'slt' && f.rs2 === 0) return `sltz ${rd},${rs1}`;
    if (name === 'slt' && f.rs1 === 0) return `sgtz ${rd},${rs2}`;
    if (name === 'sltu' && f.rs1 === 0) return `snez ${rd},${rs2}`;
  }
  return `${name} ${rd},${rs1},${rs2}`;
}

function fenceSet(bits: number): string {
  if (bits === 0) return 'unknown';
  return ['i', 'o', 'r', 'w'].filter((_, k) => (bits >>> (3 - k)) & 1).join('');
}

function miscMem(f: Fields): string | undefined {
  if (f.insn === 0x0000100f) return 'fence.i';
  if (f.f3 !== 0 || f.rd !== 0 || f.rs1 !== 0) return undefined;
  const fm = f.insn >>> 28, pred = (f.insn >>> 24) & 15, succ = (f.insn >>> 20) & 15;
  if (fm === 8 && pred === 3 && succ === 3) return 'fence.tso';
  if (fm !== 0) return undefined;
  if (f.alias && pred === 15 && succ === 15) return 'fence';
  return `fence ${fenceSet(pred)},${fenceSet(succ)}`;
}

const PRIVILEGED = new Map<number, string>([
  [0x00000073, 'ecall'], [0x00100073, 'ebreak'], [0x00200073, 'uret'], [0x10200073, 'sret'],
  [0x30200073, 'mret'], [0x7b200073, 'dret'], [0x10500073, 'wfi'],
]);

function systemPriv(f: Fields): string | undefined {
  const fixed = PRIVILEGED.get(f.insn);
  if (fixed) return fixed;
  if (f.f7 !== 0x09 || f.rd !== 0) return undefined;
  if (f.alias && f.rs1 === 0 && f.rs2 === 0) return 'sfence.vma';
  if (f.alias && f.rs2 === 0) return `sfence.vma ${R[f.rs1]}`;
  return `sfence.vma ${R[f.rs1]},${R[f.rs2]}`;
}

const COUNTER_READS = new Map<number, string>([
  [0xc00, 'rdcycle'], [0xc01, 'rdtime'], [0xc02, 'rdinstret'],
  [0xc80, 'rdcycleh'], [0xc81, 'rdtimeh'], [0xc82, 'rdinstreth'],
]);

function csr(f: Fields): string | undefined {
  if (f.f3 === 4) return undefined;
  if (f.insn === 0xc0001073) return 'unimp'; // csrrw zero,cycle,zero: the canonical illegal instruction
  const num = f.insn >>> 20;
  const name = csrName(num);
  const kind = ['', 'w', 's', 'c'][f.f3 & 3];
  const immediate = (f.f3 & 4) !== 0;
  const src = immediate ? String(f.rs1) : R[f.rs1];
  if (!f.alias) return `csrr${kind}${immediate ? 'i' : ''} ${R[f.rd]},${name},${src}`;
  if (f.f3 === 2 && f.rs1 === 0) {
    const counter = COUNTER_READS.get(num);
    return counter ? `${counter} ${R[f.rd]}` : `csrr ${R[f.rd]},${name}`;
  }
  if (f.rd === 0) return `csr${kind} ${name},${src}`;
  return `csrr${kind} ${R[f.rd]},${name},${src}`;
}

const AMOS = new Map<number, string>([
  [0x00, 'amoadd'], [0x01, 'amoswap'], [0x04, 'amoxor'], [0x08, 'amoor'], [0x0c, 'amoand'],
  [0x10, 'amomin'], [0x14, 'amomax'], [0x18, 'amominu'], [0x1c, 'amomaxu'],
]);

function amo(f: Fields): string | undefined {
  if (f.f3 !== 2) return undefined;
  const funct5 = f.insn >>> 27;
  const order = ['', '.rl', '.aq', '.aqrl'][(f.insn >>> 25) & 3];
  const rd = R[f.rd], rs1 = R[f.rs1], rs2 = R[f.rs2];
  if (funct5 === 0x02) return f.rs2 === 0 ? `lr.w${order} ${rd},(${rs1})` : undefined;
  if (funct5 === 0x03) return `sc.w${order} ${rd},${rs2},(${rs1})`;
  const name = AMOS.get(funct5);
  return name ? `${name}.w${order} ${rd},${rs2},(${rs1})` : undefined;
}
