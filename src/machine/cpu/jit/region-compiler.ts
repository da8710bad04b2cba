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
  return b === undefined ? `pc = ${hex(target)}; break out;` : `b = ${b}; continue out;`;
}

/** A jump to `target` as the last statement of a case: nothing when `target` is the case emitted next
 * (falling through into it saves a round through the switch's jump table). */
function tailTo(index: ReadonlyMap<number, number>, target: number, following: number): string {
  return target === following && index.has(target) ? '' : goTo(index, target);
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

/** The block's last instruction and its edges; `following` is the start of the case emitted after it. */
function blockEnd(block: Block, index: ReadonlyMap<number, number>, returns: readonly [number, number][], following: number): string {
  const last = block.insns[block.insns.length - 1];
  switch (block.end) {
    case END_BRANCH: {
      const taken = branchTarget(last);
      if (taken === following && taken !== block.next && index.has(taken)) {
        return `if (!(${branchCondition(last.insn)})) { ${goTo(index, block.next)} }`;
      }
      return `if (${branchCondition(last.insn)}) { ${goTo(index, taken)} } ${tailTo(index, block.next, following)}`;
    }
    case END_JAL: {
      const rd = (last.insn >>> 7) & 31;
      return `${rd === 0 ? '' : `r${rd} = ${hex((last.pc + last.len) | 0)};`} ${tailTo(index, jalTarget(last), following)}`;
    }
    case END_JALR: {
      const rd = (last.insn >>> 7) & 31;
      const t = `t = (${reg((last.insn >>> 15) & 31)} + ${last.insn >> 20}) & -2;`;
      const link = rd === 0 ? '' : `r${rd} = ${hex((last.pc + last.len) | 0)};`;
      const cases = returns.map(([pc, b]) => `case ${hex(pc)}: b = ${b}; continue out;`).join(' ');
      return `${t} ${link} switch (t) { ${cases} } pc = t; break out;`;
    }
    default:
      return tailTo(index, block.next, following);
  }
}

/** The block's budget test and instructions, up to (not including) its branch or jump. */
function blockBody(ctx: EmitContext, block: Block): string {
  const len = block.insns.length;
  const lines = [`if (n + ${len} > budget) { pc = ${hex(block.start)}; break out; }`];
  const straight = block.end >= END_FALLTHROUGH ? len : len - 1;
  for (let k = 0; k < straight; k++) {
    const d = block.insns[k];
    lines.push(emitInsn(ctx, d, k, `n += ${k + 1}; pc = ${hex((d.pc + d.len) | 0)}; break out;`));
  }
  lines.push(`n += ${len};`);
  return lines.join('\n');
}

/** Loops of up to this many blocks, laid out one after the other, loop in place. */
const LOOP_BLOCKS = 4;

/**
 * The position of the last block of a loop that starts at sorted[k]: blocks
 * sorted[k..m] follow each other in the page (each falls through into the
 * next when its branch is not taken) and sorted[m] branches back to sorted[k];
 * -1 if there is none.
 */
function loopEnd(sorted: readonly Block[], k: number): number {
  for (let m = k; m < k + LOOP_BLOCKS && m < sorted.length; m++) {
    const b = sorted[m];
    if (b.end === END_BRANCH && branchTarget(b.insns[b.insns.length - 1]) === sorted[k].start) return m;
    if ((b.end !== END_BRANCH && b.end !== END_FALLTHROUGH) || m + 1 >= sorted.length || b.next !== sorted[m + 1].start) return -1;
  }
  return -1;
}

/**
 * A loop sorted[k..m] as a `for` inside the case of its head: its iterations
 * run without going through the switch. Every block keeps its budget test and
 * count; the blocks after the head also keep their own cases (the loop's code
 * is emitted twice) for the edges and entries that reach them directly.
 */
function loopSource(ctx: EmitContext, sorted: readonly Block[], k: number, m: number, index: ReadonlyMap<number, number>, following: number): string {
  const head = sorted[k].start;
  const parts: string[] = [];
  for (let p = k; p <= m; p++) {
    const b = sorted[p], last = b.insns[b.insns.length - 1];
    parts.push(blockBody(ctx, b));
    if (p === m) parts.push(`if (!(${branchCondition(last.insn)})) break;`);
    else if (b.end === END_BRANCH) parts.push(`if (${branchCondition(last.insn)}) { ${goTo(index, branchTarget(last))} }`);
  }
  return `case ${index.get(head)!}: for (;;) {\n${parts.join('\n')}\n}\n${tailTo(index, sorted[m].next, following)}`;
}

function blockSource(ctx: EmitContext, sorted: readonly Block[], k: number, index: ReadonlyMap<number, number>, returns: readonly [number, number][]): string {
  const block = sorted[k];
  const following = k + 1 < sorted.length ? sorted[k + 1].start : NaN;
  const m = loopEnd(sorted, k);
  if (m >= 0) return loopSource(ctx, sorted, k, m, index, following);
  return `case ${index.get(block.start)!}: ${blockBody(ctx, block)}\n${blockEnd(block, index, returns, following)}`;
}

/** JavaScript source of the region's body. */
export function regionSource(blocks: readonly Block[], ramBase: number): string {
  const index = new Map(blocks.map((b, i) => [b.start, i]));
  const ctx: EmitContext = { ramBase, exitBefore: (done, pc) => `n += ${done}; pc = ${hex(pc)}; break out;` };
  const used: number[] = [];
  const mask = registersUsed(blocks);
  for (let r = 1; r < 32; r++) if (((mask >>> r) & 1) !== 0) used.push(r);
  const returns = jalrTargets(blocks, index);
  // Cases in address order, so a block's fall-through successor is usually the case after it.
  const sorted = [...blocks].sort((a, b) => (a.start >>> 0) - (b.start >>> 0));
  const cases = sorted.map((_, k) => blockSource(ctx, sorted, k, index, returns)).join('\n');
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
