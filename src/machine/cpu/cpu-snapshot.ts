// The hart's state as plain data: the register view the UI shows
// (CpuRegisters) and the versioned snapshot that saveState/loadState use.

import type { CpuRegisters } from '../../protocol/cpu-state.ts';
import { privilegeName } from '../../protocol/cpu-state.ts';
import type { Cpu } from './cpu.ts';
import { CSR } from './csr.ts';

/** CSRs shown in the register view, in the order a debugger lists them. */
const SHOWN_CSRS = [
  'mstatus', 'misa', 'mie', 'mip', 'mtvec', 'mscratch', 'mepc', 'mcause', 'mtval',
  'mcounteren', 'mhartid', 'mcycle', 'mcycleh', 'minstret', 'minstreth',
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

export interface CpuState {
  version: 1;
  pc: number;
  priv: 0 | 1 | 3;
  x: number[];
  instret: number;
  csr: {
    mstatus: number; mie: number; mip: number; mtvec: number; mscratch: number; mepc: number;
    mcause: number; mtval: number; mcounteren: number; mcountinhibit: number;
    cycleOffset: number; instretOffset: number; pmpcfg: number[]; pmpaddr: number[];
  };
  reservation: { reserved: boolean; addr: number; value: number };
}

export function saveCpuState(cpu: Cpu): CpuState {
  const c = cpu.csr;
  return {
    version: 1,
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
  };
}

export function loadCpuState(cpu: Cpu, state: CpuState): void {
  if (state.version !== 1) throw new Error(`cpu: snapshot version ${String(state.version)} is not supported`);
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
  cpu.reserved = state.reservation.reserved;
  cpu.reservedAddr = state.reservation.addr;
  cpu.reservedValue = state.reservation.value;
  cpu.trapped = false;
}
