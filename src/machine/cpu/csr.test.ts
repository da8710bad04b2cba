import { describe, expect, it } from 'vitest';
import { CSR, CsrFile, MSTATUS_MPP, MSTATUS_TVM } from './csr.ts';

function csrFile(): { csr: CsrFile; ignored: number[] } {
  const ignored: number[] = [];
  const csr = new CsrFile({ instret: 0, timeSource: () => 0, satpModeIgnored: (v) => ignored.push(v >>> 0) });
  return { csr, ignored };
}

const readU = (c: CsrFile, num: number) => (c.read(num) ?? -1) >>> 0;

describe('CSR WARL masks (QEMU 7.2 less H, F, D, V)', () => {
  it('all-ones writes keep the bits this hart has', () => {
    const { csr } = csrFile();
    const cases: [number, number][] = [
      [CSR.medeleg, 0xbbff], [CSR.mideleg, 0x222], [CSR.mie, 0xaaa], [CSR.mstatus, 0x7e19aa],
      [CSR.scounteren, 0xffff_ffff], [CSR.sscratch, 0xffff_ffff], [CSR.scause, 0xffff_ffff], [CSR.stval, 0xffff_ffff],
    ];
    for (const [num, expected] of cases) {
      csr.write(num, -1);
      expect(readU(csr, num), `0x${num.toString(16)}`).toBe(expected);
    }
  });

  it('stvec ignores the reserved modes 2 and 3, as mtvec does', () => {
    const { csr } = csrFile();
    csr.write(CSR.stvec, 0x8000_0101);
    csr.write(CSR.stvec, 0x8000_0202);
    csr.write(CSR.stvec, -1);
    expect(readU(csr, CSR.stvec)).toBe(0x8000_0101);
  });
});

describe('sstatus, sie and sip are views', () => {
  it('sstatus shows and writes only SIE, SPIE, SPP, SUM, MXR of mstatus', () => {
    const { csr } = csrFile();
    csr.write(CSR.mstatus, -1);
    expect(readU(csr, CSR.sstatus)).toBe(0xc0122);
    csr.write(CSR.sstatus, 0);
    expect(readU(csr, CSR.mstatus)).toBe(0x7e19aa & ~0xc0122);
  });

  it('sie and sip show only what mideleg delegates; S may write sie, and of sip only SSIP', () => {
    const { csr } = csrFile();
    csr.write(CSR.mie, -1);
    csr.write(CSR.mip, -1);
    expect([readU(csr, CSR.sie), readU(csr, CSR.sip)]).toEqual([0, 0]);
    csr.write(CSR.mideleg, 0x202);
    expect([readU(csr, CSR.sie), readU(csr, CSR.sip)]).toEqual([0x202, 0x202]);
    csr.write(CSR.sie, 0);
    expect(readU(csr, CSR.mie)).toBe(0xaaa & ~0x202);
    csr.write(CSR.mideleg, 0x222);
    csr.write(CSR.sip, 0);
    expect(readU(csr, CSR.mip)).toBe(0x220); // SSIP cleared; STIP and SEIP are not S's to write
  });

  it('M writes SSIP, STIP and SEIP in mip, not the M bits', () => {
    const { csr } = csrFile();
    csr.write(CSR.mip, -1);
    expect(readU(csr, CSR.mip)).toBe(0x222);
  });

  it('mip.SEIP is the PLIC context 1 line ORed with what software wrote', () => {
    const { csr } = csrFile();
    csr.setInterruptLine(9, true);
    csr.write(CSR.mip, 0);
    expect(readU(csr, CSR.mip)).toBe(0x200); // the line still holds it
    csr.write(CSR.mip, 0x200);
    csr.setInterruptLine(9, false);
    expect(readU(csr, CSR.mip)).toBe(0x200); // software still holds it
    csr.write(CSR.mip, 0);
    expect(readU(csr, CSR.mip)).toBe(0);
  });
});

describe('access rules', () => {
  it('U reads a counter only with both mcounteren and scounteren; S needs mcounteren', () => {
    const { csr } = csrFile();
    csr.mcounteren = 1;
    expect(csr.accessible(CSR.cycle, 1, false)).toBe(true);
    expect(csr.accessible(CSR.cycle, 0, false)).toBe(false);
    csr.scounteren = 1;
    expect(csr.accessible(CSR.cycle, 0, false)).toBe(true);
    expect(csr.accessible(CSR.time, 1, false)).toBe(false);
  });

  it('S-mode CSRs need S or M; satp traps in S under TVM', () => {
    const { csr } = csrFile();
    expect(csr.accessible(CSR.sepc, 0, false)).toBe(false);
    expect(csr.accessible(CSR.satp, 1, true)).toBe(true);
    csr.mstatus = MSTATUS_TVM;
    expect(csr.accessible(CSR.satp, 1, false)).toBe(false);
    expect(csr.accessible(CSR.satp, 3, true)).toBe(true);
  });

  it('satp: Sv32 writes are ignored and reported; Bare writes keep ASID and PPN', () => {
    const { csr, ignored } = csrFile();
    csr.write(CSR.satp, 0x7fff_ffff);
    csr.write(CSR.satp, 0x8000_0001);
    expect(readU(csr, CSR.satp)).toBe(0x7fff_ffff);
    expect(ignored).toEqual([0x8000_0001]);
  });

  it('MPP takes S', () => {
    const { csr } = csrFile();
    csr.write(CSR.mstatus, 1 << 11);
    expect(csr.mstatus & MSTATUS_MPP).toBe(1 << 11);
  });
});
