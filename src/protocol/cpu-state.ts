// The hart's architectural state as the UI and the CLI see it (a snapshot, not
// the live CPU): pc, the 32 integer registers, privilege mode and named CSRs.
// Register names follow the RISC-V psABI (ilp32) as objdump prints them.

export type PrivilegeMode = 'M' | 'S' | 'U';

export interface CpuRegisters {
  pc: number;
  /** x0..x31, unsigned 32-bit values. */
  x: number[];
  priv: PrivilegeMode;
  /** CSR values by name ("mstatus", "mepc", "sstatus", "scause", …), unsigned 32-bit: the M-mode
   * trap CSRs, the S-mode ones (sstatus, sie, sip, stvec, sscratch, sepc, scause, stval, scounteren,
   * satp), medeleg/mideleg and the counters. */
  csr: Record<string, number>;
  instret: number;
}

/** ABI names of x0..x31, the way objdump and gdb print them. */
export const ABI_REGISTER_NAMES: readonly string[] = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2',
  's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7',
  's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

/** ABI name of register `i` ("a0" for 10). */
export function abiRegisterName(i: number): string {
  return ABI_REGISTER_NAMES[i & 31];
}

/** Privilege level number (0 U, 1 S, 3 M) to its letter. */
export function privilegeName(priv: number): PrivilegeMode {
  return priv === 3 ? 'M' : priv === 1 ? 'S' : 'U';
}
