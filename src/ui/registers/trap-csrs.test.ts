import { describe, expect, it } from 'vitest';
import { trapCsrNames } from './trap-csrs.ts';

describe('the CPU pane\'s trap CSRs', () => {
  it('follow the mode: s* in S, m* in M, both in U once M delegates', () => {
    expect(trapCsrNames('S', {})).toContain('scause');
    expect(trapCsrNames('S', {})).not.toContain('mcause');
    expect(trapCsrNames('M', { medeleg: 8 })).not.toContain('scause');
    expect(trapCsrNames('U', {})).toEqual(trapCsrNames('M', {}));
    expect(trapCsrNames('U', { mideleg: 2 })).toEqual(expect.arrayContaining(['mcause', 'scause', 'sepc', 'stvec']));
  });
});
