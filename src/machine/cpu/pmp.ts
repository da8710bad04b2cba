// Physical memory protection (RISC-V privileged spec v1.12, 3.7) as QEMU 7.2
// enforces it on the virt hart: 16 entries (OFF/TOR/NA4/NAPOT, no
// granularity), the lowest-numbered entry that covers an access decides, an
// access only partly inside an entry fails, S/U accesses that match nothing
// fail and M accesses that match nothing succeed; a locked entry binds M too
// and freezes its pmpcfg byte and pmpaddr (and, for a TOR entry, the pmpaddr
// below it). Range arithmetic is 32-bit as in QEMU's rv32 build, so a TOR
// entry 0 with pmpaddr0 = 0 spans all memory there (end = 0 - 1), and here too.

export const PMP_R = 1;
export const PMP_W = 2;
export const PMP_X = 4;
const PMP_L = 0x80;
const A_OFF = 0, A_TOR = 1, A_NA4 = 2;
export const PMP_ENTRIES = 16;
const TWO_POW_32 = 4294967296;

/** The PMP CSRs: four pmpcfg registers of four bytes each, sixteen pmpaddr. */
export interface PmpRegisters {
  readonly pmpcfg: Int32Array;
  readonly pmpaddr: Int32Array;
}

export function pmpCfgByte(p: PmpRegisters, i: number): number {
  return (p.pmpcfg[i >>> 2] >>> (8 * (i & 3))) & 0xff;
}

function addressMode(cfg: number): number {
  return (cfg >>> 3) & 3;
}

/** Whether any entry has an address-matching mode other than OFF (QEMU's num_rules > 0). */
export function hasPmpRule(p: PmpRegisters): boolean {
  for (let i = 0; i < PMP_ENTRIES; i++) if (addressMode(pmpCfgByte(p, i)) !== A_OFF) return true;
  return false;
}

/** pmpcfgN write: each byte not locked takes the new value as written (QEMU keeps every bit). */
export function writePmpcfg(p: PmpRegisters, reg: number, value: number): void {
  let next = p.pmpcfg[reg];
  for (let byte = 0; byte < 4; byte++) {
    if ((pmpCfgByte(p, reg * 4 + byte) & PMP_L) !== 0) continue;
    const shift = 8 * byte;
    next = (next & ~(0xff << shift)) | (((value >>> shift) & 0xff) << shift);
  }
  p.pmpcfg[reg] = next;
}

/** pmpaddrN write: ignored when entry N is locked, or entry N+1 is a locked TOR entry. */
export function writePmpaddr(p: PmpRegisters, i: number, value: number): void {
  if (i + 1 < PMP_ENTRIES) {
    const above = pmpCfgByte(p, i + 1);
    if ((above & PMP_L) !== 0 && addressMode(above) === A_TOR) return;
  }
  if ((pmpCfgByte(p, i) & PMP_L) !== 0) return;
  p.pmpaddr[i] = value;
}

/** First and last byte address entry i covers, as unsigned numbers; start > end covers nothing. */
export function pmpRange(p: PmpRegisters, i: number): { start: number; end: number } {
  const cfg = pmpCfgByte(p, i);
  const addr = p.pmpaddr[i] >>> 0;
  switch (addressMode(cfg)) {
    case A_TOR: {
      const start = i === 0 ? 0 : ((p.pmpaddr[i - 1] << 2) >>> 0);
      return { start, end: ((addr << 2) - 1) >>> 0 };
    }
    case A_NA4: {
      const start = (addr << 2) >>> 0;
      return { start, end: (start + 3) % TWO_POW_32 };
    }
    default: { // NAPOT: trailing ones of pmpaddr give the size
      if (addr === 0xffffffff) return { start: 0, end: 0xffffffff };
      const ones = 31 - Math.clz32(~addr & (addr + 1));
      const start = (((addr >>> ones) << ones) << 2) >>> 0;
      return { start, end: (start + 2 ** (ones + 3) - 1) % TWO_POW_32 };
    }
  }
}

/** The permissions entry i grants at privilege `priv`: all of them to M unless locked. */
function granted(cfg: number, priv: number): number {
  return priv === 3 && (cfg & PMP_L) === 0 ? PMP_R | PMP_W | PMP_X : cfg & 7;
}

/**
 * Whether an access of `size` bytes at `addr` with permission `access`
 * (PMP_R, PMP_W or PMP_X) is allowed at privilege `priv` (0 U, 1 S, 3 M).
 */
export function pmpAllows(p: PmpRegisters, addr: number, size: number, access: number, priv: number): boolean {
  const first = addr >>> 0;
  const last = (first + size - 1) % TWO_POW_32;
  for (let i = 0; i < PMP_ENTRIES; i++) {
    const cfg = pmpCfgByte(p, i);
    if (addressMode(cfg) === A_OFF) continue;
    const { start, end } = pmpRange(p, i);
    const inFirst = first >= start && first <= end;
    const inLast = last >= start && last <= end;
    if (inFirst !== inLast) return false;
    if (inFirst) return (granted(cfg, priv) & access) === access;
  }
  return priv === 3;
}

/**
 * Whether every access of kind `access` at privilege `priv` anywhere in
 * [base, base + size) is allowed, decided by one entry (or by none, for M):
 * then the CPU may skip the PMP check for that range: false when an entry
 * covers only part of it, so each access there takes the checked path.
 */
export function pmpAllowsWholeWindow(p: PmpRegisters, base: number, size: number, access: number, priv: number): boolean {
  const first = base >>> 0;
  const last = first + size - 1;
  for (let i = 0; i < PMP_ENTRIES; i++) {
    const cfg = pmpCfgByte(p, i);
    if (addressMode(cfg) === A_OFF) continue;
    const { start, end } = pmpRange(p, i);
    if (end < first || start > last || start > end) continue;
    if (start > first || end < last) return false;
    return (granted(cfg, priv) & access) === access;
  }
  return priv === 3;
}
