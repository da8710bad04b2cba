import { describe, expect, it } from 'vitest';
import { Cpu, STEP_BREAKPOINT, STEP_BUDGET, STEP_EXIT, STEP_WFI } from './cpu.ts';
import { CSR, MSTATUS_MIE, MSTATUS_MPIE, MSTATUS_MPP } from './csr.ts';
import { asm } from './encode.ts';
import { DEV_BASE, HANDLER, li, poke, RAM_BASE, ROM_BASE, testMachine, type TestMachine } from './test-machine.ts';

const u = (v: number) => v >>> 0;

/** One NAPOT PMP entry over all memory, RWX: what S and U need to run at all. */
function allowAllMemory(m: TestMachine): void {
  m.cpu.csr.pmpaddr[0] = -1;
  m.cpu.csr.pmpcfg[0] = 0x1f;
}

function trapState(cpu: Cpu) {
  return { pc: cpu.pc, mcause: u(cpu.csr.mcause), mepc: u(cpu.csr.mepc), mtval: u(cpu.csr.mtval) };
}

describe('RV32I', () => {
  it('computes with wrap-around, signed and unsigned compares and shifts', () => {
    const m = testMachine([
      ...li(1, 0x7fff_ffff),
      asm.addi(2, 1, 1), // overflow to MIN
      asm.slti(3, 2, 0), // MIN < 0
      asm.sltiu(4, 2, -1), // 0x80000000 <u 0xffffffff
      asm.srai(5, 2, 31),
      asm.srli(6, 2, 31),
      asm.slli(7, 1, 1),
      asm.op(0, 0x20, 8, 0, 1), // sub x8 = 0 - x1
      asm.op(3, 0, 9, 0, 2), // sltu x9 = 0 <u x2
      asm.op(5, 0x20, 10, 2, 1), // sra by 31 (x1 & 31)
      asm.addi(0, 0, 5), // x0 stays 0
      asm.auipc(11, 0x1000),
      asm.lui(12, 0xfffff000),
    ]);
    expect(m.cpu.step(14)).toBe(STEP_BUDGET);
    const x = Array.from(m.cpu.x, u);
    expect(x.slice(2, 13)).toEqual([
      0x8000_0000, 1, 1, 0xffff_ffff, 1, 0xffff_fffe, 0x8000_0001, 1, 0xffff_ffff, RAM_BASE + 4 * 12 + 0x1000, 0xffff_f000,
    ]);
    expect(x[0]).toBe(0);
    expect(m.cpu.instret).toBe(14);
  });

  it('links and jumps with jal/jalr and takes branches both ways', () => {
    const m = testMachine([
      asm.jal(1, 8), // -> +8
      asm.addi(5, 0, 99), // skipped
      asm.beq(0, 0, 8), // taken -> +8
      asm.addi(5, 0, 98), // skipped
      asm.bne(0, 0, 64), // not taken
      asm.jalr(2, 1, 0x1c), // ra = RAM+4, -> RAM+0x20
      0, 0,
      asm.addi(6, 0, 7),
    ]);
    m.cpu.step(6);
    expect(u(m.cpu.x[1])).toBe(RAM_BASE + 4);
    expect(u(m.cpu.x[2])).toBe(RAM_BASE + 24);
    expect(m.cpu.x[5]).toBe(0);
    expect(m.cpu.x[6]).toBe(7);
  });

  it('loads sign- and zero-extended bytes and halves, stores every width', () => {
    const m = testMachine([
      ...li(1, RAM_BASE + 0x400), ...li(2, 0x8081_82f3),
      asm.sw(2, 1, 0), asm.lb(3, 1, 0), asm.lbu(4, 1, 0), asm.lh(5, 1, 2), asm.lhu(6, 1, 2),
      asm.sb(2, 1, 4), asm.sh(2, 1, 6), asm.lw(7, 1, 4),
    ]);
    m.cpu.step(12);
    expect(Array.from(m.cpu.x.slice(3, 8), u)).toEqual([0xffff_fff3, 0xf3, 0xffff_8081, 0x8081, 0x82f3_00f3]);
  });

  it('runs code from ROM through the bus and reads ROM data', () => {
    const m = testMachine([], RAM_BASE);
    poke(m, ROM_BASE, [...li(1, ROM_BASE), asm.lw(2, 1, 0)]);
    m.cpu.reset(ROM_BASE);
    m.cpu.step(3);
    expect(u(m.cpu.x[2])).toBe(li(1, ROM_BASE)[0]);
    expect(m.cpu.pc).toBe(ROM_BASE + 12);
  });

  it('treats fence and fence.i as no-ops', () => {
    const m = testMachine([asm.fence(), asm.fenceI(), asm.addi(1, 0, 1)]);
    m.cpu.step(3);
    expect(m.cpu.x[1]).toBe(1);
  });
});

describe('exceptions (mcause, mepc, mtval as QEMU 7.2 sets them)', () => {
  const cases: [string, number[], number, (pc: number) => number][] = [
    ['all-zero word is illegal', [0], 2, () => 0],
    ['unknown opcode is illegal, mtval = instruction bits', [0xffff_ffff], 2, () => 0xffff_ffff],
    ['load from unmapped memory', [...li(1, 0x2000_0000), asm.lw(2, 1, 4)], 5, () => 0x2000_0004],
    ['store to unmapped memory', [...li(1, 0x2000_0000), asm.sw(2, 1, 0)], 7, () => 0x2000_0000],
    ['store to ROM', [...li(1, ROM_BASE), asm.sb(2, 1, 3)], 7, () => ROM_BASE + 3],
    ['misaligned word load (trapMisaligned)', [...li(1, RAM_BASE + 0x402), asm.lw(2, 1, 0)], 4, () => RAM_BASE + 0x402],
    ['misaligned half store (trapMisaligned)', [...li(1, RAM_BASE + 0x401), asm.sh(2, 1, 0)], 6, () => RAM_BASE + 0x401],
    ['misaligned load outside RAM (trapMisaligned)', [...li(1, DEV_BASE + 1), asm.lh(2, 1, 0)], 4, () => DEV_BASE + 1],
    ['ecall from M mode', [asm.ecall()], 11, () => 0],
    ['ebreak (mtval = 0, as QEMU 7.2)', [asm.ebreak()], 3, () => 0],
    ['unknown CSR', [asm.csr(2, 1, 0x7c0, 0)], 2, () => asm.csr(2, 1, 0x7c0, 0)],
    ['write to read-only mvendorid', [asm.csr(1, 0, CSR.mvendorid, 1)], 2, () => asm.csr(1, 0, CSR.mvendorid, 1)],
    ['a hypervisor CSR (hstatus: no H extension)', [asm.csr(2, 1, 0x600, 0)], 2, () => asm.csr(2, 1, 0x600, 0)],
    ['fcsr (no F extension)', [asm.csr(2, 1, 0x003, 0)], 2, () => asm.csr(2, 1, 0x003, 0)],
  ];
  for (const [name, program, cause, tval] of cases) {
    it(name, () => {
      const m = testMachine(program);
      m.cpu.csr.mstatus = MSTATUS_MIE;
      m.cpu.trapMisaligned = true;
      m.cpu.step(program.length);
      const faultPc = RAM_BASE + 4 * (program.length - 1);
      expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: cause, mepc: faultPc, mtval: u(tval(faultPc)) });
      expect(m.cpu.csr.mstatus & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP)).toBe(MSTATUS_MPIE | MSTATUS_MPP);
      expect(m.cpu.x[2]).toBe(0); // a faulting load does not write rd
    });
  }

  it('fetch from unmapped memory is an instruction access fault at that address', () => {
    const m = testMachine([...li(1, 0x3000_0000), asm.jalr(0, 1, 0)]);
    m.cpu.step(4);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 1, mepc: 0x3000_0000, mtval: 0x3000_0000 });
  });

  it('a host that sets an odd pc gets an instruction-address-misaligned trap', () => {
    const m = testMachine([0x13, 0x13]);
    m.cpu.pc = RAM_BASE + 1;
    m.cpu.step(1);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 0, mepc: RAM_BASE + 1, mtval: RAM_BASE + 1 });
  });

  it('a not-taken branch to a misaligned target does not trap', () => {
    const m = testMachine([asm.bne(0, 0, 6), asm.addi(1, 0, 1)]);
    m.cpu.step(2);
    expect(m.cpu.x[1]).toBe(1);
  });

  it('a trap storm (mtvec unmapped) uses up the budget instead of hanging', () => {
    const m = testMachine([0]);
    m.cpu.csr.mtvec = 0x3000_0000;
    expect(m.cpu.step(1000)).toBe(STEP_BUDGET);
    expect(m.cpu.csr.mcause).toBe(1);
  });

  it('emits trap and trap-return events when tracing', () => {
    const m = testMachine([asm.ecall()]);
    poke(m, HANDLER, [asm.mret()]);
    m.cpu.csr.mepc = RAM_BASE + 0x40;
    m.tracer.enabled = true;
    m.cpu.step(2);
    const events = m.tracer.drain();
    expect(events.map((e) => e.kind)).toEqual(['trap', 'trap-return']);
    expect(events[0]).toMatchObject({ cause: 11, causeName: 'environment call from M-mode', epc: RAM_BASE, interrupt: false, pc: RAM_BASE });
    expect(events[1]).toMatchObject({ pc: RAM_BASE, mode: 'M' });
  });
});

describe('privilege: mret and U mode', () => {
  it('mret drops to U mode, restores MIE from MPIE; ecall from U is cause 8', () => {
    const m = testMachine([asm.mret()]);
    const user = RAM_BASE + 0x100;
    poke(m, user, [asm.addi(1, 0, 5), asm.ecall()]);
    m.cpu.csr.mepc = user;
    m.cpu.csr.mstatus = MSTATUS_MPIE; // MPP = U
    allowAllMemory(m); // one NAPOT entry, as QEMU needs to leave M mode
    m.cpu.step(2);
    expect(m.cpu.priv).toBe(0);
    expect(m.cpu.csr.mstatus & (MSTATUS_MIE | MSTATUS_MPIE)).toBe(MSTATUS_MIE | MSTATUS_MPIE);
    m.cpu.step(1);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 8, mepc: user + 4, mtval: 0 });
    expect(m.cpu.priv).toBe(3);
    expect(m.cpu.csr.mstatus & MSTATUS_MPP).toBe(0); // came from U
    expect(m.cpu.registers().priv).toBe('M');
  });

  it('mret to U mode without any PMP entry is illegal, as in QEMU 7.2', () => {
    const m = testMachine([asm.mret()]);
    m.cpu.csr.mepc = RAM_BASE + 0x100;
    m.cpu.step(1);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 2, mepc: RAM_BASE, mtval: asm.mret() });
    expect(m.cpu.priv).toBe(3);
  });

  it('U mode may not touch M-mode CSRs nor run mret', () => {
    for (const insn of [asm.csr(2, 1, CSR.mstatus, 0), asm.mret(), asm.csr(2, 1, CSR.cycle, 0)]) {
      const m = testMachine([insn]);
      allowAllMemory(m);
      m.cpu.priv = 0;
      m.cpu.step(1);
      expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 2, mepc: RAM_BASE, mtval: insn });
    }
  });

  it('U mode reads cycle/time/instret only when mcounteren and scounteren allow', () => {
    const m = testMachine([asm.csr(2, 1, CSR.time, 0), asm.csr(2, 2, CSR.instret, 0), asm.csr(2, 3, CSR.cycle, 0)]);
    allowAllMemory(m);
    m.cpu.timeSource = () => 0x1_0000_0123;
    m.cpu.csr.mcounteren = 0b111;
    m.cpu.csr.scounteren = 0b110;
    m.cpu.priv = 0;
    m.cpu.step(2);
    expect(m.cpu.x[1]).toBe(0x123);
    expect(m.cpu.x[2]).toBe(1);
    m.cpu.step(1);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 2, mepc: RAM_BASE + 8, mtval: asm.csr(2, 3, CSR.cycle, 0) });
  });

  it('mstatus.MPP holds M, S or U; the reserved 2 keeps the old value (WARL)', () => {
    const m = testMachine([...li(1, 2 << 11), asm.csr(1, 0, CSR.mstatus, 1), asm.csr(2, 2, CSR.mstatus, 0),
      ...li(1, 1 << 11), asm.csr(1, 0, CSR.mstatus, 1), asm.csr(2, 3, CSR.mstatus, 0)]);
    m.cpu.csr.mstatus = MSTATUS_MPP;
    m.cpu.step(8);
    expect(m.cpu.x[2] & MSTATUS_MPP).toBe(MSTATUS_MPP);
    expect(m.cpu.x[3] & MSTATUS_MPP).toBe(1 << 11);
  });
});

describe('Zicsr read/set/clear semantics', () => {
  it('csrrw/csrrs/csrrc and immediate forms swap, set and clear bits', () => {
    const m = testMachine([
      ...li(1, 0xf0f0),
      asm.csr(1, 2, CSR.mscratch, 1), // x2 = 0, mscratch = f0f0
      asm.csr(2, 3, CSR.mscratch, 0), // read only
      asm.csr(6, 4, CSR.mscratch, 0xf), // set 0xf
      asm.csr(7, 5, CSR.mscratch, 0x3), // clear 3
      asm.csr(3, 6, CSR.mscratch, 1), // clear f0f0
      asm.csr(2, 7, CSR.mscratch, 0),
    ]);
    m.cpu.step(8);
    expect(Array.from(m.cpu.x.slice(2, 8))).toEqual([0, 0xf0f0, 0xf0f0, 0xf0ff, 0xf0fc, 0x000c]);
  });

  it('reading a read-only CSR with csrrs/csrrc rs1=x0 or csrrsi 0 does not trap', () => {
    const m = testMachine([asm.csr(2, 1, CSR.mhartid, 0), asm.csr(3, 2, CSR.misa, 0), asm.csr(6, 3, CSR.mvendorid, 0)]);
    m.cpu.step(3);
    expect(m.cpu.pc).toBe(RAM_BASE + 12);
    expect(u(m.cpu.x[2])).toBe(0x4014_1105); // RV32 ACIMSU
  });

  it('mcycle and minstret count instructions and accept writes', () => {
    const m = testMachine([
      asm.addi(1, 0, 100), asm.csr(1, 0, CSR.minstret, 1), asm.addi(0, 0, 0), asm.csr(2, 2, CSR.minstret, 0),
      asm.csr(2, 3, CSR.mcycleh, 0), asm.csr(2, 4, CSR.mcycle, 0),
    ]);
    m.cpu.step(6);
    expect(m.cpu.x[2]).toBe(102);
    expect(m.cpu.x[3]).toBe(0);
    expect(m.cpu.x[4]).toBe(5);
  });

  it('PMP CSRs hold what is written; hpm counters read 0', () => {
    const m = testMachine([...li(1, 0x1234_5678), asm.csr(1, 0, 0x3b0, 1), asm.csr(2, 2, 0x3b0, 0), asm.csr(2, 3, 0xb03, 0)]);
    m.cpu.step(5);
    expect(m.cpu.x[2]).toBe(0x1234_5678);
    expect(m.cpu.x[3]).toBe(0);
  });

  it('mtvec keeps its old value when written a reserved mode, mepc drops bit 0', () => {
    const m = testMachine([asm.addi(1, 0, 0x103), asm.csr(1, 0, CSR.mtvec, 1), asm.csr(1, 0, CSR.mepc, 1)]);
    m.cpu.step(3);
    expect(u(m.cpu.csr.mtvec)).toBe(HANDLER);
    expect(m.cpu.csr.mepc).toBe(0x102);
  });
});

describe('interrupts', () => {
  const MTIE = 1 << 7, MEIE = 1 << 11, MSIE = 1 << 3;

  it('takes an enabled pending interrupt before the next instruction (direct mode)', () => {
    const m = testMachine([asm.addi(1, 0, 1), asm.addi(1, 1, 1)]);
    m.cpu.csr.mstatus = MSTATUS_MIE;
    m.cpu.csr.mie = MTIE;
    m.cpu.step(1);
    m.cpu.setInterruptPending(7, true);
    m.cpu.step(1);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 0x8000_0007, mepc: RAM_BASE + 4, mtval: 0 });
    expect(m.cpu.x[1]).toBe(1);
    expect(m.cpu.csr.mstatus & MSTATUS_MIE).toBe(0);
  });

  it('vectored mtvec sends interrupt n to base + 4n, exceptions to base', () => {
    const m = testMachine([asm.ecall()]);
    m.cpu.csr.mtvec = HANDLER | 1;
    m.cpu.csr.mstatus = MSTATUS_MIE;
    m.cpu.csr.mie = MEIE | MTIE | MSIE;
    m.cpu.setInterruptPending(7, true);
    m.cpu.setInterruptPending(11, true);
    m.cpu.step(0);
    expect(m.cpu.pc).toBe(HANDLER + 28); // QEMU 7.2 takes the lowest-numbered first: MTI before MEI
    const n = testMachine([asm.ecall()]);
    n.cpu.csr.mtvec = HANDLER | 1;
    n.cpu.step(1);
    expect(n.cpu.pc).toBe(HANDLER);
  });

  it('takes MSI, then MTI, then MEI when all are pending (QEMU 7.2 order)', () => {
    const m = testMachine([asm.mret()]);
    poke(m, HANDLER, [asm.mret()]);
    m.cpu.csr.mie = MEIE | MTIE | MSIE;
    for (const irq of [3, 7, 11]) m.cpu.setInterruptPending(irq, true);
    const taken: number[] = [];
    for (const irq of [3, 7, 11]) {
      m.cpu.csr.mstatus = MSTATUS_MIE | MSTATUS_MPP;
      m.cpu.step(0);
      taken.push(m.cpu.csr.mcause & 0xff);
      m.cpu.setInterruptPending(irq, false);
    }
    expect(taken).toEqual([3, 7, 11]);
  });

  it('M mode with MIE clear ignores interrupts; U mode takes them regardless', () => {
    const m = testMachine([asm.addi(1, 0, 1), asm.addi(1, 1, 1)]);
    m.cpu.csr.mie = MSIE;
    m.cpu.setInterruptPending(3, true);
    m.cpu.step(1);
    expect(m.cpu.pc).toBe(RAM_BASE + 4);
    m.cpu.priv = 0;
    m.cpu.step(1);
    expect(trapState(m.cpu).mcause).toBe(0x8000_0003);
    expect(m.cpu.csr.mstatus & MSTATUS_MPP).toBe(0);
  });

  it('an interrupt raised by a device during an MMIO store is taken right after it', () => {
    const m = testMachine([...li(1, DEV_BASE), asm.sw(0, 1, 0), asm.addi(2, 0, 1)]);
    m.cpu.csr.mstatus = MSTATUS_MIE;
    m.cpu.csr.mie = MEIE;
    m.onDevWrite = () => m.cpu.setInterruptPending(11, true);
    m.cpu.step(10);
    expect(u(m.cpu.csr.mepc)).toBe(RAM_BASE + 12);
    expect(m.cpu.x[2]).toBe(0);
  });

  it('enabling interrupts with a CSR write takes the pending one at once', () => {
    const m = testMachine([asm.csr(6, 0, CSR.mstatus, 8), asm.addi(2, 0, 1)]);
    m.cpu.csr.mie = MTIE;
    m.cpu.setInterruptPending(7, true);
    m.cpu.step(1);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 0x8000_0007, mepc: RAM_BASE + 4, mtval: 0 });
  });

  it('wfi stops the step when nothing enabled is pending and wakes on a pending one even with MIE clear', () => {
    const m = testMachine([asm.wfi(), asm.addi(1, 0, 1)]);
    m.cpu.csr.mie = MTIE;
    expect(m.cpu.step(10)).toBe(STEP_WFI);
    expect(m.cpu.pc).toBe(RAM_BASE + 4);
    m.cpu.setInterruptPending(7, true);
    m.cpu.pc = RAM_BASE;
    expect(m.cpu.step(2)).toBe(STEP_BUDGET);
    expect(m.cpu.x[1]).toBe(1);
  });
});

describe('step control', () => {
  it('stops before a breakpoint, but runs the instruction it starts on', () => {
    const m = testMachine([asm.addi(1, 0, 1), asm.addi(1, 1, 1), asm.addi(1, 1, 1)]);
    m.cpu.breakpoints.add(RAM_BASE + 8);
    expect(m.cpu.step(10)).toBe(STEP_BREAKPOINT);
    expect(m.cpu.pc).toBe(RAM_BASE + 8);
    expect(m.cpu.x[1]).toBe(2);
    expect(m.cpu.step(1)).toBe(STEP_BUDGET);
    expect(m.cpu.x[1]).toBe(3);
  });

  it('stops on a breakpoint at the trap vector when an interrupt is taken as a step begins', () => {
    const m = testMachine([asm.addi(1, 0, 1), asm.addi(1, 1, 1)]);
    m.cpu.csr.mstatus = MSTATUS_MIE;
    m.cpu.csr.mie = 1 << 7;
    m.cpu.breakpoints.add(HANDLER);
    m.cpu.setInterruptPending(7, true);
    expect(m.cpu.step(10)).toBe(STEP_BREAKPOINT);
    expect(m.cpu.pc).toBe(HANDLER);
    expect(m.cpu.instret).toBe(0); // not one instruction of the handler ran
  });

  it('stops on a breakpoint at the pc it starts from, unless told to resume over it', () => {
    const m = testMachine([asm.addi(1, 0, 1), asm.addi(1, 1, 1)]);
    m.cpu.breakpoints.add(RAM_BASE);
    expect(m.cpu.step(10)).toBe(STEP_BREAKPOINT);
    expect(m.cpu.instret).toBe(0);
    m.cpu.pc = RAM_BASE; // a debugger moving pc forgets the resume
    expect(m.cpu.step(10)).toBe(STEP_BREAKPOINT);
    m.cpu.resumeOverBreakpoint();
    expect(m.cpu.step(1)).toBe(STEP_BUDGET);
    expect(m.cpu.x[1]).toBe(1);
  });

  it('breakpoints can be added and removed between steps, in RAM and ROM', () => {
    const m = testMachine([asm.addi(1, 1, 1), asm.addi(1, 1, 1), asm.jal(0, -8)]);
    m.cpu.breakpoints.add(RAM_BASE + 4);
    expect(m.cpu.step(100)).toBe(STEP_BREAKPOINT);
    m.cpu.breakpoints.clear();
    m.cpu.breakpoints.add(RAM_BASE + 8);
    expect(m.cpu.step(100)).toBe(STEP_BREAKPOINT);
    expect([m.cpu.pc, m.cpu.x[1]]).toEqual([RAM_BASE + 8, 2]);
    m.cpu.breakpoints.clear();
    expect(m.cpu.step(30)).toBe(STEP_BUDGET);
    poke(m, ROM_BASE, [asm.addi(2, 0, 1), asm.addi(2, 2, 1)]);
    m.cpu.pc = ROM_BASE;
    m.cpu.breakpoints.add(ROM_BASE + 4);
    expect(m.cpu.step(100)).toBe(STEP_BREAKPOINT);
    expect(m.cpu.pc).toBe(ROM_BASE + 4);
  });

  it('requestExit from a device stops after the current instruction', () => {
    const m = testMachine([...li(1, DEV_BASE), asm.sw(0, 1, 0), asm.addi(2, 0, 1)]);
    m.onDevWrite = () => m.cpu.requestExit();
    expect(m.cpu.step(100)).toBe(STEP_EXIT);
    expect(m.cpu.pc).toBe(RAM_BASE + 12);
    expect(m.cpu.step(1)).toBe(STEP_BUDGET);
  });

  it('instret is exact when a device is called', () => {
    const m = testMachine([...li(1, DEV_BASE), asm.addi(0, 0, 0), asm.lw(2, 1, 0), asm.sw(2, 1, 4)]);
    m.cpu.step(5);
    expect(m.devAccessInstret).toEqual([4, 5]);
  });

  it('samples insn trace events every N instructions', () => {
    const m = testMachine(Array.from({ length: 10 }, () => asm.addi(1, 1, 1)));
    m.tracer.enabled = true;
    m.tracer.insnSampleEvery = 3;
    m.cpu.step(10);
    const events = m.tracer.drain();
    expect(events.map((e) => e.pc)).toEqual([RAM_BASE, RAM_BASE + 12, RAM_BASE + 24, RAM_BASE + 36]);
    expect(m.cpu.x[1]).toBe(10);
  });

  it('onUnmappedFetch services a call to an address where nothing is mapped', () => {
    const SERVICE = 0x0100_0000;
    const m = testMachine([...li(1, SERVICE), asm.jalr(1, 1, 0), asm.addi(11, 10, 1)]);
    m.cpu.onUnmappedFetch = (pc) => {
      if (pc !== SERVICE) return false;
      m.cpu.x[10] = 41;
      m.cpu.pc = m.cpu.x[1];
      return true;
    };
    expect(m.cpu.step(5)).toBe(STEP_BUDGET);
    expect(m.cpu.x[11]).toBe(42);
    expect(m.cpu.pc).toBe(RAM_BASE + 16);
    m.cpu.pc = 0x0200_0000;
    m.cpu.step(1);
    expect(trapState(m.cpu)).toMatchObject({ mcause: 1, mtval: 0x0200_0000 });
  });

  it('sampled insn events carry the disassembly', () => {
    const m = testMachine([asm.addi(10, 10, 1)]);
    m.tracer.enabled = true;
    m.tracer.insnSampleEvery = 1;
    m.cpu.step(1);
    expect(m.tracer.drain()[0]).toMatchObject({ kind: 'insn', insn: asm.addi(10, 10, 1), text: 'addi a0,a0,1' });
  });

  it('saveState/loadState round-trips the hart', () => {
    const m = testMachine([asm.addi(1, 0, 3), asm.csr(1, 0, CSR.mscratch, 1), asm.addi(1, 1, 1)]);
    m.cpu.step(2);
    const saved = JSON.parse(JSON.stringify(m.cpu.saveState()));
    m.cpu.step(1);
    m.cpu.loadState(saved);
    expect(m.cpu.pc).toBe(RAM_BASE + 8);
    m.cpu.step(1);
    expect(m.cpu.x[1]).toBe(4);
    expect(m.cpu.registers().csr.mscratch).toBe(3);
  });
});
