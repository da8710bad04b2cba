// Machine-mode CSRs of an M/U hart (RISC-V privileged spec v1.12, ch. 2-3),
// with the WARL behaviour QEMU 7.2 shows for a hart without S mode: S-mode
// CSRs (medeleg, mideleg, satp, s*) do not exist and trap as illegal; PMP
// CSRs hold what is written but check nothing; performance counters 3-31 read 0.

import { IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER } from './trap-causes.ts';

export const CSR = {
  cycle: 0xc00, time: 0xc01, instret: 0xc02,
  cycleh: 0xc80, timeh: 0xc81, instreth: 0xc82,
  mvendorid: 0xf11, marchid: 0xf12, mimpid: 0xf13, mhartid: 0xf14, mconfigptr: 0xf15,
  mstatus: 0x300, misa: 0x301, mie: 0x304, mtvec: 0x305, mcounteren: 0x306,
  menvcfg: 0x30a, mstatush: 0x310, menvcfgh: 0x31a, mcountinhibit: 0x320,
  mscratch: 0x340, mepc: 0x341, mcause: 0x342, mtval: 0x343, mip: 0x344,
  mcycle: 0xb00, minstret: 0xb02, mcycleh: 0xb80, minstreth: 0xb82,
} as const;

export const MSTATUS_MIE = 1 << 3;
export const MSTATUS_MPIE = 1 << 7;
export const MSTATUS_MPP_SHIFT = 11;
export const MSTATUS_MPP = 3 << MSTATUS_MPP_SHIFT;
export const MSTATUS_MPRV = 1 << 17;
export const MSTATUS_TW = 1 << 21;
const MSTATUS_WRITABLE = MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TW;

/** MXL = 1 (RV32), extensions A, C, I, M, U. */
export const MISA = (1 << 30) | (1 << 0) | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 20);

/** Interrupts this hart can take (M mode only: no S mode to delegate to). */
export const MIE_WRITABLE = (1 << IRQ_M_SOFT) | (1 << IRQ_M_TIMER) | (1 << IRQ_M_EXT);

const TWO_POW_32 = 4294967296;

/** What the CSR file needs from the rest of the hart. */
export interface CsrHost {
  /** Retired instructions so far (minstret, mcycle). */
  readonly instret: number;
  /** CLINT mtime in ticks, for the time/timeh CSRs. */
  timeSource: () => number;
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
    this.pmpcfg.fill(0);
    this.pmpaddr.fill(0);
  }

  /**
   * Whether `num` may be accessed at privilege `priv` (spec 2.1: bits 9:8
   * are the lowest privilege, bits 11:10 = 3 mean read-only), and the U-mode
   * counters are enabled by mcounteren.
   */
  accessible(num: number, priv: number, write: boolean): boolean {
    if (priv < ((num >>> 8) & 3)) return false;
    if (write && (num >>> 10) === 3) return false;
    if (num >= 0xc00 && num <= 0xc9f && priv < 3) return ((this.mcounteren >>> (num & 31)) & 1) !== 0;
    return true;
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
      case CSR.mstatush: case CSR.menvcfg: case CSR.menvcfgh:
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
      case CSR.misa: case CSR.mip: case CSR.mstatush: case CSR.menvcfg: case CSR.menvcfgh:
        return true; // WARL: nothing writable on this hart (mip bits come from the CLINT/PLIC)
      case CSR.mcycle: this.cycleOffset = withLo(this.host.instret + this.cycleOffset, value) - this.host.instret; return true;
      case CSR.mcycleh: this.cycleOffset = withHi(this.host.instret + this.cycleOffset, value) - this.host.instret; return true;
      case CSR.minstret: this.instretOffset = withLo(this.host.instret + this.instretOffset, value) - this.host.instret; return true;
      case CSR.minstreth: this.instretOffset = withHi(this.host.instret + this.instretOffset, value) - this.host.instret; return true;
    }
    if (num >= 0x3a0 && num <= 0x3a3) { this.pmpcfg[num - 0x3a0] = value; return true; }
    if (num >= 0x3b0 && num <= 0x3bf) { this.pmpaddr[num - 0x3b0] = value; return true; }
    return isHpmCounter(num);
  }
}

/** mstatus is WARL: only MIE, MPIE, MPP, MPRV, TW exist; MPP holds M or U only. */
function legalizeMstatus(old: number, value: number): number {
  let next = (old & ~MSTATUS_WRITABLE) | (value & MSTATUS_WRITABLE);
  const mpp = (value & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  if (mpp !== 0 && mpp !== 3) next = (next & ~MSTATUS_MPP) | (old & MSTATUS_MPP);
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
