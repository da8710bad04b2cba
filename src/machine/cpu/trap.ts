// Trap entry, mret/sret and interrupt selection for an M/S/U hart (RISC-V
// privileged spec v1.12, 3.1.6.1, 3.1.8, 3.1.9, 3.3.2, 4.1.1): a trap from S
// or U whose bit is set in medeleg/mideleg goes to S mode through stvec,
// every other trap to M mode through mtvec.

import { privilegeName } from '../../protocol/cpu-state.ts';
import type { Cpu } from './cpu.ts';
import {
  MSTATUS_MIE, MSTATUS_MPIE, MSTATUS_MPP, MSTATUS_MPP_SHIFT, MSTATUS_MPRV, MSTATUS_SIE, MSTATUS_SPIE, MSTATUS_SPP,
} from './csr.ts';
import { causeName } from './trap-causes.ts';

/**
 * The interrupt the hart takes now, or -1. M-level interrupts (not in
 * mideleg) are enabled below M, or in M with MIE; S-level ones (in mideleg)
 * below S, or in S with SIE; an enabled M-level interrupt wins over any
 * S-level one. Within a level the lowest-numbered wins (SSI, MSI, STI, MTI,
 * SEI, MEI), as QEMU 7.2 does without AIA (riscv_cpu_pending_to_irq: ctz),
 * not the spec's MEI, MSI, MTI, SEI, SSI, STI order.
 */
export function pendingInterrupt(cpu: Cpu): number {
  const c = cpu.csr;
  const pending = c.mip & c.mie;
  if (pending === 0) return -1;
  const priv = cpu.priv;
  let irqs = priv < 3 || (c.mstatus & MSTATUS_MIE) !== 0 ? pending & ~c.mideleg : 0;
  if (irqs === 0 && (priv === 0 || (priv === 1 && (c.mstatus & MSTATUS_SIE) !== 0))) irqs = pending & c.mideleg;
  return irqs === 0 ? -1 : 31 - Math.clz32(irqs & -irqs);
}

/** Whether the trap goes to S mode: it comes from S or U and its medeleg/mideleg bit is set. */
function delegated(cpu: Cpu, cause: number, interrupt: boolean): boolean {
  if (cpu.priv === 3) return false;
  return (((interrupt ? cpu.csr.mideleg : cpu.csr.medeleg) >>> cause) & 1) !== 0;
}

/** Enters the handler (direct, or vectored for interrupts) in M or S mode; cpu.pcI becomes its address. */
export function enterTrap(cpu: Cpu, cause: number, interrupt: boolean, epc: number, tval: number): void {
  const toS = delegated(cpu, cause, interrupt);
  const tvec = toS ? enterSupervisorTrap(cpu, cause, interrupt, epc, tval) : enterMachineTrap(cpu, cause, interrupt, epc, tval);
  cpu.reserved = false;
  const vectorBase = tvec & ~3;
  cpu.pcI = interrupt && (tvec & 1) !== 0 ? (vectorBase + 4 * cause) | 0 : vectorBase;
  if (cpu.tracer.enabled) {
    cpu.tracer.emit({
      kind: 'trap', interrupt, cause, causeName: causeName(cause, interrupt), epc: epc >>> 0, tval: tval >>> 0,
      mode: toS ? 'S' : 'M',
    }, epc >>> 0);
  }
}

/** mepc, mcause, mtval; MPIE = MIE, MIE = 0, MPP = the trapping mode. Returns mtvec. */
function enterMachineTrap(cpu: Cpu, cause: number, interrupt: boolean, epc: number, tval: number): number {
  const c = cpu.csr;
  const s = c.mstatus;
  c.mepc = epc;
  c.mcause = interrupt ? (cause | 0x80000000) : cause;
  c.mtval = tval;
  c.mstatus = (s & ~(MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP))
    | ((s & MSTATUS_MIE) !== 0 ? MSTATUS_MPIE : 0) | (cpu.priv << MSTATUS_MPP_SHIFT);
  cpu.priv = 3;
  return c.mtvec;
}

/** sepc, scause, stval; SPIE = SIE, SIE = 0, SPP = the trapping mode (S or U). Returns stvec. */
function enterSupervisorTrap(cpu: Cpu, cause: number, interrupt: boolean, epc: number, tval: number): number {
  const c = cpu.csr;
  const s = c.mstatus;
  c.sepc = epc;
  c.scause = interrupt ? (cause | 0x80000000) : cause;
  c.stval = tval;
  c.mstatus = (s & ~(MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP))
    | ((s & MSTATUS_SIE) !== 0 ? MSTATUS_SPIE : 0) | (cpu.priv === 1 ? MSTATUS_SPP : 0);
  cpu.priv = 1;
  return c.stvec;
}

/** mret: back to mepc in the mode MPP saved; MIE from MPIE; MPP becomes U; leaving M clears MPRV. */
export function mret(cpu: Cpu): void {
  const c = cpu.csr;
  const s = c.mstatus;
  const mpp = (s & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  cpu.priv = mpp === 3 ? 3 : mpp === 1 ? 1 : 0;
  c.mstatus = (s & ~(MSTATUS_MIE | MSTATUS_MPP | (mpp === 3 ? 0 : MSTATUS_MPRV)))
    | ((s & MSTATUS_MPIE) !== 0 ? MSTATUS_MIE : 0) | MSTATUS_MPIE;
  returnTo(cpu, c.mepc, 'mret');
}

/** sret: back to sepc in the mode SPP saved; SIE from SPIE; SPP becomes U; MPRV cleared (QEMU 7.2, spec 1.12). */
export function sret(cpu: Cpu): void {
  const c = cpu.csr;
  const s = c.mstatus;
  cpu.priv = (s & MSTATUS_SPP) !== 0 ? 1 : 0;
  c.mstatus = (s & ~(MSTATUS_SIE | MSTATUS_SPP | MSTATUS_MPRV))
    | ((s & MSTATUS_SPIE) !== 0 ? MSTATUS_SIE : 0) | MSTATUS_SPIE;
  returnTo(cpu, c.sepc, 'sret');
}

function returnTo(cpu: Cpu, pc: number, via: 'mret' | 'sret'): void {
  cpu.reserved = false;
  cpu.pcI = pc;
  if (cpu.tracer.enabled) {
    cpu.tracer.emit({ kind: 'trap-return', pc: pc >>> 0, mode: privilegeName(cpu.priv), via }, pc >>> 0);
  }
}
