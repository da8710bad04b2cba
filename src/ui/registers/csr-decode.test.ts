import { describe, expect, it } from 'vitest';
import { causeName, decodeInterruptBits, decodeStatus } from './csr-decode.ts';

/** Field name → printed value, for compact expectations. */
const values = (fields: { name: string; value: string }[]) => Object.fromEntries(fields.map((f) => [f.name, f.value]));

describe('the CPU pane\'s CSR decoders', () => {
  it('read mstatus after a trap from S-mode into M-mode with interrupts on', () => {
    // MPP=S (01 at bits 12:11), MPIE=1, SPIE=1, SUM=1, MIE=0.
    const fields = decodeStatus('mstatus', (1 << 11) | (1 << 7) | (1 << 5) | (1 << 18));
    expect(values(fields)).toEqual({ SIE: '0', MIE: '0', SPIE: '1', MPIE: '1', SPP: 'U', MPP: 'S', MPRV: '0', SUM: '1', MXR: '0', TVM: '0', TW: '0', TSR: '0' });
    expect(fields.find((f) => f.name === 'MPIE')!.on).toBe(true);
    expect(values(decodeStatus('mstatus', 3 << 11)).MPP).toBe('M');
  });

  it('show sstatus as its S-mode view of the same bits', () => {
    const fields = decodeStatus('sstatus', (1 << 1) | (1 << 8) | (1 << 19) | (1 << 3));
    expect(values(fields)).toEqual({ SIE: '1', SPIE: '0', SPP: 'S', SUM: '0', MXR: '1' });
  });

  it('name the cause of a trap, interrupt or exception', () => {
    expect(causeName(0x80000009)).toBe('Supervisor external interrupt');
    expect(causeName(0x8000000b)).toBe('Machine external interrupt');
    expect(causeName(0x80000007)).toBe('Machine timer interrupt');
    expect(causeName(8)).toBe('Environment call from U-mode');
    expect(causeName(2)).toBe('Illegal instruction');
    expect(causeName(15)).toBe('Store/AMO page fault');
    expect(causeName(10)).toMatch(/Exception code 10 \(reserved/);
    expect(causeName(0x80000010)).toMatch(/Interrupt code 16/);
  });

  it('name the pending and enabled interrupts, the S-mode views showing S bits only', () => {
    const mip = decodeInterruptBits('mip', (1 << 7) | (1 << 9));
    expect(mip.filter((f) => f.on).map((f) => f.name)).toEqual(['MTIP', 'SEIP']);
    expect(mip.map((f) => f.name)).toEqual(['SSIP', 'MSIP', 'STIP', 'MTIP', 'SEIP', 'MEIP']);
    expect(decodeInterruptBits('mie', 1 << 11).filter((f) => f.on).map((f) => f.name)).toEqual(['MEIE']);
    expect(decodeInterruptBits('sie', 0x222).map((f) => `${f.name}=${f.value}`)).toEqual(['SSIE=1', 'STIE=1', 'SEIE=1']);
    expect(decodeInterruptBits('sip', 0).map((f) => f.name)).toEqual(['SSIP', 'STIP', 'SEIP']);
  });
});
