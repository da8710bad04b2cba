// A rule that holds is printed as what it asked for; these are the words a
// student reads for the kinds of rule and event the lessons use.
import { describe, expect, it } from 'vitest';
import { describePattern, describeRule } from './describe-rule.ts';

describe('describePattern', () => {
  it('names accesses, exits, calls, lines and the PLIC as a student would', () => {
    expect(describePattern({ kind: 'mmio', access: 'trap', op: 'write', reg: 'command', valueName: 'START' })).toBe('a trapped write of START to `command`');
    expect(describePattern({ kind: 'mmio', access: 'passthrough', op: 'read', reg: '/^data/' })).toBe('a pass-through read of `/^data/`');
    expect(describePattern({ kind: 'mmio', op: 'write' })).toBe('a write');
    expect(describePattern({ kind: 'vm-exit', callback: 'stopwatch_io_write' })).toBe('a VM exit into `stopwatch_io_write`');
    expect(describePattern({ kind: 'kcall', into: 'irq-handler' })).toBe('the kernel calling the interrupt handler');
    expect(describePattern({ kind: 'kcall', into: 'driver', name: 'stopwatch_time_read' })).toBe("the kernel calling the driver's `stopwatch_time_read`");
    expect(describePattern({ kind: 'kcall', name: ['ioremap', 'devm_ioremap'] })).toBe('a call to `ioremap or devm_ioremap`');
    expect(describePattern({ kind: 'irq-line', level: 1 })).toBe('the interrupt line going high');
    expect(describePattern({ kind: 'plic', action: 'claim', source: 64 })).toBe('a PLIC claim of source 64');
    expect(describePattern({ kind: 'kcall', name: 'devm_platform_ioremap_resource', ret: 0x04000090 }))
      .toBe('a call to `devm_platform_ioremap_resource` returning `0x04000090`');
  });
});

describe('describeRule', () => {
  it('says what each kind of rule asks for', () => {
    expect(describeRule({ kind: 'event', match: { kind: 'vm-exit' }, count: { atMost: 1 }, missing: '' })).toBe('a VM exit: at most 1');
    expect(describeRule({ kind: 'sequence', steps: [{ kind: 'irq-line', level: 1 }, { kind: 'plic', action: 'claim' }], missing: '' }))
      .toBe('the interrupt line going high, then a PLIC claim');
    expect(describeRule({ kind: 'device', register: 'status', is: 'RUNNING', missing: '' })).toBe("the device's `status` reads RUNNING");
    expect(describeRule({
      kind: 'window', label: 'show', from: { kind: 'kcall', name: 'a' }, to: { kind: 'kcall', name: 'b' },
      expect: [{ match: { kind: 'vm-exit' }, atMost: 1 }], missing: '',
    })).toBe('show: from a call to `a` to a call to `b`, at most 1 × a VM exit');
    expect(describeRule({
      kind: 'window', from: { kind: 'kcall', name: 'a' }, to: { kind: 'kcall', name: 'b', ret: '/^[1-9]/' },
      expect: [{ match: { kind: 'vm-exit' }, atMost: 0 }, { match: { kind: 'mmio', access: 'passthrough' }, atLeast: 2 }], missing: '',
    })).toBe('from a call to `a` to a call to `b` returning `/^[1-9]/`, no VM exit, at least 2 × a pass-through access');
  });
});
