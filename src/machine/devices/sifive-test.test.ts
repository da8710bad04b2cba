import { describe, expect, it } from 'vitest';
import { SifiveTest, type FinisherRequest } from './sifive-test.ts';

function finisher() {
  const dev = new SifiveTest();
  dev.realize();
  const got: FinisherRequest[] = [];
  dev.onRequest = (r) => got.push(r);
  return { dev, got };
}

describe('SifiveTest (finisher)', () => {
  it('0x5555 powers off with status 0', () => {
    const { dev, got } = finisher();
    dev.write(0, 0x5555, 4);
    expect(got).toEqual([{ kind: 'poweroff', exitCode: 0 }]);
  });

  it('0x3333 | code << 16 powers off with the code', () => {
    const { dev, got } = finisher();
    dev.write(0, 0x3333 | (42 << 16), 4);
    expect(got).toEqual([{ kind: 'poweroff', exitCode: 42 }]);
  });

  it('0x7777 asks for a reset', () => {
    const { dev, got } = finisher();
    dev.write(0, 0x7777, 4);
    expect(got).toEqual([{ kind: 'reset' }]);
  });

  it('ignores other values and other offsets, and reads 0', () => {
    const { dev, got } = finisher();
    dev.write(0, 0x1234, 4);
    dev.write(4, 0x5555, 4);
    expect(got).toEqual([]);
    const regs = dev.mmio[0];
    expect(regs.kind === 'io' && regs.ops.read(0, 4)).toBe(0);
  });
});
