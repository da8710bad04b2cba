// A rule that holds is listed with what it found, said from the rule itself.
import { describe, expect, it } from 'vitest';
import { describeRule, patternText } from './rule-text.ts';

describe('a check rule in words', () => {
  it('names an event by its kind and the fields it must have', () => {
    expect(patternText({ kind: 'mmio', access: 'trap', op: 'write', reg: 'command', valueName: ['START', 'UPDATE'] }))
      .toBe('MMIO access (access trap, op write, reg command, valueName START or UPDATE)');
    expect(patternText({ kind: 'vm-entry' })).toBe('return to the guest');
  });

  it('says each kind of rule as done', () => {
    expect(describeRule({ kind: 'event', match: { kind: 'vm-exit' }, count: { atMost: 1 }, missing: 'x' })).toBe('Seen: VM exit, at most 1.');
    expect(describeRule({ kind: 'sequence', steps: [{ kind: 'irq-line', level: 1 }, { kind: 'plic', action: 'claim' }], missing: 'x' }))
      .toBe('Seen in order: IRQ line change (level 1) → PLIC action (action claim).');
    expect(describeRule({
      kind: 'window', label: 'shared memory', from: { kind: 'kcall', name: 'a' }, to: { kind: 'kcall', name: 'b' },
      expect: [{ match: { kind: 'vm-exit' }, atMost: 0 }], missing: 'x',
    })).toBe('Shared memory: from kernel call (name a) to kernel call (name b), at most 0 VM exit.');
    expect(describeRule({ kind: 'stepped-over', match: { kind: 'mmio', reg: 'command' }, missing: 'x' }))
      .toBe('You stopped on the instruction that makes the MMIO access (reg command) and stepped over it.');
    expect(describeRule({ kind: 'device', register: 'status', is: 'RUNNING', missing: 'x' })).toBe("The device's status is RUNNING.");
  });
});
