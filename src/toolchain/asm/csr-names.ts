// CSR names the assembler accepts, with their numbers from the RISC-V
// Privileged Architecture (20211203), tables 2.2-2.5: the machine, supervisor
// and user-counter CSRs of an RV32 hart.

import { nameTable } from '../name-table.ts';
export const CSR_NUMBERS: Record<string, number> = nameTable({
  // Unprivileged counters/timers
  cycle: 0xc00, time: 0xc01, instret: 0xc02, cycleh: 0xc80, timeh: 0xc81, instreth: 0xc82,
  // Supervisor
  sstatus: 0x100, sie: 0x104, stvec: 0x105, scounteren: 0x106, senvcfg: 0x10a,
  sscratch: 0x140, sepc: 0x141, scause: 0x142, stval: 0x143, sip: 0x144, satp: 0x180,
  // Machine information
  mvendorid: 0xf11, marchid: 0xf12, mimpid: 0xf13, mhartid: 0xf14, mconfigptr: 0xf15,
  // Machine trap setup and handling
  mstatus: 0x300, misa: 0x301, medeleg: 0x302, mideleg: 0x303, mie: 0x304, mtvec: 0x305,
  mcounteren: 0x306, menvcfg: 0x30a, mstatush: 0x310, menvcfgh: 0x31a, mcountinhibit: 0x320,
  mscratch: 0x340, mepc: 0x341, mcause: 0x342, mtval: 0x343, mip: 0x344,
  // Memory protection
  pmpcfg0: 0x3a0, pmpcfg1: 0x3a1, pmpcfg2: 0x3a2, pmpcfg3: 0x3a3,
  pmpaddr0: 0x3b0, pmpaddr1: 0x3b1, pmpaddr2: 0x3b2, pmpaddr3: 0x3b3,
  // Machine counters
  mcycle: 0xb00, minstret: 0xb02, mcycleh: 0xb80, minstreth: 0xb82,
  // Debug/trace
  tselect: 0x7a0, tdata1: 0x7a1, tdata2: 0x7a2, tdata3: 0x7a3, dcsr: 0x7b0, dpc: 0x7b1, dscratch0: 0x7b2,
});
