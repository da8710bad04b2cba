// Compiles a region (blocks of one 4 KiB page) into one JavaScript function
// with `new Function`: guest registers in locals, a `switch` over block
// indices inside a loop, and one shared exit that writes the registers back
// and returns how many instructions ran (docs/jit.md).

import {
  branchTarget, jalTarget, END_BRANCH, END_FALLTHROUGH, END_JAL, END_JALR, type Block,
} from './decode-block.ts';
import { branchCondition, emitInsn, hex, reg, type EmitContext } from './emit-insn.ts';
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from '../muldiv.ts';

/** What a region's function needs from the hart at each call. */
export interface RegionHost {
  x: Int32Array;
  pcI: number;
  ramWindows: { load: number; store: number };
}

/** The compiled region: runs from block `entry` until an exit or the budget; returns the instructions run. */
export type RegionFunction = (cpu: RegionHost, entry: number, budget: number) => number;

export interface RamViews {
  s32: Int32Array;
  u16: Uint16Array;
  s16: Int16Array;
  u8: Uint8Array;
  s8: Int8Array;
}

export interface CodeWriteSink {
  codeWritten(off: number, length: number): void;
}

/** Registers the blocks read or write (bit i for x_i). */
function registersUsed(blocks: readonly Block[]): number {
  let used = 0;
  for (const b of blocks) {
    for (const d of b.insns) used |= (1 << ((d.insn >>> 7) & 31)) | (1 << ((d.insn >>> 15) & 31)) | (1 << ((d.insn >>> 20) & 31));
  }
  return used & ~1;
}

/** Where control goes to `target`: inside the region, or out through the exit. */
function goTo(index: ReadonlyMap<number, number>, target: number): string {
  const b = index.get(target);
  return b === undefined ? `pc = ${hex(target)}; break out;` : `b = ${b}; continue;`;
}

/** Blocks a `jalr` may land on without leaving the region: all of a small region, else the return points after calls. */
function jalrTargets(blocks: readonly Block[], index: ReadonlyMap<number, number>): [number, number][] {
  if (blocks.length <= 32) return [...index];
  const out: [number, number][] = [];
  for (const b of blocks) {
    const last = b.insns[b.insns.length - 1];
    if ((b.end === END_JAL || b.end === END_JALR) && ((last.insn >>> 7) & 31) !== 0 && index.has(b.next)) out.push([b.next, index.get(b.next)!]);
  }
  return out;
}

function blockEnd(block: Block, index: ReadonlyMap<number, number>, returns: readonly [number, number][]): string {
  const last = block.insns[block.insns.length - 1];
  switch (block.end) {
    case END_BRANCH:
      return `if (${branchCondition(last.insn)}) { ${goTo(index, branchTarget(last))} } ${goTo(index, block.next)}`;
    case END_JAL: {
      const rd = (last.insn >>> 7) & 31;
      return `${rd === 0 ? '' : `r${rd} = ${hex((last.pc + last.len) | 0)};`} ${goTo(index, jalTarget(last))}`;
    }
    case END_JALR: {
      const rd = (last.insn >>> 7) & 31;
      const t = `t = (${reg((last.insn >>> 15) & 31)} + ${last.insn >> 20}) & -2;`;
      const link = rd === 0 ? '' : `r${rd} = ${hex((last.pc + last.len) | 0)};`;
      const cases = returns.map(([pc, b]) => `case ${hex(pc)}: b = ${b}; continue;`).join(' ');
      return `${t} ${link} switch (t) { ${cases} } pc = t; break out;`;
    }
    default:
      return goTo(index, block.next);
  }
}

function blockSource(ctx: EmitContext, block: Block, i: number, index: ReadonlyMap<number, number>, returns: readonly [number, number][]): string {
  const len = block.insns.length;
  const lines = [`if (n + ${len} > budget) { pc = ${hex(block.start)}; break out; }`];
  const straight = block.end >= END_FALLTHROUGH ? len : len - 1;
  for (let k = 0; k < straight; k++) {
    const d = block.insns[k];
    lines.push(emitInsn(ctx, d, k, `n += ${k + 1}; pc = ${hex((d.pc + d.len) | 0)}; break out;`));
  }
  lines.push(`n += ${len};`);
  const last = block.insns[len - 1];
  if (block.end === END_BRANCH && branchTarget(last) === block.start) {
    // A loop of one block (the hottest shape gcc emits) loops in place, without the switch.
    return `case ${i}: for (;;) {\n${lines.join('\n')}\nif (!(${branchCondition(last.insn)})) break; }\n${goTo(index, block.next)}`;
  }
  return `case ${i}: ${lines.join('\n')}\n${blockEnd(block, index, returns)}`;
}

/** JavaScript source of the region's body. */
export function regionSource(blocks: readonly Block[], ramBase: number): string {
  const index = new Map(blocks.map((b, i) => [b.start, i]));
  const ctx: EmitContext = { ramBase, exitBefore: (done, pc) => `n += ${done}; pc = ${hex(pc)}; break out;` };
  const used: number[] = [];
  const mask = registersUsed(blocks);
  for (let r = 1; r < 32; r++) if (((mask >>> r) & 1) !== 0) used.push(r);
  const returns = jalrTargets(blocks, index);
  const cases = blocks.map((b, i) => blockSource(ctx, b, i, index, returns)).join('\n');
  return [
    'const x = cpu.x, LS = cpu.ramWindows.load, SS = cpu.ramWindows.store;',
    used.length ? `let ${used.map((r) => `r${r} = x[${r}]`).join(', ')};` : '',
    'let n = 0, pc = 0, b = entry, o = 0, t = 0;',
    `out: for (;;) { switch (b) {\n${cases}\ndefault: pc = ${hex(blocks[0].start)}; break out; } }`,
    used.map((r) => `x[${r}] = r${r};`).join(' '),
    'cpu.pcI = pc; return n;',
  ].join('\n');
}

/** Compiles the blocks (blocks[i] is block index i) into a region function over `ram`. */
export function compileRegion(blocks: readonly Block[], ramBase: number, ram: RamViews, code: Int32Array, translator: CodeWriteSink): RegionFunction {
  const body = regionSource(blocks, ramBase);
  const factory = new Function('s32', 'u16', 's16', 'u8', 's8', 'code', 'translator', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu',
    `return function region(cpu, entry, budget) {\n${body}\n};`) as (...args: unknown[]) => RegionFunction;
  return factory(ram.s32, ram.u16, ram.s16, ram.u8, ram.s8, code, translator, mulh, mulhsu, mulhu, div, divu, rem, remu);
}
