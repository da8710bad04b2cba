// The hart's rare paths, out of the interpreter loop: loads and stores that
// leave RAM, are misaligned or need a PMP check, A-extension atomics, and
// SYSTEM instructions (ecall, ebreak, mret, sret, wfi, sfence.vma, Zicsr).
// Faults become traps the way QEMU 7.2 reports them: mtval holds the address
// for access/misaligned faults, the instruction bits for an illegal
// instruction, 0 for ecall and ebreak; an AMO that cannot read is a load
// fault (4/5), one PMP forbids to write a store fault (7), as QEMU 7.2 raises them.

import { BUS_OK } from '../bus.ts';
import type { AccessSize } from '../memory-region.ts';
import type { Cpu } from './cpu.ts';
import type { AccessHit } from './watchpoints.ts';
import { MSTATUS_MPP, MSTATUS_MPRV, MSTATUS_MPP_SHIFT, MSTATUS_TSR, MSTATUS_TVM, MSTATUS_TW } from './csr.ts';
import { hasPmpRule, pmpAllows, PMP_R, PMP_W } from './pmp.ts';
import { mret, sret } from './trap.ts';
import {
  CAUSE_BREAKPOINT, CAUSE_ILLEGAL_INSTRUCTION, CAUSE_LOAD_ACCESS, CAUSE_MISALIGNED_LOAD,
  CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS, CAUSE_USER_ECALL,
} from './trap-causes.ts';

const STEP_WFI = 1;

/** Enters the trap handler and tells the loop (cpu.trapped) not to retire the instruction. */
function raise(cpu: Cpu, pc: number, cause: number, tval: number): void {
  cpu.trapAt(pc, cause, tval, cpu.instret);
  cpu.trapped = true;
}

function illegal(cpu: Cpu, pc: number, insn: number): void {
  raise(cpu, pc, CAUSE_ILLEGAL_INSTRUCTION, insn);
}

/** A load the RAM fast path could not do; returns the value for rd (unless cpu.trapped). */
export function loadSlow(cpu: Cpu, pc: number, insn: number, addr: number): number {
  const f3 = (insn >>> 12) & 7;
  if (f3 === 3 || f3 > 5) {
    illegal(cpu, pc, insn);
    return 0;
  }
  const size = (1 << (f3 & 3)) as AccessSize;
  const misaligned = (addr & (size - 1)) !== 0;
  if (misaligned && cpu.trapMisaligned) {
    raise(cpu, pc, CAUSE_MISALIGNED_LOAD, addr);
    return 0;
  }
  if (cpu.watchpoints.mayHoldBefore && !misaligned && holdBeforeExit(cpu, pc, addr, size, 'read')) return 0;
  const bus = cpu.bus;
  bus.pc = pc >>> 0;
  const v = misaligned ? readBytewise(cpu, addr, size) : checkedRead(cpu, addr, size);
  if (failed(cpu)) {
    raise(cpu, pc, CAUSE_LOAD_ACCESS, addr);
    return 0;
  }
  if (cpu.watchpoints.watchReads) watchAccess(cpu, pc, addr, size, 'read', v);
  if (f3 === 0) return (v << 24) >> 24;
  if (f3 === 1) return (v << 16) >> 16;
  return v | 0;
}

/** A store the RAM fast path could not do. */
export function storeSlow(cpu: Cpu, pc: number, insn: number, addr: number, value: number): void {
  const f3 = (insn >>> 12) & 7;
  if (f3 > 2) {
    illegal(cpu, pc, insn);
    return;
  }
  const size = (1 << f3) as AccessSize;
  const misaligned = (addr & (size - 1)) !== 0;
  if (misaligned && cpu.trapMisaligned) {
    raise(cpu, pc, CAUSE_MISALIGNED_STORE, addr);
    return;
  }
  if (cpu.watchpoints.mayHoldBefore && !misaligned && holdBeforeExit(cpu, pc, addr, size, 'write', value)) return;
  const bus = cpu.bus;
  bus.pc = pc >>> 0;
  const old = cpu.watchpoints.watchWrites ? peekRam(cpu, addr, size) : undefined;
  if (misaligned) writeBytewise(cpu, addr, value, size);
  else checkedWrite(cpu, addr, value, size);
  if (failed(cpu)) raise(cpu, pc, CAUSE_STORE_ACCESS, addr);
  else if (cpu.watchpoints.watchWrites) watchAccess(cpu, pc, addr, size, 'write', value, old);
}

/** Records a watched access and ends the run after this instruction (the board reports it). */
function watchAccess(cpu: Cpu, pc: number, addr: number, size: number, access: 'read' | 'write', value: number, old?: number): void {
  if (cpu.watchpoints.hit) return;
  const m = cpu.bus.find(addr >>> 0);
  const trapping = m?.region.kind === 'io';
  const watchpoint = cpu.watchpoints.find(addr, size, access, trapping, 'after', value);
  if (!watchpoint) return;
  const mask = size === 4 ? 0xffffffff : (1 << (size * 8)) - 1;
  const reg = trapping ? m.region.describe?.((addr >>> 0) - m.base) : undefined;
  cpu.watchpoints.hit = {
    pc: pc >>> 0, addr: addr >>> 0, size, access, when: 'after', value: (value & mask) >>> 0, old, watchpoint,
    ...(reg === undefined ? {} : { device: m!.region.owner, reg }),
  };
  cpu.requestExit();
}

/**
 * A trapping access (a device register, an io region) the hart must stop before: a
 * watchpoint on it, or a run to the next VM exit. Nothing is accessed; the hart stays
 * at the instruction (cpu.held: the loop does not retire it) and the board reports the
 * stop. Coming back to the same instruction at the same instret (Run, Step) lets it
 * through once, so the access is made exactly once.
 */
function holdBeforeExit(cpu: Cpu, pc: number, addr: number, size: number, access: 'read' | 'write', value?: number): boolean {
  const wp = cpu.watchpoints;
  if (wp.resuming(pc, cpu.instret)) return false;
  const m = cpu.bus.find(addr >>> 0);
  if (m === undefined || m.region.kind !== 'io' || addr + size > m.end) return false;
  const watchpoint = wp.holdNextExit ? undefined : wp.find(addr, size, access, true, 'before', value);
  if (!wp.holdNextExit && !watchpoint) return false;
  const mask = size === 4 ? 0xffffffff : (1 << (size * 8)) - 1;
  const hit: AccessHit = {
    pc: pc >>> 0, addr: addr >>> 0, size, access, when: 'before',
    ...(access === 'write' && value !== undefined ? { value: (value & mask) >>> 0 } : {}),
    device: m.region.owner, ...(m.region.describe ? { reg: m.region.describe((addr >>> 0) - m.base) } : {}),
  };
  if (hit.reg === undefined) delete hit.reg;
  if (watchpoint) wp.hit = { ...hit, watchpoint };
  else wp.exitHit = hit;
  wp.holdAt(pc, cpu.instret);
  cpu.pcI = pc;
  cpu.trapped = true; // the loop's "not retired" path...
  cpu.held = true; // ...which then ends the step at this instruction
  return true;
}

/** RAM's bytes at addr, little-endian, without a bus access (a device register is never read twice); undefined outside RAM. */
function peekRam(cpu: Cpu, addr: number, size: number): number | undefined {
  const off = (addr - cpu.ramBase) >>> 0;
  if (off + size > cpu.ramSize) return undefined;
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = (v << 8) | cpu.u8[off + i];
  return v >>> 0;
}

/** The privilege loads and stores are checked at: MPP when M mode sets mstatus.MPRV. */
export function dataPrivilege(cpu: Cpu): number {
  const s = cpu.csr.mstatus;
  return cpu.priv === 3 && (s & MSTATUS_MPRV) !== 0 ? (s & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT : cpu.priv;
}

/** Set when PMP refused the last checked access (the bus was not asked). */
let pmpDenied = false;

function failed(cpu: Cpu): boolean {
  return pmpDenied || cpu.bus.fault !== BUS_OK;
}

function checkedRead(cpu: Cpu, addr: number, size: AccessSize): number {
  pmpDenied = !pmpAllows(cpu.csr, addr, size, PMP_R, dataPrivilege(cpu));
  return pmpDenied ? 0 : cpu.bus.read(addr >>> 0, size);
}

function checkedWrite(cpu: Cpu, addr: number, value: number, size: AccessSize): void {
  pmpDenied = !pmpAllows(cpu.csr, addr, size, PMP_W, dataPrivilege(cpu));
  if (!pmpDenied) cpu.bus.write(addr >>> 0, value, size);
}

/** A misaligned access done as QEMU 7.2 does it (no trap): byte by byte, little-endian. */
function readBytewise(cpu: Cpu, addr: number, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) {
    v |= checkedRead(cpu, (addr + i) | 0, 1) << (8 * i);
    if (failed(cpu)) return 0;
  }
  return v;
}

function writeBytewise(cpu: Cpu, addr: number, value: number, size: number): void {
  for (let i = 0; i < size; i++) {
    checkedWrite(cpu, (addr + i) | 0, value >>> (8 * i), 1);
    if (failed(cpu)) return;
  }
}

/** Reads a word for an atomic; RAM directly, anything else through the bus. */
function atomicRead(cpu: Cpu, pc: number, addr: number, faultCause: number): number | undefined {
  if (!pmpAllows(cpu.csr, addr, 4, PMP_R, dataPrivilege(cpu))) {
    raise(cpu, pc, faultCause, addr);
    return undefined;
  }
  const off = (addr - cpu.ramBase) >>> 0;
  if (off < cpu.ramSize) return cpu.s32[off >>> 2];
  cpu.bus.pc = pc >>> 0;
  const v = cpu.bus.read(addr >>> 0, 4);
  if (cpu.bus.fault === BUS_OK) return v | 0;
  raise(cpu, pc, faultCause, addr);
  return undefined;
}

/** Whether PMP lets an atomic write the word; a store access fault if not. */
function atomicMayWrite(cpu: Cpu, pc: number, addr: number): boolean {
  if (pmpAllows(cpu.csr, addr, 4, PMP_W, dataPrivilege(cpu))) return true;
  raise(cpu, pc, CAUSE_STORE_ACCESS, addr);
  return false;
}

function atomicWrite(cpu: Cpu, pc: number, addr: number, value: number): boolean {
  const off = (addr - cpu.ramBase) >>> 0;
  if (off < cpu.ramSize) {
    cpu.s32[off >>> 2] = value;
    cpu.translator.codeWritten(off, 4);
    return true;
  }
  cpu.bus.pc = pc >>> 0;
  cpu.bus.write(addr >>> 0, value, 4);
  if (cpu.bus.fault === BUS_OK) return true;
  raise(cpu, pc, CAUSE_STORE_ACCESS, addr);
  return false;
}

/** The result an AMO writes back to memory, or undefined for an unknown funct5. */
function amoResult(funct5: number, old: number, src: number): number | undefined {
  switch (funct5) {
    case 0x01: return src; // amoswap
    case 0x00: return (old + src) | 0; // amoadd
    case 0x04: return old ^ src; // amoxor
    case 0x0c: return old & src; // amoand
    case 0x08: return old | src; // amoor
    case 0x10: return old < src ? old : src; // amomin
    case 0x14: return old > src ? old : src; // amomax
    case 0x18: return (old >>> 0) < (src >>> 0) ? old : src; // amominu
    case 0x1c: return (old >>> 0) > (src >>> 0) ? old : src; // amomaxu
    default: return undefined;
  }
}

/** The A extension, .w only (RV32). aq/rl need nothing on one in-order hart. */
export function executeAmo(cpu: Cpu, pc: number, insn: number): void {
  const funct5 = insn >>> 27;
  const rd = (insn >>> 7) & 31;
  const addr = cpu.x[(insn >>> 15) & 31];
  const src = cpu.x[(insn >>> 20) & 31];
  if (((insn >>> 12) & 7) !== 2 || (funct5 === 0x02 && ((insn >>> 20) & 31) !== 0)) return illegal(cpu, pc, insn);
  if (funct5 === 0x02) return loadReserved(cpu, pc, rd, addr);
  if (funct5 === 0x03) return storeConditional(cpu, pc, rd, addr, src);
  if (amoResult(funct5, 0, 0) === undefined) return illegal(cpu, pc, insn);
  if ((addr & 3) !== 0) return raise(cpu, pc, CAUSE_MISALIGNED_LOAD, addr);
  if (!atomicMayWrite(cpu, pc, addr)) return; // QEMU probes an AMO's write permission first
  const old = atomicRead(cpu, pc, addr, CAUSE_LOAD_ACCESS);
  if (old === undefined) return;
  const result = amoResult(funct5, old, src)!;
  if (!atomicWrite(cpu, pc, addr, result)) return;
  cpu.x[rd] = old;
  if (cpu.watchpoints.watchWrites) watchAccess(cpu, pc, addr, 4, 'write', result, old >>> 0);
  if (cpu.watchpoints.watchReads) watchAccess(cpu, pc, addr, 4, 'read', old);
}

function loadReserved(cpu: Cpu, pc: number, rd: number, addr: number): void {
  if ((addr & 3) !== 0) return raise(cpu, pc, CAUSE_MISALIGNED_LOAD, addr);
  const v = atomicRead(cpu, pc, addr, CAUSE_LOAD_ACCESS);
  if (v === undefined) return;
  cpu.x[rd] = v;
  cpu.reserved = true;
  cpu.reservedAddr = addr;
  cpu.reservedValue = v;
  if (cpu.watchpoints.watchReads) watchAccess(cpu, pc, addr, 4, 'read', v);
}

/** QEMU's sc.w: succeeds when the address is the reserved one and memory still holds the loaded value. */
function storeConditional(cpu: Cpu, pc: number, rd: number, addr: number, src: number): void {
  const ok = cpu.reserved && cpu.reservedAddr === addr;
  cpu.reserved = false;
  if (!ok) {
    cpu.x[rd] = 1;
    return;
  }
  if (!atomicMayWrite(cpu, pc, addr)) return;
  const current = atomicRead(cpu, pc, addr, CAUSE_STORE_ACCESS);
  if (current === undefined) return;
  if (current !== cpu.reservedValue) {
    cpu.x[rd] = 1;
    return;
  }
  if (!atomicWrite(cpu, pc, addr, src)) return;
  cpu.x[rd] = 0;
  if (cpu.watchpoints.watchWrites) watchAccess(cpu, pc, addr, 4, 'write', src, current >>> 0);
}

/**
 * SYSTEM opcode. Leaves the next pc in cpu.pcI (or the trap handler's, with
 * cpu.trapped set); returns STEP_WFI when the hart should idle.
 */
export function executeSystem(cpu: Cpu, pc: number, insn: number): number {
  const f3 = (insn >>> 12) & 7;
  if (f3 === 4) {
    illegal(cpu, pc, insn);
    return 0;
  }
  if (f3 !== 0) {
    executeCsr(cpu, pc, insn, f3);
    return 0;
  }
  switch (insn) {
    case 0x00000073: // ecall: cause 8 (U), 9 (S), 11 (M)
      raise(cpu, pc, CAUSE_USER_ECALL + cpu.priv, 0);
      return 0;
    case 0x00100073: // ebreak
      raise(cpu, pc, CAUSE_BREAKPOINT, 0);
      return 0;
    case 0x30200073: // mret
      if (cpu.priv !== 3 || (!mretStaysInM(cpu) && !hasPmpRule(cpu.csr))) illegal(cpu, pc, insn);
      else mret(cpu);
      return 0;
    case 0x10200073: // sret: from S (unless mstatus.TSR) or M
      if (cpu.priv === 0 || (cpu.priv === 1 && (cpu.csr.mstatus & MSTATUS_TSR) !== 0)) illegal(cpu, pc, insn);
      else sret(cpu);
      return 0;
    case 0x10500073:
      return waitForInterrupt(cpu, pc, insn);
    default:
      if ((insn & 0xfe007fff) === 0x12000073) sfenceVma(cpu, pc, insn);
      else illegal(cpu, pc, insn);
      return 0;
  }
}

/** wfi, as QEMU 7.2's helper_wfi on a hart with S mode: illegal in U, and in S while mstatus.TW is set. */
function waitForInterrupt(cpu: Cpu, pc: number, insn: number): number {
  if (cpu.priv === 0 || (cpu.priv === 1 && (cpu.csr.mstatus & MSTATUS_TW) !== 0)) {
    illegal(cpu, pc, insn);
    return 0;
  }
  cpu.pcI = (pc + 4) | 0;
  return (cpu.csr.mip & cpu.csr.mie) !== 0 ? 0 : STEP_WFI;
}

/** sfence.vma: nothing to flush without paging; illegal in U, and in S while mstatus.TVM is set. */
function sfenceVma(cpu: Cpu, pc: number, insn: number): void {
  if (cpu.priv === 0 || (cpu.priv === 1 && (cpu.csr.mstatus & MSTATUS_TVM) !== 0)) illegal(cpu, pc, insn);
  else cpu.pcI = (pc + 4) | 0;
}

/**
 * QEMU 7.2's helper_mret: a hart with PMP but no PMP entry configured may not
 * return to a less privileged mode (mret is then illegal); true if MPP is M.
 */
function mretStaysInM(cpu: Cpu): boolean {
  return (cpu.csr.mstatus & MSTATUS_MPP) === MSTATUS_MPP;
}

/** csrrw/csrrs/csrrc and their immediate forms (Zicsr): rs1 = x0 (or uimm = 0) means no write. */
function executeCsr(cpu: Cpu, pc: number, insn: number, f3: number): void {
  const num = insn >>> 20;
  const rs1 = (insn >>> 15) & 31;
  const op = f3 & 3;
  const writes = op === 1 || rs1 !== 0;
  const csr = cpu.csr;
  const old = csr.accessible(num, cpu.priv, writes) ? csr.read(num) : undefined;
  if (old === undefined) return illegal(cpu, pc, insn);
  if (writes) {
    const src = (f3 & 4) !== 0 ? rs1 : cpu.x[rs1];
    const value = op === 1 ? src : op === 2 ? old | src : old & ~src;
    csr.write(num, value);
  }
  cpu.x[(insn >>> 7) & 31] = old;
  cpu.x[0] = 0;
  cpu.pcI = (pc + 4) | 0;
}
