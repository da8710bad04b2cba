// The hart's state as plain data: the register view the UI shows
// (CpuRegisters) and the versioned snapshot that saveState/loadState use
// (version 2 added the S-mode CSRs; a version 1 snapshot loads with them 0).

import type { CpuRegisters } from '../../protocol/cpu-state.ts';
import { privilegeName } from '../../protocol/cpu-state.ts';
import type { Cpu } from './cpu.ts';
import { CSR } from './csr.ts';

/** CSRs shown in the register view, in the order a debugger lists them. */
const SHOWN_CSRS = [
  'mstatus', 'misa', 'mie', 'mip', 'mtvec', 'mscratch', 'mepc', 'mcause', 'mtval',
  'mcounteren', 'mhartid', 'mcycle', 'mcycleh', 'minstret', 'minstreth', 'medeleg', 'mideleg',
  'sstatus', 'sie', 'sip', 'stvec', 'sscratch', 'sepc', 'scause', 'stval', 'scounteren', 'satp',
] as const satisfies readonly (keyof typeof CSR)[];

export function cpuRegisters(cpu: Cpu): CpuRegisters {
  const csr: Record<string, number> = {};
  for (const name of SHOWN_CSRS) csr[name] = (cpu.csr.read(CSR[name]) ?? 0) >>> 0;
  return {
    pc: cpu.pc,
    x: Array.from(cpu.x, (v) => v >>> 0),
    priv: privilegeName(cpu.priv),
    csr,
    instret: cpu.instret,
  };
}

/** The S-mode state a version 2 snapshot adds. */
export interface SupervisorState {
  medeleg: number; mideleg: number; stvec: number; sscratch: number; sepc: number; scause: number;
  stval: number; scounteren: number; satp: number; softwareSeip: boolean; externalSeip: boolean;
}

export interface CpuState {
  version: 1 | 2;
  pc: number;
  priv: 0 | 1 | 3;
  x: number[];
  instret: number;
  csr: {
    mstatus: number; mie: number; mip: number; mtvec: number; mscratch: number; mepc: number;
    mcause: number; mtval: number; mcounteren: number; mcountinhibit: number;
    cycleOffset: number; instretOffset: number; pmpcfg: number[]; pmpaddr: number[];
  };
  /** Absent in version 1. */
  supervisor?: SupervisorState;
  reservation: { reserved: boolean; addr: number; value: number };
}

export function saveCpuState(cpu: Cpu): CpuState {
  const c = cpu.csr;
  return {
    version: 2,
    pc: cpu.pc,
    priv: cpu.priv,
    x: Array.from(cpu.x),
    instret: cpu.instret,
    csr: {
      mstatus: c.mstatus, mie: c.mie, mip: c.mip, mtvec: c.mtvec, mscratch: c.mscratch, mepc: c.mepc,
      mcause: c.mcause, mtval: c.mtval, mcounteren: c.mcounteren, mcountinhibit: c.mcountinhibit,
      cycleOffset: c.cycleOffset, instretOffset: c.instretOffset,
      pmpcfg: Array.from(c.pmpcfg), pmpaddr: Array.from(c.pmpaddr),
    },
    reservation: { reserved: cpu.reserved, addr: cpu.reservedAddr, value: cpu.reservedValue },
    supervisor: {
      medeleg: c.medeleg, mideleg: c.mideleg, stvec: c.stvec, sscratch: c.sscratch, sepc: c.sepc, scause: c.scause,
      stval: c.stval, scounteren: c.scounteren, satp: c.satp, softwareSeip: c.softwareSeip, externalSeip: c.externalSeip,
    },
  };
}

const NO_SUPERVISOR_STATE: SupervisorState = {
  medeleg: 0, mideleg: 0, stvec: 0, sscratch: 0, sepc: 0, scause: 0, stval: 0, scounteren: 0, satp: 0,
  softwareSeip: false, externalSeip: false,
};

export function loadCpuState(cpu: Cpu, state: CpuState): void {
  if (state.version !== 1 && state.version !== 2) throw new Error(`cpu: snapshot version ${String(state.version)} is not supported`);
  const c = cpu.csr;
  const s = state.csr;
  cpu.pc = state.pc;
  cpu.priv = state.priv;
  cpu.x.set(state.x);
  cpu.x[0] = 0;
  cpu.instret = state.instret;
  c.mstatus = s.mstatus; c.mie = s.mie; c.mip = s.mip; c.mtvec = s.mtvec; c.mscratch = s.mscratch;
  c.mepc = s.mepc; c.mcause = s.mcause; c.mtval = s.mtval; c.mcounteren = s.mcounteren;
  c.mcountinhibit = s.mcountinhibit; c.cycleOffset = s.cycleOffset; c.instretOffset = s.instretOffset;
  c.pmpcfg.set(s.pmpcfg);
  c.pmpaddr.set(s.pmpaddr);
  c.pmpVersion++;
  const v = state.supervisor ?? NO_SUPERVISOR_STATE;
  c.medeleg = v.medeleg; c.mideleg = v.mideleg; c.stvec = v.stvec; c.sscratch = v.sscratch; c.sepc = v.sepc;
  c.scause = v.scause; c.stval = v.stval; c.scounteren = v.scounteren; c.satp = v.satp;
  c.softwareSeip = v.softwareSeip; c.externalSeip = v.externalSeip;
  cpu.reserved = state.reservation.reserved;
  cpu.reservedAddr = state.reservation.addr;
  cpu.reservedValue = state.reservation.value;
  cpu.trapped = false;
}
