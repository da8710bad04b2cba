// The dispatch of a 32-bit switch, as gcc -O1/-O2 lays it out: runs of dense cases become a
// jump table in .rodata (a bounds check, then `jr` through a `.word` per value), and what is
// left is searched with a balanced tree of compares, so 10^4 cases cost a dozen branches,
// not 10^4. A range case (`case 1 ... 100000:`) is one compare pair, never 10^5 table entries.

import type { SwitchCase } from '../parse/ast.ts';
import type { Gen } from './codegen-state.ts';
import { userSection } from './codegen-data.ts';

/** Values in a table per case at most (gcc's ratio for speed): sparser runs are searched. */
const TABLE_RATIO = 8;
/** Cases in a run before a table pays for its bounds check and load (gcc: 4 or 5). */
const TABLE_MIN_CASES = 5;
/** Entries in one table at most (4 bytes each). */
const TABLE_MAX_ENTRIES = 1 << 20;
/** Items compared one after another at the leaves of the search. */
const CHAIN_ITEMS = 4;
/** Cases looked past the last dense end before a run is closed (keeps the scan linear). */
const TABLE_LOOKAHEAD = 64;

/** A case (one value or a range), or a jump table over [lo, hi], in the switch's value order. */
type CaseItem = { kind: 'case'; lo: number; hi: number; label: string };
type Item = CaseItem | { kind: 'table'; lo: number; hi: number; cases: CaseItem[] };

/** Emits the jumps to the case labels for the value in a0; falls to `otherwise` when none matches. */
export function genSwitchDispatch(g: Gen, cases: readonly SwitchCase[], unsigned: boolean, otherwise: string): void {
  const key = (v: bigint): number => Number(unsigned ? BigInt.asUintN(32, v) : BigInt.asIntN(32, v));
  const sorted: CaseItem[] = [];
  for (const c of cases) {
    const lo = key(c.lo), hi = key(c.hi);
    if (lo <= hi) sorted.push({ kind: 'case', lo, hi, label: c.label }); // an empty range (5 ... 1) matches nothing
  }
  sorted.sort((a, b) => a.lo - b.lo);
  const items = withTables(sorted);
  searchTree(g, items, 0, items.length, unsigned, otherwise);
}

/** Replaces each dense run of cases (at least TABLE_MIN_CASES, span at most TABLE_RATIO per case) by a table. */
function withTables(sorted: CaseItem[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < sorted.length;) {
    let best = i;
    for (let j = i + 1; j < sorted.length; j++) {
      const span = sorted[j].hi - sorted[i].lo + 1;
      if (span > TABLE_MAX_ENTRIES || span > TABLE_RATIO * (sorted.length - i) || j - best > TABLE_LOOKAHEAD) break;
      if (span <= TABLE_RATIO * (j - i + 1)) best = j;
    }
    if (best - i + 1 >= TABLE_MIN_CASES) {
      out.push({ kind: 'table', lo: sorted[i].lo, hi: sorted[best].hi, cases: sorted.slice(i, best + 1) });
      i = best + 1;
    } else out.push(sorted[i++]);
  }
  return out;
}

/** Binary search over items[from, to): values below the middle item's first go left. */
function searchTree(g: Gen, items: Item[], from: number, to: number, unsigned: boolean, otherwise: string): void {
  if (to - from <= CHAIN_ITEMS) { compareChain(g, items.slice(from, to), otherwise); return; }
  const mid = (from + to) >> 1;
  const left = g.newLabel();
  g.emit(`li t0, ${items[mid].lo | 0}`);
  g.emit(`${unsigned ? 'bltu' : 'blt'} a0, t0, ${left}`);
  searchTree(g, items, mid, to, unsigned, otherwise);
  g.label(left);
  searchTree(g, items, from, mid, unsigned, otherwise);
}

function compareChain(g: Gen, items: readonly Item[], otherwise: string): void {
  for (const it of items) {
    if (it.kind === 'table') { jumpTable(g, it, otherwise); continue; }
    if (it.lo === it.hi) {
      g.emit(`li t0, ${it.lo | 0}`);
      g.emit(`beq a0, t0, ${it.label}`);
    } else {
      // lo <= x <= hi as one unsigned compare: x - lo <= hi - lo.
      g.emit(`li t0, ${it.lo | 0}`);
      g.emit('sub t1, a0, t0');
      g.emit(`li t2, ${(it.hi - it.lo) | 0}`);
      g.emit(`bgeu t2, t1, ${it.label}`);
    }
  }
  g.emit(`j ${otherwise}`);
}

/** Bounds check, then a jump through the table; a value outside it goes on to the next item,
 * one in a hole of it to `otherwise` (no other case lies within its span). */
function jumpTable(g: Gen, t: Extract<Item, { kind: 'table' }>, otherwise: string): void {
  const table = g.newLabel(), outside = g.newLabel();
  g.emit(`li t0, ${t.lo | 0}`);
  g.emit('sub t1, a0, t0');
  g.emit(`li t2, ${(t.hi - t.lo) | 0}`);
  g.emit(`bltu t2, t1, ${outside}`);
  g.emit('slli t1, t1, 2');
  g.emit(`lui t2, %hi(${table})`);
  g.emit(`addi t2, t2, %lo(${table})`);
  g.emit('add t1, t1, t2');
  g.emit('lw t1, 0(t1)');
  g.emit('jr t1');
  g.emit('.section .rodata');
  g.emit('.balign 4');
  g.label(table);
  let next = t.lo;
  for (const c of t.cases) {
    for (; next < c.lo; next++) g.emit(`.word ${otherwise}`);
    for (; next <= c.hi; next++) g.emit(`.word ${c.label}`);
  }
  const fn = g.fn;
  g.emit(fn?.section ? userSection(fn.section, true, 'x') : '.text');
  g.label(outside);
}
