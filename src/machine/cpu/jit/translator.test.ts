// The translator's invariants (docs/jit.md), each checked against the
// interpreter running the same program on a second hart: exact budgets,
// invalidation from every writer of RAM, MMIO through the bus, precise
// traps, breakpoints, fence.i, compressed and S-mode code.

import { describe, expect, it } from 'vitest';
import { asm } from '../encode.ts';
import { DEV_BASE, HANDLER, RAM_BASE, li, testMachine, type TestMachine } from '../test-machine.ts';
import { STEP_BREAKPOINT } from '../step-result.ts';

const ADD = (rd: number, a: number, b: number) => asm.op(0, 0, rd, a, b);
const XOR = (rd: number, a: number, b: number) => asm.op(4, 0, rd, a, b);
const MUL = (rd: number, a: number, b: number) => asm.op(0, 1, rd, a, b);
const BLT = (a: number, b: number, imm: number) => (asm.bne(a, b, imm) & ~0x7000) | (4 << 12);

/** Two harts with the same program: the interpreter alone, and the translator with every pc hot at once. */
function pair(program: number[]): [TestMachine, TestMachine] {
  const ref = testMachine(program), jit = testMachine(program);
  ref.cpu.useTranslator = false;
  jit.cpu.translator.hotThreshold = 1;
  return [ref, jit];
}

function state(m: TestMachine): unknown {
  const c = m.cpu.csr;
  return { x: Array.from(m.cpu.x), pc: m.cpu.pc, instret: m.cpu.instret, priv: m.cpu.priv, mepc: c.mepc, mcause: c.mcause, mtval: c.mtval, sepc: c.sepc };
}

/** Steps both harts with the same budgets; after each step they must agree. */
function runBoth(ms: [TestMachine, TestMachine], budgets: number[]): void {
  for (const b of budgets) {
    const r0 = ms[0].cpu.step(b), r1 = ms[1].cpu.step(b);
    expect(r1).toBe(r0);
    expect(state(ms[1])).toEqual(state(ms[0]));
  }
}

/** A loop of ALU work, a store and a load per iteration, 2000 times; then `j .`. Buffer at RAM + 0x4000. */
const LOOP = [
  ...li(5, 0), ...li(6, 2000), ...li(8, RAM_BASE + 0x4000), ...li(9, 7),
  // loop (at +32):
  ADD(7, 7, 5), MUL(10, 5, 9), XOR(7, 7, 10), asm.sw(7, 8, 0), asm.lw(11, 8, 0), ADD(12, 12, 11),
  asm.addi(8, 8, 4), asm.addi(5, 5, 1), BLT(5, 6, -32),
  asm.jal(0, 0),
];

describe('translated code runs as the interpreter does', () => {
  it('gives the same registers, memory and instret, and really runs translated', () => {
    const ms = pair(LOOP);
    runBoth(ms, [100_000]);
    expect(ms[1].ram).toEqual(ms[0].ram);
    expect(ms[1].cpu.translator.executed).toBeGreaterThan(ms[1].cpu.instret * 0.9);
  });

  it('stops at exactly the budget, whatever the slice sizes (1 instruction = 1 ns stays exact)', () => {
    const ms = pair(LOOP);
    const budgets = [1, 2, 3, 5, 7, 11, 64, 65, 100, 1, 1, 999, 3, 4096];
    runBoth(ms, [...budgets, ...budgets, ...budgets]);
    expect(ms[1].cpu.translator.executed).toBeGreaterThan(0);
  });
});

/** A loop of three blocks (the shape of an insertion sort's inner loop): the head leaves it, the middle
 * block branches back to the head, the last one branches back too. Ends at `j .`. */
const THREE_BLOCK_LOOP = [
  ...li(5, 3000), ...li(8, RAM_BASE + 0x4000), ...li(9, 5), ...li(13, 1),
  asm.lw(11, 8, 0), BLT(5, 9, 28), // head: leaves the loop once x5 < 5
  asm.addi(5, 5, -1), asm.op(7, 0, 12, 5, 13), asm.beq(12, 0, -16), // back to the head on even x5
  asm.sw(5, 8, 0), asm.addi(8, 8, 4), asm.bne(5, 0, -28), // back to the head
  asm.jal(0, 0),
];

describe('a loop of several blocks runs in place as the interpreter runs it', () => {
  it('gives the same registers, memory and instret, whatever the slice sizes', () => {
    const ms = pair(THREE_BLOCK_LOOP);
    ms[1].cpu.translator.hotThreshold = 3; // every block of the loop has run when its region is compiled
    const budgets = [1, 2, 3, 5, 7, 11, 64, 65, 100, 1, 1, 999, 3, 4096];
    runBoth(ms, [...budgets, ...budgets, 100_000]);
    expect(ms[1].ram).toEqual(ms[0].ram);
    expect(ms[1].cpu.translator.executed).toBeGreaterThan(ms[1].cpu.instret * 0.9);
  });
});

describe('a write into translated code drops it, from every writer', () => {
  /** A loop adding with the `addi x7, x7, 1` at +24 (translated) 400 times; at the 200th time `write` rewrites it to add 100. */
  function selfModifying(write: number[]): number[] {
    return [
      ...li(5, 0), ...li(6, 400), ...li(13, 200),
      asm.addi(7, 7, 1), // +24: the instruction rewritten
      asm.addi(5, 5, 1),
      asm.bne(5, 13, 4 + 4 * write.length),
      ...write,
      BLT(5, 6, -12 - 4 * write.length),
      asm.jal(0, 0),
    ];
  }
  const newInsn = asm.addi(7, 7, 100);
  const patchAddr = RAM_BASE + 24;

  it('a store by the translated code itself', () => {
    const ms = pair(selfModifying([...li(14, newInsn), ...li(15, patchAddr), asm.sw(14, 15, 0)]));
    runBoth(ms, [50_000]);
    expect(ms[0].cpu.x[7]).toBe(200 + 200 * 100);
  });

  it('an atomic (amoswap) store', () => {
    const ms = pair(selfModifying([...li(14, newInsn), ...li(15, patchAddr), asm.amo(0x01, 0, 15, 14)]));
    runBoth(ms, [50_000]);
  });

  it('a store through the bus (the host, a loader)', () => {
    const ms = pair(selfModifying([]));
    runBoth(ms, [300]);
    for (const m of ms) {
      m.bus.write(patchAddr, newInsn, 4);
      expect(m.bus.fault).toBe(0);
    }
    runBoth(ms, [50_000]);
    expect(ms[1].cpu.x[7]).toBe(ms[0].cpu.x[7]);
  });

  it('fence.i after the store changes nothing in the result', () => {
    const ms = pair(selfModifying([...li(14, newInsn), ...li(15, patchAddr), asm.sw(14, 15, 0), asm.fenceI()]));
    runBoth(ms, [50_000]);
  });
});

describe('loads and stores outside RAM reach the bus', () => {
  it('MMIO in a hot loop: every access, at the same instret, and the same trace', () => {
    const program = [
      ...li(5, 0), ...li(6, 300), ...li(8, DEV_BASE),
      asm.lw(7, 8, 0), asm.addi(7, 7, 3), asm.sw(7, 8, 4), asm.addi(5, 5, 1), BLT(5, 6, -16),
      asm.jal(0, 0),
    ];
    const ms = pair(program);
    for (const m of ms) m.tracer.enabled = true;
    runBoth(ms, [10_000]);
    expect(ms[1].devAccessInstret).toEqual(ms[0].devAccessInstret);
    expect(ms[0].devAccessInstret).toHaveLength(600);
    expect(ms[1].tracer.drain().map((e) => JSON.stringify(e))).toEqual(ms[0].tracer.drain().map((e) => JSON.stringify(e)));
  });
});

describe('traps inside translated code are precise', () => {
  it('a load running off the end of RAM faults with the exact mepc, mtval and registers', () => {
    const program = [
      ...li(8, RAM_BASE + 0x10000 - 64), ...li(5, 0),
      asm.lw(7, 8, 0), asm.addi(5, 5, 1), ADD(9, 9, 7), asm.addi(8, 8, 4), asm.jal(0, -16),
    ];
    const ms = pair(program);
    runBoth(ms, [1000]);
    expect(ms[0].cpu.csr.mcause).toBe(5); // load access fault
    expect(ms[0].cpu.pc).toBe(HANDLER);
    expect(ms[1].cpu.translator.executed).toBeGreaterThan(0);
  });
});

describe('debugging falls back to the interpreter', () => {
  it('a breakpoint set inside a translated loop stops there, and continuing goes on identically', () => {
    const ms = pair(LOOP);
    runBoth(ms, [5_000]);
    const bp = RAM_BASE + 32 + 4 * 4; // the lw in the loop
    for (const m of ms) m.cpu.breakpoints.add(bp);
    for (let i = 0; i < 5; i++) {
      const r = ms.map((m) => m.cpu.step(100_000));
      expect(r).toEqual([STEP_BREAKPOINT, STEP_BREAKPOINT]);
      expect(state(ms[1])).toEqual(state(ms[0]));
      expect(ms[1].cpu.pc).toBe(bp);
      for (const m of ms) m.cpu.resumeOverBreakpoint();
    }
    for (const m of ms) m.cpu.breakpoints.clear();
    runBoth(ms, [100_000]);
  });

  it('single-stepping a translated loop matches the interpreter instruction by instruction', () => {
    const ms = pair(LOOP);
    runBoth(ms, [3_000]);
    runBoth(ms, new Array<number>(200).fill(1));
  });

  it('tracing every instruction gives the same events', () => {
    const ms = pair(LOOP);
    for (const m of ms) {
      m.tracer.enabled = true;
      m.tracer.insnSampleEvery = 1;
    }
    runBoth(ms, [2_000]);
    expect(ms[1].tracer.drain().map((e) => JSON.stringify(e))).toEqual(ms[0].tracer.drain().map((e) => JSON.stringify(e)));
  });
});

describe('compressed and S-mode code translate', () => {
  it('a loop of RVC instructions', () => {
    const C_ADDI_X5_1 = 0x0285, C_ADD_X7_X5 = 0x9396; // c.addi x5, 1; c.add x7, x5
    const program = [...li(5, 0), ...li(6, 500), C_ADDI_X5_1 | (C_ADD_X7_X5 << 16), BLT(5, 6, -4), asm.jal(0, 0)];
    const ms = pair(program);
    runBoth(ms, [10_000]);
    expect(ms[0].cpu.x[7]).toBe((500 * 501) / 2);
    expect(ms[1].cpu.translator.executed).toBeGreaterThan(1000);
  });

  it('S-mode code', () => {
    const ms = pair(LOOP);
    for (const m of ms) {
      m.cpu.csr.write(0x3b0, -1); // pmpaddr0: NAPOT over everything
      m.cpu.csr.write(0x3a0, 0x1f); // pmpcfg0: R, W, X, NAPOT
      m.cpu.priv = 1;
    }
    runBoth(ms, [100_000]);
    expect(ms[1].cpu.priv).toBe(1);
    expect(ms[1].cpu.translator.executed).toBeGreaterThan(10_000);
  });
});
