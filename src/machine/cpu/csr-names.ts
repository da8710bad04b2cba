// CSR numbers to the names GNU objdump 2.40 prints (its default privileged
// spec, 1.11: mstatush, menvcfg and mconfigptr are shown as numbers).

const NAMES = new Map<number, string>([
  [0x001, 'fflags'], [0x002, 'frm'], [0x003, 'fcsr'],
  [0xc00, 'cycle'], [0xc01, 'time'], [0xc02, 'instret'],
  [0xc80, 'cycleh'], [0xc81, 'timeh'], [0xc82, 'instreth'],
  [0x100, 'sstatus'], [0x104, 'sie'], [0x105, 'stvec'], [0x106, 'scounteren'],
  [0x140, 'sscratch'], [0x141, 'sepc'], [0x142, 'scause'], [0x143, 'stval'], [0x144, 'sip'], [0x180, 'satp'],
  [0xf11, 'mvendorid'], [0xf12, 'marchid'], [0xf13, 'mimpid'], [0xf14, 'mhartid'],
  [0x300, 'mstatus'], [0x301, 'misa'], [0x302, 'medeleg'], [0x303, 'mideleg'], [0x304, 'mie'],
  [0x305, 'mtvec'], [0x306, 'mcounteren'], [0x320, 'mcountinhibit'],
  [0x340, 'mscratch'], [0x341, 'mepc'], [0x342, 'mcause'], [0x343, 'mtval'], [0x344, 'mip'],
  [0xb00, 'mcycle'], [0xb02, 'minstret'], [0xb80, 'mcycleh'], [0xb82, 'minstreth'],
  [0x7a0, 'tselect'], [0x7a1, 'tdata1'], [0x7a2, 'tdata2'], [0x7a3, 'tdata3'],
  [0x7b0, 'dcsr'], [0x7b1, 'dpc'], [0x7b2, 'dscratch0'], [0x7b3, 'dscratch1'],
]);

for (let i = 0; i < 4; i++) NAMES.set(0x3a0 + i, `pmpcfg${i}`);
for (let i = 0; i < 16; i++) NAMES.set(0x3b0 + i, `pmpaddr${i}`);
for (let i = 3; i < 32; i++) {
  NAMES.set(0xc00 + i, `hpmcounter${i}`);
  NAMES.set(0xc80 + i, `hpmcounter${i}h`);
  NAMES.set(0xb00 + i, `mhpmcounter${i}`);
  NAMES.set(0xb80 + i, `mhpmcounter${i}h`);
  NAMES.set(0x320 + i, `mhpmevent${i}`);
}

/** "mstatus" for 0x300; "0x7c0" for a CSR without a name. */
export function csrName(num: number): string {
  return NAMES.get(num) ?? `0x${num.toString(16)}`;
}
