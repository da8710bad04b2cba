// Trap entry, mret and interrupt selection for an M/U hart (RISC-V
// privileged spec v1.12, 3.1.6.1, 3.1.9, 3.3.2): every trap goes to M mode;
// no S mode means nothing to delegate.

import { privilegeName } from '../../protocol/cpu-state.ts';
import type { Cpu } from './cpu.ts';
import { MSTATUS_MIE, MSTATUS_MPIE, MSTATUS_MPP, MSTATUS_MPP_SHIFT, MSTATUS_MPRV } from './csr.ts';
import { causeName } from './trap-causes.ts';

/**
 * The interrupt the hart takes now (pending, enabled in mie, and MIE set or
 * below M mode), or -1. Among several, the lowest-numbered wins (MSI, MTI,
 * MEI), as QEMU 7.2 does without AIA (riscv_cpu_pending_to_irq: ctz), not
 * the spec's MEI, MSI, MTI order.
 */
export function pendingInterrupt(cpu: Cpu): number {
  const c = cpu.csr;
  const pending = c.mip & c.mie;
  if (pending === 0 || (cpu.priv === 3 && (c.mstatus & MSTATUS_MIE) === 0)) return -1;
  return 31 - Math.clz32(pending & -pending);
}

/** Whether any PMP entry is active (address-matching mode A != OFF). */
export function hasPmpRule(cpu: Cpu): boolean {
  for (const cfg of cpu.csr.pmpcfg) {
    for (let byte = 0; byte < 4; byte++) if (((cfg >>> (8 * byte + 3)) & 3) !== 0) return true;
  }
  return false;
}

/** Enters the M-mode handler (direct, or vectored for interrupts); cpu.pcI becomes its address. */
export function enterTrap(cpu: Cpu, cause: number, interrupt: boolean, epc: number, tval: number): void {
  const c = cpu.csr;
  const s = c.mstatus;
  c.mepc = epc;
  c.mcause = interrupt ? (cause | 0x80000000) : cause;
  c.mtval = tval;
  c.mstatus = (s & ~(MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP))
    | ((s & MSTATUS_MIE) !== 0 ? MSTATUS_MPIE : 0) | (cpu.priv << MSTATUS_MPP_SHIFT);
  cpu.priv = 3;
  cpu.reserved = false;
  const vectorBase = c.mtvec & ~3;
  cpu.pcI = interrupt && (c.mtvec & 1) !== 0 ? (vectorBase + 4 * cause) | 0 : vectorBase;
  if (cpu.tracer.enabled) {
    cpu.tracer.emit({
      kind: 'trap', interrupt, cause, causeName: causeName(cause, interrupt), epc: epc >>> 0, tval: tval >>> 0,
    }, epc >>> 0);
  }
}

/** mret: back to mepc in the mode MPP saved; MIE from MPIE; MPP becomes U; leaving M clears MPRV. */
export function mret(cpu: Cpu): void {
  const c = cpu.csr;
  const s = c.mstatus;
  const mpp = (s & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  cpu.priv = mpp === 3 ? 3 : 0;
  c.mstatus = (s & ~(MSTATUS_MIE | MSTATUS_MPP | (mpp === 3 ? 0 : MSTATUS_MPRV)))
    | ((s & MSTATUS_MPIE) !== 0 ? MSTATUS_MIE : 0) | MSTATUS_MPIE;
  cpu.reserved = false;
  cpu.pcI = c.mepc;
  if (cpu.tracer.enabled) {
    cpu.tracer.emit({ kind: 'trap-return', pc: c.mepc >>> 0, mode: privilegeName(cpu.priv) }, c.mepc >>> 0);
  }
}
