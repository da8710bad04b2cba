// Which trap CSRs the CPU pane shows: those of the mode whose handler the
// hart would run now. S mode shows the s* registers; M mode the m* ones; U
// mode the m* ones, and the s* ones too once M delegates anything to S.

const MACHINE = ['mstatus', 'mtvec', 'mie', 'mip', 'mepc', 'mcause', 'mtval', 'mscratch'];
const SUPERVISOR = ['sstatus', 'stvec', 'sie', 'sip', 'sepc', 'scause', 'stval', 'sscratch'];

export function trapCsrNames(priv: 'M' | 'S' | 'U', csr: Record<string, number>): string[] {
  if (priv === 'S') return [...SUPERVISOR, 'medeleg', 'mideleg'];
  if (priv === 'U' && ((csr.medeleg ?? 0) !== 0 || (csr.mideleg ?? 0) !== 0)) return [...MACHINE, ...SUPERVISOR];
  return MACHINE;
}
