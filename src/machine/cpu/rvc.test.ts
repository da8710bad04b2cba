// RV32C on the hart: expansion spot checks (the disassembler's objdump test
// checks every expansion's operands, rvc-qemu.test.ts every encoding's
// legality and effect against QEMU), and what a program notices: 2-byte
// links and fall-throughs, traps with mepc/mtval, instructions at pc % 4 = 2,
// breakpoints and single steps on 16-bit instructions.
import { describe, expect, it } from 'vitest';
import { STEP_BREAKPOINT, STEP_BUDGET, type Cpu } from './cpu.ts';
import { CSR } from './csr.ts';
import { asm } from './encode.ts';
import { expandCompressed, instructionLength, RVC_EXPANSION } from './rvc.ts';
import { HANDLER, poke, RAM_BASE, ROM_BASE, testMachine, type TestMachine } from './test-machine.ts';

const u = (v: number) => v >>> 0;

/** Writes 16-bit and 32-bit instructions back to back from `addr` (RAM or ROM). */
function pokeMixed(m: TestMachine, addr: number, parts: number[]): number[] {
  const [mem, base] = addr >= RAM_BASE ? [m.ram, RAM_BASE] : [m.rom, ROM_BASE];
  let off = addr - base;
  const addrs: number[] = [];
  for (const p of parts) {
    addrs.push(base + off);
    for (let i = 0; i < instructionLength(p); i++) mem[off++] = (p >>> (8 * i)) & 0xff;
  }
  return addrs;
}

function mixedMachine(parts: number[], at = RAM_BASE): { m: TestMachine; addrs: number[] } {
  const m = testMachine([], at);
  const addrs = pokeMixed(m, at, parts);
  return { m, addrs };
}

function trapState(cpu: Cpu) {
  return { pc: cpu.pc, mcause: u(cpu.csr.mcause), mepc: u(cpu.csr.mepc), mtval: u(cpu.csr.mtval) };
}

const C = {
  nop: 0x0001,
  li: (rd: number, imm: number) => 0x4001 | ((imm & 0x20) << 7) | (rd << 7) | ((imm & 0x1f) << 2),
  addi: (rd: number, imm: number) => 0x0001 | ((imm & 0x20) << 7) | (rd << 7) | ((imm & 0x1f) << 2),
  mv: (rd: number, rs2: number) => 0x8002 | (rd << 7) | (rs2 << 2),
  jr: (rs1: number) => 0x8002 | (rs1 << 7),
  jalr: (rs1: number) => 0x9002 | (rs1 << 7),
  ebreak: 0x9002,
  /** c.jal with a small positive even offset (< 32). */
  jal: (offset: number) => 0x2001 | (((offset >>> 1) & 7) << 3) | (((offset >>> 4) & 1) << 11),
};

describe('expansion to 32-bit instructions', () => {
  it('expands a form of each quadrant to its 32-bit twin', () => {
    expect(u(expandCompressed(0x0808))).toBe(asm.addi(10, 2, 16)); // c.addi4spn a0,sp,16
    expect(u(expandCompressed(0x414c))).toBe(asm.lw(11, 10, 4)); // c.lw a1,4(a0)
    expect(u(expandCompressed(0xc50c))).toBe(asm.sw(11, 10, 8)); // c.sw a1,8(a0)
    expect(u(expandCompressed(0x5575))).toBe(asm.addi(10, 0, -3)); // c.li a0,-3
    expect(u(expandCompressed(0x713d))).toBe(asm.addi(2, 2, -32)); // c.addi16sp sp,-32
    expect(u(expandCompressed(0x850d))).toBe(asm.srai(10, 10, 3)); // c.srai a0,3
    expect(u(expandCompressed(0x8d0d))).toBe(asm.op(0, 0x20, 10, 10, 11)); // c.sub a0,a1
    expect(u(expandCompressed(0x050e))).toBe(asm.slli(10, 10, 3)); // c.slli a0,3
    expect(u(expandCompressed(0x4532))).toBe(asm.lw(10, 2, 12)); // c.lwsp a0,12(sp)
    expect(u(expandCompressed(0x8082))).toBe(asm.jalr(0, 1, 0)); // c.jr ra
    expect(u(expandCompressed(0x9502))).toBe(asm.jalr(1, 10, 0)); // c.jalr a0
    expect(u(expandCompressed(0x9002))).toBe(asm.ebreak()); // c.ebreak
    expect(u(expandCompressed(0xc42a))).toBe(asm.sw(10, 2, 8)); // c.swsp a0,8(sp)
  });

  it('leaves reserved and FPU encodings illegal (0), as QEMU 7.2 does', () => {
    const illegal = {
      'all-zero halfword': 0x0000, 'c.addi4spn with nzuimm 0': 0x0004, 'c.addi16sp 0': 0x6101,
      'c.lui a0,0': 0x6501, 'c.jr x0': 0x8002, 'c.lwsp into x0': 0x4002, 'c.slli with shamt[5]': 0x1082,
      'c.srli with shamt[5]': 0x9001, 'c.subw (RV64)': 0x9c01, 'c.fld': 0x2000, 'c.flwsp': 0x6002, 'c.fswsp': 0xe002,
    };
    for (const [name, h] of Object.entries(illegal)) expect(expandCompressed(h), name).toBe(0);
  });

  it('keeps hints legal: they run as no-ops that write x0 or shift by 0', () => {
    for (const h of [0x1001 /* c.nop -32 */, 0x4005 /* c.li zero,1 */, 0x6005 /* c.lui zero,1 */,
      0x8006 /* c.mv zero,ra */, 0x9006 /* c.add zero,ra */, 0x0006 /* c.slli zero,1 */, 0x8101 /* c.srli64 a0 */]) {
      expect(expandCompressed(h), h.toString(16)).not.toBe(0);
    }
  });

  it('the table holds the expansion of every halfword', () => {
    for (let h = 0; h < 0x10000; h += 7) if ((h & 3) !== 3) expect(RVC_EXPANSION[h]).toBe(expandCompressed(h));
    expect(instructionLength(0x4505)).toBe(2);
    expect(instructionLength(0x00150513)).toBe(4);
  });
});

describe('running compressed code', () => {
  it('falls through by 2 and mixes with 32-bit instructions at pc % 4 = 2', () => {
    const { m, addrs } = mixedMachine([C.li(10, 5), asm.addi(10, 10, 100), C.addi(10, 1), asm.addi(11, 10, 0)]);
    expect(addrs[1] % 4).toBe(2);
    m.cpu.step(4);
    expect(m.cpu.x[10]).toBe(106);
    expect(m.cpu.x[11]).toBe(106);
    expect(m.cpu.pc).toBe(addrs[3] + 4);
    expect(m.cpu.instret).toBe(4);
  });

  it('c.jal and c.jalr link pc + 2; jumps to a halfword target do not trap', () => {
    const { m, addrs } = mixedMachine([C.nop, C.jal(6), C.nop, C.nop, C.mv(5, 1), C.jalr(5)]);
    m.cpu.step(3);
    expect(u(m.cpu.x[1])).toBe(addrs[1] + 2);
    expect(m.cpu.pc).toBe(addrs[4] + 2);
    m.cpu.step(1); // c.jalr t0: back to addrs[2], linking the address after itself
    expect(m.cpu.pc).toBe(addrs[2]);
    expect(u(m.cpu.x[1])).toBe(addrs[5] + 2);
    expect(m.cpu.csr.mcause).toBe(0);
  });

  it('jalr with a 32-bit link from pc % 4 = 2 links pc + 4', () => {
    const { m, addrs } = mixedMachine([C.nop, asm.jal(1, 6), C.nop, C.nop]);
    m.cpu.step(2);
    expect(u(m.cpu.x[1])).toBe(addrs[1] + 4);
    expect(m.cpu.pc).toBe(addrs[1] + 6);
  });

  it('an illegal 16-bit instruction traps with mtval = the halfword', () => {
    for (const h of [0x0000, 0x6101, 0x2000]) {
      const { m, addrs } = mixedMachine([C.nop, h]);
      m.cpu.step(2);
      expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 2, mepc: addrs[1], mtval: h });
    }
  });

  it('a handler steps over c.ebreak with mepc += 2 and mret', () => {
    const { m, addrs } = mixedMachine([C.li(10, 1), C.ebreak, C.addi(10, 1), C.nop]);
    poke(m, HANDLER, [asm.csr(2, 5, CSR.mepc, 0), asm.addi(5, 5, 2), asm.csr(1, 0, CSR.mepc, 5), asm.mret()]);
    m.cpu.step(2);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 3, mepc: addrs[1], mtval: 0 });
    m.cpu.step(5);
    expect(m.cpu.pc).toBe(addrs[3]);
    expect(m.cpu.x[10]).toBe(2);
  });

  it('a 32-bit instruction cut off by the end of RAM is a fetch fault on its second half', () => {
    const end = RAM_BASE + m0().ram.length;
    const { m } = mixedMachine([0x0013], end - 2); // low half of addi x0,x0,0
    m.cpu.step(1);
    expect(trapState(m.cpu)).toEqual({ pc: HANDLER, mcause: 1, mepc: end - 2, mtval: end });
  });

  it('runs mixed code from ROM through the bus, including the last halfword', () => {
    const rom = m0().rom.length;
    const start = ROM_BASE + rom - 10; // the addi straddles two words, c.jr is the last halfword
    const { m } = mixedMachine([C.li(10, 7), C.nop, asm.addi(10, 10, 1), C.jr(1)], start);
    m.cpu.x[1] = RAM_BASE + 0x100;
    m.cpu.step(4);
    expect(m.cpu.x[10]).toBe(8);
    expect(m.cpu.pc).toBe(RAM_BASE + 0x100);
  });

  it('mepc keeps bit 1 and clears bit 0; misa reports C', () => {
    const { m } = mixedMachine([]);
    m.cpu.csr.write(CSR.mepc, 0x8000_0007);
    expect(u(m.cpu.csr.mepc)).toBe(0x8000_0006);
    expect((m.cpu.csr.read(CSR.misa)! >>> 2) & 1).toBe(1);
  });
});

describe('breakpoints and single steps on 16-bit instructions', () => {
  it('stops at a breakpoint at pc % 4 = 2, in RAM and in ROM', () => {
    for (const at of [RAM_BASE, ROM_BASE]) {
      const { m, addrs } = mixedMachine([C.li(10, 1), C.addi(10, 1), C.addi(10, 1), C.nop], at);
      m.cpu.breakpoints.add(addrs[1]);
      expect(m.cpu.step(10)).toBe(STEP_BREAKPOINT);
      expect(m.cpu.pc).toBe(addrs[1]);
      expect(m.cpu.x[10]).toBe(1);
      m.cpu.breakpoints.delete(addrs[1]);
      m.cpu.breakpoints.add(addrs[2]);
      expect(m.cpu.step(10)).toBe(STEP_BREAKPOINT);
      expect(m.cpu.pc).toBe(addrs[2]);
    }
  });

  it('a breakpoint on one halfword of a word does not stop at the other', () => {
    const { m, addrs } = mixedMachine([C.nop, C.nop, C.nop, C.nop]);
    m.cpu.breakpoints.add(addrs[3]);
    expect(m.cpu.step(10)).toBe(STEP_BREAKPOINT);
    expect(m.cpu.pc).toBe(addrs[3]);
    expect(m.cpu.instret).toBe(3);
  });

  it('step(1) runs exactly one compressed instruction and counts it once', () => {
    const { m, addrs } = mixedMachine([C.li(10, 1), C.addi(10, 1), asm.addi(10, 10, 1)]);
    for (let i = 0; i < 3; i++) {
      expect(m.cpu.pc).toBe(addrs[i]);
      expect(m.cpu.step(1)).toBe(STEP_BUDGET);
      expect(m.cpu.instret).toBe(i + 1);
    }
    expect(m.cpu.x[10]).toBe(3);
  });
});

/** A machine just to read the sizes of its memories. */
function m0(): TestMachine {
  return testMachine([]);
}
