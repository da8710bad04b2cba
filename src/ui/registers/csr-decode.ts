// The trap CSRs in words: which status bits are set, what a cause code means,
// which interrupts are pending or enabled. Bit positions and cause names are
// those of the RISC-V privileged specification (RV32), so the pane reads like
// the spec a student has open next to it.

import type { PrivilegeMode } from '../../protocol/cpu-state.ts';

/** One named field of a CSR, with its value as the pane prints it. */
export interface CsrField {
  name: string;
  /** "1"/"0" for a one-bit field, a mode letter for MPP/SPP. */
  value: string;
  /** A one-bit field that is set (shown in bold, not by colour alone). */
  on: boolean;
  /** What the field does, for a tooltip. */
  meaning: string;
}

interface BitField { name: string; bit: number; meaning: string }

/** The one-bit fields of mstatus the playground's guests use, low bit first. */
const MSTATUS_BITS: BitField[] = [
  { name: 'SIE', bit: 1, meaning: 'Supervisor interrupts enabled (while in S-mode)' },
  { name: 'MIE', bit: 3, meaning: 'Machine interrupts enabled (while in M-mode)' },
  { name: 'SPIE', bit: 5, meaning: 'SIE before the last trap into S-mode (sret restores it)' },
  { name: 'MPIE', bit: 7, meaning: 'MIE before the last trap into M-mode (mret restores it)' },
  { name: 'MPRV', bit: 17, meaning: 'Loads and stores in M-mode use the privilege in MPP' },
  { name: 'SUM', bit: 18, meaning: 'S-mode may access user pages' },
  { name: 'MXR', bit: 19, meaning: 'Loads from execute-only pages are allowed' },
  { name: 'TVM', bit: 20, meaning: 'Trap S-mode satp accesses and sfence.vma' },
  { name: 'TW', bit: 21, meaning: 'Trap wfi executed in S-mode' },
  { name: 'TSR', bit: 22, meaning: 'Trap sret executed in S-mode' },
];

/** sstatus is a window on mstatus: these bits only. */
const SSTATUS_BITS = MSTATUS_BITS.filter((f) => ['SIE', 'SPIE', 'SUM', 'MXR'].includes(f.name));

function bitField(value: number, f: BitField): CsrField {
  const on = ((value >>> f.bit) & 1) === 1;
  return { name: f.name, value: on ? '1' : '0', on, meaning: f.meaning };
}

const MODE_OF_BITS: Record<number, PrivilegeMode | '?'> = { 0: 'U', 1: 'S', 2: '?', 3: 'M' };

/** mstatus (or sstatus, its S-mode view) field by field, with MPP and SPP as mode letters. */
export function decodeStatus(csr: 'mstatus' | 'sstatus', value: number): CsrField[] {
  const fields = (csr === 'mstatus' ? MSTATUS_BITS : SSTATUS_BITS).map((f) => bitField(value, f));
  const spp = (value >>> 8) & 1;
  const sppField: CsrField = { name: 'SPP', value: spp ? 'S' : 'U', on: spp === 1, meaning: 'The mode the hart was in before the last trap into S-mode (sret returns there)' };
  if (csr === 'sstatus') return [...fields.slice(0, 2), sppField, ...fields.slice(2)];
  const mpp = MODE_OF_BITS[(value >>> 11) & 3];
  const mppField: CsrField = { name: 'MPP', value: mpp, on: mpp !== 'U', meaning: 'The mode the hart was in before the last trap into M-mode (mret returns there)' };
  return [...fields.slice(0, 4), sppField, mppField, ...fields.slice(4)];
}

const INTERRUPT_NAMES: Record<number, string> = {
  1: 'Supervisor software interrupt',
  3: 'Machine software interrupt',
  5: 'Supervisor timer interrupt',
  7: 'Machine timer interrupt',
  9: 'Supervisor external interrupt',
  11: 'Machine external interrupt',
};

const EXCEPTION_NAMES: Record<number, string> = {
  0: 'Instruction address misaligned',
  1: 'Instruction access fault',
  2: 'Illegal instruction',
  3: 'Breakpoint',
  4: 'Load address misaligned',
  5: 'Load access fault',
  6: 'Store/AMO address misaligned',
  7: 'Store/AMO access fault',
  8: 'Environment call from U-mode',
  9: 'Environment call from S-mode',
  11: 'Environment call from M-mode',
  12: 'Instruction page fault',
  13: 'Load page fault',
  15: 'Store/AMO page fault',
};

/** What an mcause/scause value says: an interrupt or an exception, and which one. */
export function causeName(value: number): string {
  const interrupt = (value >>> 31) === 1;
  const code = value & 0x7fffffff;
  const name = interrupt ? INTERRUPT_NAMES[code] : EXCEPTION_NAMES[code];
  if (name) return name;
  return `${interrupt ? 'Interrupt' : 'Exception'} code ${code} (reserved or platform-defined)`;
}

/** The standard interrupt bits of mip/mie (sip/sie show the S-mode ones only), low bit first. */
const INTERRUPT_BITS: BitField[] = [
  { name: 'SSIP', bit: 1, meaning: 'Supervisor software interrupt' },
  { name: 'MSIP', bit: 3, meaning: 'Machine software interrupt (CLINT msip)' },
  { name: 'STIP', bit: 5, meaning: 'Supervisor timer interrupt' },
  { name: 'MTIP', bit: 7, meaning: 'Machine timer interrupt (CLINT mtime ≥ mtimecmp)' },
  { name: 'SEIP', bit: 9, meaning: 'Supervisor external interrupt (PLIC context 1)' },
  { name: 'MEIP', bit: 11, meaning: 'Machine external interrupt (PLIC context 0)' },
];

/** mip/mie (pending/enabled) bit by bit; sip/sie are the S-mode view of the same bits. */
export function decodeInterruptBits(csr: 'mip' | 'mie' | 'sip' | 'sie', value: number): CsrField[] {
  const machine = csr === 'mip' || csr === 'mie';
  const pending = csr.endsWith('ip');
  return INTERRUPT_BITS.filter((f) => machine || f.name.startsWith('S')).map((f) => ({
    ...bitField(value, f),
    // The fields are named ..IP in both registers, as the spec's figures draw mip; in mie they read as enables.
    name: pending ? f.name : `${f.name.slice(0, -1)}E`,
    meaning: `${f.meaning}: ${pending ? 'pending' : 'enabled'}`,
  }));
}

/** The privilege mode in words. */
export function privilegeLabel(priv: PrivilegeMode): string {
  return priv === 'M' ? 'M (machine)' : priv === 'S' ? 'S (supervisor)' : 'U (user)';
}
