import { describe, expect, it } from 'vitest';
import { STEP_BUDGET, STEP_WFI, type Cpu } from './cpu.ts';
import {
  CSR, MSTATUS_MIE, MSTATUS_MPP, MSTATUS_MPRV, MSTATUS_SIE, MSTATUS_SPIE, MSTATUS_SPP, MSTATUS_TSR, MSTATUS_TVM, MSTATUS_TW,
} from './csr.ts';
import { asm } from './encode.ts';
import { isFloatingPointInstruction } from './no-fpu.ts';
import { HANDLER, li, poke, RAM_BASE, testMachine, type TestMachine } from './test-machine.ts';

const u = (v: number) => v >>> 0;
const SRET = 0x10200073, SFENCE_VMA = 0x12000073;
const S_HANDLER = RAM_BASE + 0x900;
const SSIP = 1 << 1, MTIP = 1 << 7, SEIP = 1 << 9;

/** A hart in `priv` with one all-memory RWX PMP entry and stvec at S_HANDLER (a `j .`). */
function machine(program: number[], priv: 0 | 1 | 3): TestMachine {
  const m = testMachine(program);
  poke(m, S_HANDLER, [asm.jal(0, 0)]);
  m.cpu.csr.pmpaddr[0] = -1;
  m.cpu.csr.pmpcfg[0] = 0x1f;
  m.cpu.csr.stvec = S_HANDLER;
  m.cpu.priv = priv;
  return m;
}

function sTrap(cpu: Cpu) {
  return { pc: cpu.pc, scause: u(cpu.csr.scause), sepc: u(cpu.csr.sepc), stval: u(cpu.csr.stval), priv: cpu.priv };
}

describe('delegated traps', () => {
  it('an exception from S whose medeleg bit is set goes to stvec with scause/sepc/stval, SPP = S', () => {
    const m = machine([asm.ebreak()], 1);
    m.cpu.csr.medeleg = 1 << 3;
    m.cpu.csr.mstatus = MSTATUS_SIE;
    m.tracer.enabled = true;
    m.cpu.step(1);
    expect(sTrap(m.cpu)).toEqual({ pc: S_HANDLER, scause: 3, sepc: RAM_BASE, stval: 0, priv: 1 });
    expect(m.cpu.csr.mstatus & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)).toBe(MSTATUS_SPIE | MSTATUS_SPP);
    expect(m.cpu.csr.mcause).toBe(0);
    expect(m.tracer.drain().find((e) => e.kind === 'trap')).toMatchObject({ mode: 'S', cause: 3 });
  });

  it('from U, SPP records U; an illegal instruction carries its bits in stval', () => {
    const insn = asm.csr(2, 1, CSR.mstatus, 0);
    const m = machine([insn], 0);
    m.cpu.csr.medeleg = 1 << 2;
    m.cpu.step(1);
    expect(sTrap(m.cpu)).toEqual({ pc: S_HANDLER, scause: 2, sepc: RAM_BASE, stval: insn, priv: 1 });
    expect(m.cpu.csr.mstatus & MSTATUS_SPP).toBe(0);
  });

  it('a trap from M never goes to S, whatever medeleg says', () => {
    const m = machine([asm.ebreak()], 3);
    m.cpu.csr.medeleg = 1 << 3;
    m.cpu.step(1);
    expect([m.cpu.pc, m.cpu.csr.mcause, m.cpu.priv]).toEqual([HANDLER, 3, 3]);
  });

  it('ecall from S without delegation reaches M as cause 9 with MPP = S', () => {
    const m = machine([asm.ecall()], 1);
    m.cpu.step(1);
    expect([m.cpu.pc, m.cpu.csr.mcause, (m.cpu.csr.mstatus & MSTATUS_MPP) >>> 11]).toEqual([HANDLER, 9, 1]);
  });
});

describe('sret', () => {
  it('returns to sepc in the mode SPP saved: SIE = SPIE, SPIE = 1, SPP = U, MPRV cleared', () => {
    const m = machine([SRET], 1);
    m.cpu.csr.sepc = RAM_BASE + 0x40;
    m.cpu.csr.mstatus = MSTATUS_SPIE | MSTATUS_MPRV;
    m.tracer.enabled = true;
    m.cpu.step(1);
    expect([m.cpu.pc, m.cpu.priv]).toEqual([RAM_BASE + 0x40, 0]);
    expect(m.cpu.csr.mstatus & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_MPRV)).toBe(MSTATUS_SIE | MSTATUS_SPIE);
    expect(m.tracer.drain().find((e) => e.kind === 'trap-return')).toMatchObject({ mode: 'U', via: 'sret' });
  });

  it('is illegal in U, and in S while mstatus.TSR is set; M may use it', () => {
    const inU = machine([SRET], 0);
    inU.cpu.step(1);
    expect([inU.cpu.pc, inU.cpu.csr.mcause]).toEqual([HANDLER, 2]);
    const tsr = machine([SRET], 1);
    tsr.cpu.csr.mstatus = MSTATUS_TSR;
    tsr.cpu.step(1);
    expect([tsr.cpu.pc, tsr.cpu.csr.mcause, u(tsr.cpu.csr.mtval)]).toEqual([HANDLER, 2, SRET]);
    const inM = machine([SRET], 3);
    inM.cpu.csr.sepc = RAM_BASE + 0x40;
    inM.cpu.csr.mstatus = MSTATUS_SPP;
    inM.cpu.step(1);
    expect([inM.cpu.pc, inM.cpu.priv]).toEqual([RAM_BASE + 0x40, 1]);
  });
});

describe('TW, TVM and sfence.vma (QEMU 7.2 with S mode)', () => {
  it('wfi idles in S unless TW; in U it is always illegal', () => {
    expect(machine([asm.wfi()], 1).cpu.step(1)).toBe(STEP_WFI);
    const tw = machine([asm.wfi()], 1);
    tw.cpu.csr.mstatus = MSTATUS_TW;
    tw.cpu.step(1);
    expect([tw.cpu.pc, tw.cpu.csr.mcause]).toEqual([HANDLER, 2]);
    const inU = machine([asm.wfi()], 0);
    inU.cpu.step(1);
    expect([inU.cpu.pc, inU.cpu.csr.mcause]).toEqual([HANDLER, 2]);
  });

  it('sfence.vma is a no-op in S and M, illegal in U and in S under TVM; so is satp in S under TVM', () => {
    const inS = machine([SFENCE_VMA, asm.csr(2, 1, CSR.satp, 0)], 1);
    expect(inS.cpu.step(2)).toBe(STEP_BUDGET);
    expect(inS.cpu.pc).toBe(RAM_BASE + 8);
    for (const insn of [SFENCE_VMA, asm.csr(2, 1, CSR.satp, 0)]) {
      const tvm = machine([insn], 1);
      tvm.cpu.csr.mstatus = MSTATUS_TVM;
      tvm.cpu.step(1);
      expect([tvm.cpu.pc, tvm.cpu.csr.mcause, u(tvm.cpu.csr.mtval)]).toEqual([HANDLER, 2, insn]);
    }
    const inU = machine([SFENCE_VMA], 0);
    inU.cpu.step(1);
    expect([inU.cpu.pc, inU.cpu.csr.mcause]).toEqual([HANDLER, 2]);
  });
});

describe('interrupts with delegation', () => {
  function pending(priv: 0 | 1 | 3, mstatus: number, mip: number, mideleg: number): TestMachine {
    const m = machine([asm.addi(0, 0, 0), asm.addi(0, 0, 0)], priv);
    m.cpu.csr.mstatus = mstatus;
    m.cpu.csr.mie = SSIP | MTIP | SEIP;
    m.cpu.csr.mideleg = mideleg;
    m.cpu.csr.mip = mip;
    m.cpu.step(1);
    return m;
  }

  it('a delegated interrupt is taken in S from U, or in S with SIE; never while in M', () => {
    expect(sTrap(pending(0, 0, SSIP, SSIP).cpu)).toMatchObject({ pc: S_HANDLER, scause: 0x8000_0001, priv: 1 });
    expect(pending(1, 0, SSIP, SSIP).cpu.pc).toBe(RAM_BASE + 4);
    expect(sTrap(pending(1, MSTATUS_SIE, SEIP, SEIP).cpu)).toMatchObject({ pc: S_HANDLER, scause: 0x8000_0009 });
    expect(pending(3, MSTATUS_MIE | MSTATUS_SIE, SSIP, SSIP).cpu.pc).toBe(RAM_BASE + 4);
  });

  it('an M-level interrupt preempts S mode even with MIE clear, and wins over a lower-numbered S one', () => {
    const m = pending(1, MSTATUS_SIE, SSIP | MTIP, SSIP);
    expect([m.cpu.pc, u(m.cpu.csr.mcause), m.cpu.priv]).toEqual([HANDLER, 0x8000_0007, 3]);
  });

  it('an undelegated S interrupt goes to M: SSIP before MTIP there (lowest number, as QEMU 7.2)', () => {
    const m = pending(3, MSTATUS_MIE, SSIP | MTIP, 0);
    expect([m.cpu.pc, u(m.cpu.csr.mcause)]).toEqual([HANDLER, 0x8000_0001]);
  });
});

describe('PMP on the hart', () => {
  const word = RAM_BASE + 0x200;

  it('S stores to a read-only NA4 entry in RAM fault (7, mtval = address); the rest of RAM works', () => {
    const m = machine([...li(1, word), asm.lw(2, 1, 0), asm.sw(2, 1, 4), asm.sw(2, 1, 0)], 1);
    m.cpu.csr.pmpaddr[0] = word >>> 2;
    m.cpu.csr.pmpaddr[1] = -1;
    m.cpu.csr.pmpcfg[0] = 0x1f11; // NA4 R over word, then NAPOT RWX over all
    m.cpu.step(5);
    expect([m.cpu.pc, m.cpu.csr.mcause, u(m.cpu.csr.mtval)]).toEqual([HANDLER, 7, word]);
  });

  it('fetching where the entry has no X is an instruction access fault at that pc', () => {
    const m = machine([asm.addi(1, 0, 1)], 0);
    m.cpu.csr.pmpcfg[0] = 0x1b; // RW, no X
    m.cpu.step(1);
    expect([m.cpu.pc, m.cpu.csr.mcause, u(m.cpu.csr.mtval)]).toEqual([HANDLER, 1, RAM_BASE]);
  });

  it('a locked read-only entry stops M\'s own stores', () => {
    const m = machine([...li(1, word), asm.sw(0, 1, 0)], 3);
    m.cpu.csr.pmpaddr[0] = word >>> 2;
    m.cpu.csr.pmpcfg[0] = 0x1f91;
    m.cpu.step(3);
    expect([m.cpu.pc, m.cpu.csr.mcause, u(m.cpu.csr.mtval)]).toEqual([HANDLER, 7, word]);
  });

  it('with MPRV, M\'s loads are checked as MPP\'s: a U load nothing allows faults (5)', () => {
    const m = testMachine([...li(1, word), asm.lw(2, 1, 0)]);
    m.cpu.csr.mstatus = MSTATUS_MPRV; // MPP = U, no PMP entry
    m.cpu.step(3);
    expect([m.cpu.pc, m.cpu.csr.mcause, u(m.cpu.csr.mtval)]).toEqual([HANDLER, 5, word]);
  });

  it('a PMP change in the middle of a run applies to the next access (the fast path follows it)', () => {
    const m = machine([
      ...li(1, word), ...li(3, word >>> 2), ...li(4, 0x1f11),
      asm.sw(0, 1, 0), asm.csr(1, 0, 0x3b0, 3), asm.csr(1, 0, 0x3a0, 4), asm.sw(0, 1, 0),
    ], 3);
    m.cpu.csr.mstatus = MSTATUS_MPRV | (1 << 11); // M's stores are checked as S's
    m.cpu.csr.pmpcfg[0] = 0x1f00; // entry 1: NAPOT RWX over all memory
    m.cpu.csr.pmpaddr[1] = -1;
    m.cpu.step(10); // one run: no recomputation at its start
    expect([m.cpu.pc, m.cpu.csr.mcause, u(m.cpu.csr.mepc), u(m.cpu.csr.mtval)]).toEqual([HANDLER, 7, RAM_BASE + 36, word]);
  });
});

describe('no FPU', () => {
  it('an FP instruction is illegal and gives the notice once per boot', () => {
    const flw = 0x0000_2007; // flw f0, 0(x0)
    const m = testMachine([flw, flw]);
    m.cpu.csr.mtvec = RAM_BASE + 4;
    const notices: string[] = [];
    m.cpu.onNotice = (message) => notices.push(message);
    m.cpu.step(2);
    expect([m.cpu.csr.mcause, u(m.cpu.csr.mtval)]).toEqual([2, flw]);
    expect(notices).toEqual(['this board has no FPU: build with -march=rv32imac -mabi=ilp32']);
    m.cpu.reset(RAM_BASE);
    m.cpu.step(1);
    expect(notices).toHaveLength(2);
  });

  it('recognises F/D opcodes, the FP CSRs and the compressed FP loads and stores', () => {
    const fp = [0x0000_0053 /* fadd.s */, 0x0000_2027 /* fsw */, 0x0000_0043 /* fmadd.s */, 0x0000_3007 /* fld */,
      asm.csr(2, 1, 0x001, 0), asm.csr(1, 0, 0x002, 1), 0x2000 /* c.fld */, 0xe002 /* c.fswsp */];
    const other = [asm.addi(1, 1, 1), asm.csr(2, 1, CSR.mstatus, 0), 0x0000, 0x4000 /* c.lw */, 0x0000_0073];
    expect(fp.map(isFloatingPointInstruction)).toEqual(fp.map(() => true));
    expect(other.map(isFloatingPointInstruction)).toEqual(other.map(() => false));
  });

  it('other illegal instructions give no notice', () => {
    const m = testMachine([0xffff_ffff, asm.csr(2, 1, 0x7c0, 0)]);
    m.cpu.csr.mtvec = RAM_BASE + 4;
    let told = false;
    m.cpu.onNotice = () => (told = true);
    m.cpu.step(2);
    expect(m.cpu.csr.mcause).toBe(2);
    expect(told).toBe(false);
  });
});

describe('snapshots', () => {
  it('saveState/loadState carry the S-mode CSRs; a version 1 snapshot loads them as 0', () => {
    const m = machine([asm.addi(1, 0, 1)], 1);
    Object.assign(m.cpu.csr, { medeleg: 8, mideleg: SSIP, stvec: S_HANDLER, sepc: 0x44, scause: 3, stval: 5, satp: 7 });
    m.cpu.csr.softwareSeip = true;
    const saved = JSON.parse(JSON.stringify(m.cpu.saveState()));
    m.cpu.reset(RAM_BASE);
    m.cpu.loadState(saved);
    expect(m.cpu.priv).toBe(1);
    expect(m.cpu.registers().csr).toMatchObject({ medeleg: 8, mideleg: SSIP, stvec: S_HANDLER, sepc: 0x44, scause: 3, stval: 5, satp: 7 });
    expect(m.cpu.csr.softwareSeip).toBe(true);
    const v1 = { ...saved, version: 1, supervisor: undefined };
    m.cpu.loadState(v1);
    expect(m.cpu.registers().csr).toMatchObject({ medeleg: 0, stvec: 0, satp: 0 });
  });
});

describe('satp', () => {
  it('keeps Bare mode: a write selecting Sv32 is ignored and traced', () => {
    const m = machine([...li(1, 0x8000_0123), asm.csr(1, 0, CSR.satp, 1), ...li(1, 0x0000_0123), asm.csr(1, 0, CSR.satp, 1)], 3);
    m.tracer.enabled = true;
    m.cpu.step(3);
    expect(m.cpu.csr.satp).toBe(0);
    expect(m.tracer.drain().find((e) => e.kind === 'device-log')).toMatchObject({ device: 'hart', message: expect.stringContaining('Sv32') });
    m.cpu.step(3);
    expect(m.cpu.csr.satp).toBe(0x123);
  });
});
