// The CSRs of an M/S/U hart (RISC-V privileged spec v1.12, ch. 2-4), with
// the WARL behaviour QEMU 7.2's rv32 virt hart shows (probed on QEMU): which
// medeleg/mideleg/mie/mip bits are writable, sstatus/sie/sip as views of the
// m* registers, software SEIP ORed with the PLIC's, satp with Bare mode only,
// PMP CSRs with QEMU's lock rules (pmp.ts); performance counters 3-31 read 0.
// This hart has no H, F, D or V: their bits and CSRs stay absent.

import { writePmpaddr, writePmpcfg } from './pmp.ts';
import { IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER, IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER } from './trap-causes.ts';

export const CSR = {
  cycle: 0xc00, time: 0xc01, instret: 0xc02,
  cycleh: 0xc80, timeh: 0xc81, instreth: 0xc82,
  mvendorid: 0xf11, marchid: 0xf12, mimpid: 0xf13, mhartid: 0xf14, mconfigptr: 0xf15,
  sstatus: 0x100, sie: 0x104, stvec: 0x105, scounteren: 0x106, senvcfg: 0x10a,
  sscratch: 0x140, sepc: 0x141, scause: 0x142, stval: 0x143, sip: 0x144, satp: 0x180,
  mstatus: 0x300, misa: 0x301, medeleg: 0x302, mideleg: 0x303, mie: 0x304, mtvec: 0x305, mcounteren: 0x306,
  menvcfg: 0x30a, mstatush: 0x310, menvcfgh: 0x31a, mcountinhibit: 0x320,
  mscratch: 0x340, mepc: 0x341, mcause: 0x342, mtval: 0x343, mip: 0x344,
  mcycle: 0xb00, minstret: 0xb02, mcycleh: 0xb80, minstreth: 0xb82,
} as const;

export const MSTATUS_SIE = 1 << 1;
export const MSTATUS_MIE = 1 << 3;
export const MSTATUS_SPIE = 1 << 5;
export const MSTATUS_MPIE = 1 << 7;
export const MSTATUS_SPP = 1 << 8;
export const MSTATUS_MPP_SHIFT = 11;
export const MSTATUS_MPP = 3 << MSTATUS_MPP_SHIFT;
export const MSTATUS_MPRV = 1 << 17;
export const MSTATUS_SUM = 1 << 18;
export const MSTATUS_MXR = 1 << 19;
export const MSTATUS_TVM = 1 << 20;
export const MSTATUS_TW = 1 << 21;
export const MSTATUS_TSR = 1 << 22;
/** SUM and MXR are kept (QEMU keeps them) though without paging they change nothing. */
const MSTATUS_WRITABLE = MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP
  | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR;
/** The bits of mstatus that sstatus shows (no FS/VS/SD: no F, D or V here). */
export const SSTATUS_MASK = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR;

/** MXL = 1 (RV32), extensions A, C, I, M, S, U. */
export const MISA = (1 << 30) | (1 << 0) | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20);

const S_INTERRUPTS = (1 << IRQ_S_SOFT) | (1 << IRQ_S_TIMER) | (1 << IRQ_S_EXT);
/** Interrupts this hart can take: the M and S software, timer and external ones. */
export const MIE_WRITABLE = (1 << IRQ_M_SOFT) | (1 << IRQ_M_TIMER) | (1 << IRQ_M_EXT) | S_INTERRUPTS;
/** mideleg: QEMU 7.2 delegates SSIP, STIP, SEIP (its VS and LCOFI bits belong to H and Sscofpmf, absent here). */
export const MIDELEG_WRITABLE = S_INTERRUPTS;
/** mip bits M mode may write (QEMU 7.2): SSIP, STIP, and the software half of SEIP. */
export const MIP_WRITABLE = S_INTERRUPTS;
/** sip bits S mode may write (QEMU 7.2): SSIP only, when delegated. */
const SIP_WRITABLE = 1 << IRQ_S_SOFT;
/**
 * medeleg: QEMU 7.2's delegable exceptions less the hypervisor ones (10,
 * 20-23): causes 0-9, 11 (QEMU lets M-mode ecall's bit be set; it never
 * applies, a trap from M stays in M), 12, 13 and 15.
 */
export const MEDELEG_WRITABLE = 0xbbff;
const SEIP = 1 << IRQ_S_EXT;
const SATP_MODE_SV32 = 0x80000000;

const TWO_POW_32 = 4294967296;

/** What the CSR file needs from the rest of the hart. */
export interface CsrHost {
  /** Retired instructions so far (minstret, mcycle). */
  readonly instret: number;
  /** CLINT mtime in ticks, for the time/timeh CSRs. */
  timeSource: () => number;
  /** A write selected Sv32 paging, which this board lacks: satp kept its value. */
  satpModeIgnored(value: number): void;
}

export class CsrFile {
  mstatus = 0;
  mie = 0;
  mip = 0;
  mtvec = 0;
  mscratch = 0;
  mepc = 0;
  mcause = 0;
  mtval = 0;
  mcounteren = 0;
  mcountinhibit = 0;
  medeleg = 0;
  mideleg = 0;
  stvec = 0;
  sscratch = 0;
  sepc = 0;
  scause = 0;
  stval = 0;
  scounteren = 0;
  satp = 0;
  /** SEIP as software wrote it and as the PLIC's context 1 drives it; mip.SEIP is their OR (QEMU 7.2). */
  softwareSeip = false;
  externalSeip = false;
  /** Bumped on every PMP CSR write, so the CPU knows when to recompute its RAM windows. */
  pmpVersion = 0;
  /** Offsets that writes to mcycle/minstret add to the instruction count. */
  cycleOffset = 0;
  instretOffset = 0;
  readonly pmpcfg = new Int32Array(4);
  readonly pmpaddr = new Int32Array(16);

  constructor(private readonly host: CsrHost) {}

  reset(): void {
    this.mstatus = this.mie = this.mip = this.mtvec = this.mscratch = 0;
    this.mepc = this.mcause = this.mtval = this.mcounteren = this.mcountinhibit = 0;
    this.cycleOffset = this.instretOffset = 0;
    this.medeleg = this.mideleg = this.stvec = this.sscratch = this.sepc = this.scause = this.stval = 0;
    this.scounteren = this.satp = 0;
    this.softwareSeip = this.externalSeip = false;
    this.pmpVersion++;
    this.pmpcfg.fill(0);
    this.pmpaddr.fill(0);
  }

  /**
   * Whether `num` may be accessed at privilege `priv` (spec 2.1: bits 9:8
   * are the lowest privilege, bits 11:10 = 3 mean read-only): the counters
   * below M need their mcounteren bit, and in U also their scounteren bit;
   * satp in S traps while mstatus.TVM is set.
   */
  accessible(num: number, priv: number, write: boolean): boolean {
    if (priv < ((num >>> 8) & 3)) return false;
    if (write && (num >>> 10) === 3) return false;
    if (num >= 0xc00 && num <= 0xc9f && priv < 3) {
      const bit = num & 31;
      if (((this.mcounteren >>> bit) & 1) === 0) return false;
      return priv !== 0 || ((this.scounteren >>> bit) & 1) !== 0;
    }
    if (num === CSR.satp && priv === 1) return (this.mstatus & MSTATUS_TVM) === 0;
    return true;
  }

  /** The mip bits the hart sees: hardware lines, and SEIP from either source. */
  setInterruptLine(bit: number, level: boolean): void {
    if (bit === IRQ_S_EXT) {
      this.externalSeip = level;
      level = level || this.softwareSeip;
    }
    if (level) this.mip |= 1 << bit;
    else this.mip &= ~(1 << bit);
  }

  /** Value of CSR `num` as int32, or undefined if this hart has no such CSR. */
  read(num: number): number | undefined {
    switch (num) {
      case CSR.mstatus: return this.mstatus;
      case CSR.misa: return MISA;
      case CSR.mie: return this.mie;
      case CSR.mtvec: return this.mtvec;
      case CSR.mcounteren: return this.mcounteren;
      case CSR.mcountinhibit: return this.mcountinhibit;
      case CSR.mscratch: return this.mscratch;
      case CSR.mepc: return this.mepc;
      case CSR.mcause: return this.mcause;
      case CSR.mtval: return this.mtval;
      case CSR.mip: return this.mip;
      case CSR.medeleg: return this.medeleg;
      case CSR.mideleg: return this.mideleg;
      case CSR.sstatus: return this.mstatus & SSTATUS_MASK;
      case CSR.sie: return this.mie & this.mideleg;
      case CSR.sip: return this.mip & this.mideleg;
      case CSR.stvec: return this.stvec;
      case CSR.scounteren: return this.scounteren;
      case CSR.sscratch: return this.sscratch;
      case CSR.sepc: return this.sepc;
      case CSR.scause: return this.scause;
      case CSR.stval: return this.stval;
      case CSR.satp: return this.satp;
      case CSR.mstatush: case CSR.menvcfg: case CSR.menvcfgh: case CSR.senvcfg:
      case CSR.mvendorid: case CSR.marchid: case CSR.mimpid: case CSR.mhartid: case CSR.mconfigptr:
        return 0;
      case CSR.mcycle: case CSR.cycle: return lo32(this.host.instret + this.cycleOffset);
      case CSR.mcycleh: case CSR.cycleh: return hi32(this.host.instret + this.cycleOffset);
      case CSR.minstret: case CSR.instret: return lo32(this.host.instret + this.instretOffset);
      case CSR.minstreth: case CSR.instreth: return hi32(this.host.instret + this.instretOffset);
      case CSR.time: return lo32(this.host.timeSource());
      case CSR.timeh: return hi32(this.host.timeSource());
    }
    if (num >= 0x3a0 && num <= 0x3a3) return this.pmpcfg[num - 0x3a0];
    if (num >= 0x3b0 && num <= 0x3bf) return this.pmpaddr[num - 0x3b0];
    if (isHpmCounter(num)) return 0;
    return undefined;
  }

  /** Writes `value` (int32) to CSR `num`; false if the CSR does not exist. */
  write(num: number, value: number): boolean {
    switch (num) {
      case CSR.mstatus: this.mstatus = legalizeMstatus(this.mstatus, value); return true;
      case CSR.mie: this.mie = value & MIE_WRITABLE; return true;
      case CSR.mtvec: if ((value & 3) < 2) this.mtvec = value; return true;
      case CSR.mcounteren: this.mcounteren = value; return true;
      case CSR.mcountinhibit: this.mcountinhibit = value & 5; return true;
      case CSR.mscratch: this.mscratch = value; return true;
      case CSR.mepc: this.mepc = value & ~1; return true; // IALIGN = 16: bit 0 is 0 (QEMU 7.2 keeps it, then fetches at an odd pc)
      case CSR.mcause: this.mcause = value; return true;
      case CSR.mtval: this.mtval = value; return true;
      case CSR.mip: this.writeMip(value, MIP_WRITABLE); return true;
      case CSR.medeleg: this.medeleg = value & MEDELEG_WRITABLE; return true;
      case CSR.mideleg: this.mideleg = value & MIDELEG_WRITABLE; return true;
      default: return this.writeSupervisor(num, value);
    }
  }

  /** The S-mode CSRs; sstatus, sie and sip write through to mstatus, mie and mip. */
  private writeSupervisor(num: number, value: number): boolean {
    switch (num) {
      case CSR.sstatus: this.mstatus = (this.mstatus & ~SSTATUS_MASK) | (value & SSTATUS_MASK); return true;
      case CSR.sie: this.mie = (this.mie & ~this.mideleg) | (value & this.mideleg); return true;
      case CSR.sip: this.writeMip(value, SIP_WRITABLE & this.mideleg); return true;
      case CSR.stvec: if ((value & 3) < 2) this.stvec = value; return true;
      case CSR.scounteren: this.scounteren = value; return true;
      case CSR.sscratch: this.sscratch = value; return true;
      case CSR.sepc: this.sepc = value & ~1; return true; // as mepc
      case CSR.scause: this.scause = value; return true;
      case CSR.stval: this.stval = value; return true;
      case CSR.satp: this.writeSatp(value); return true;
      default: return this.writeOther(num, value);
    }
  }

  private writeOther(num: number, value: number): boolean {
    switch (num) {
      case CSR.misa: case CSR.mstatush: case CSR.menvcfg: case CSR.menvcfgh: case CSR.senvcfg:
        return true; // WARL: nothing writable on this hart
      case CSR.mcycle: this.cycleOffset = withLo(this.host.instret + this.cycleOffset, value) - this.host.instret; return true;
      case CSR.mcycleh: this.cycleOffset = withHi(this.host.instret + this.cycleOffset, value) - this.host.instret; return true;
      case CSR.minstret: this.instretOffset = withLo(this.host.instret + this.instretOffset, value) - this.host.instret; return true;
      case CSR.minstreth: this.instretOffset = withHi(this.host.instret + this.instretOffset, value) - this.host.instret; return true;
    }
    if (num >= 0x3a0 && num <= 0x3a3) {
      writePmpcfg(this, num - 0x3a0, value);
      this.pmpVersion++;
      return true;
    }
    if (num >= 0x3b0 && num <= 0x3bf) {
      writePmpaddr(this, num - 0x3b0, value);
      this.pmpVersion++;
      return true;
    }
    return isHpmCounter(num);
  }

  /** Writes the `mask` bits of mip; SEIP's software half is kept apart from the PLIC's. */
  private writeMip(value: number, mask: number): void {
    if ((mask & SEIP) !== 0) {
      this.softwareSeip = (value & SEIP) !== 0;
      if (this.externalSeip) value |= SEIP;
    }
    this.mip = (this.mip & ~mask) | (value & mask);
  }

  /**
   * satp keeps Bare mode: QEMU 7.2 implements Sv32, this board does not, so
   * a write selecting Sv32 is ignored (WARL) and reported; with Bare mode the
   * ASID and PPN fields are stored as written, as QEMU does.
   */
  private writeSatp(value: number): void {
    if ((value & SATP_MODE_SV32) !== 0) this.host.satpModeIgnored(value);
    else this.satp = value;
  }
}

/**
 * mstatus is WARL: the bits of MSTATUS_WRITABLE exist. MPP holds M, S or U;
 * the reserved 2 keeps the old value (QEMU 7.2 stores it as written, and an
 * mret would then enter a mode that does not exist).
 */
function legalizeMstatus(old: number, value: number): number {
  let next = (old & ~MSTATUS_WRITABLE) | (value & MSTATUS_WRITABLE);
  const mpp = (value & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  if (mpp === 2) next = (next & ~MSTATUS_MPP) | (old & MSTATUS_MPP);
  return next;
}

/** mhpmcounter3-31(h), mhpmevent3-31 and the U-mode hpmcounter3-31(h): present, always 0. */
function isHpmCounter(num: number): boolean {
  const low = num & 0x1f;
  if (low < 3) return false;
  const group = num & ~0x1f;
  return group === 0xb00 || group === 0xb80 || group === 0x320 || group === 0xc00 || group === 0xc80;
}

function lo32(v: number): number {
  return (v % TWO_POW_32) | 0;
}

function hi32(v: number): number {
  return Math.floor(v / TWO_POW_32) | 0;
}

function withLo(v: number, lo: number): number {
  return Math.floor(v / TWO_POW_32) * TWO_POW_32 + (lo >>> 0);
}

function withHi(v: number, hi: number): number {
  return (hi >>> 0) * TWO_POW_32 + (v % TWO_POW_32);
}
