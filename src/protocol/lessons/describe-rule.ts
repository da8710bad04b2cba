// A lesson's check rules in words, for the page's Check and the autograder's report: a rule that
// holds is printed as what it asked for ("✓ a trapped write of START to
// `command`"), since its `missing` text only speaks of the failure. The words
// come from the rule's patterns, so a teacher's new lesson reads well without
// writing a second text for each rule.

import type { CheckRule, CountBounds, EventPattern } from './lesson.ts';

type PatternValue = EventPattern[string];

/** A number as the trace shows it: an address in hex, a count or a status in decimal. */
const numberText = (n: number): string => (n >= 0x10000 ? `0x${n.toString(16).padStart(8, '0')}` : String(n));

/** A pattern value as a student reads it: a list is "A or B", a regular expression stays as written. */
function valueText(v: PatternValue | undefined): string {
  if (v === undefined) return '';
  const one = (x: string | number | boolean): string => (typeof x === 'number' ? numberText(x) : String(x));
  return Array.isArray(v) ? v.map(one).join(' or ') : one(v);
}

const code = (v: PatternValue | undefined): string => `\`${valueText(v)}\``;

function mmioText(p: EventPattern): string {
  const access = p.access === 'trap' ? 'trapped ' : p.access === 'passthrough' ? 'pass-through ' : '';
  const op = p.op === undefined ? 'access' : valueText(p.op);
  const value = p.valueName !== undefined ? ` of ${valueText(p.valueName)}` : p.value !== undefined ? ` of ${valueText(p.value)}` : '';
  const preposition = p.op === 'write' ? 'to' : p.op === 'read' ? 'of' : 'at';
  const target = p.reg !== undefined ? ` ${preposition} ${code(p.reg)}` : p.region !== undefined ? ` ${preposition} the ${valueText(p.region)} region` : '';
  const article = /^[aeiou]/.test(access || op) ? 'an' : 'a';
  return `${article} ${access}${op}${value}${target}`;
}

/** One event pattern in words ("a VM exit into `stopwatch_io_write`"). */
export function describePattern(p: EventPattern): string {
  switch (p.kind) {
    case 'mmio': return mmioText(p);
    case 'vm-exit': return `a VM exit${p.reg !== undefined ? ` on ${code(p.reg)}` : ''}${p.callback !== undefined ? ` into ${code(p.callback)}` : ''}`;
    case 'vm-entry': return 'a return from the host to the guest (VM entry)';
    case 'kcall':
      if (p.into === 'irq-handler') return `the kernel calling the interrupt handler${p.name !== undefined ? ` ${code(p.name)}` : ''}`;
      if (p.into !== undefined) return `the kernel calling the driver's ${p.name !== undefined ? code(p.name) : 'code'}`;
      return (p.name !== undefined ? `a call to ${code(p.name)}` : 'a call to a kernel service') + (p.ret !== undefined ? ` returning ${code(p.ret)}` : '');
    case 'irq-line': return `the interrupt line${p.line !== undefined ? ` ${code(p.line)}` : ''} going ${p.level === 0 ? 'low' : p.level === 1 ? 'high' : 'up or down'}`;
    case 'plic': return `a PLIC ${p.action !== undefined ? valueText(p.action) : 'event'}${p.source !== undefined ? ` of source ${valueText(p.source)}` : ''}`;
    case 'trap': return p.causeName !== undefined ? `a trap (${valueText(p.causeName)})` : p.interrupt === true ? 'an interrupt trap' : 'a trap';
    case 'trap-return': return `a return from a trap${p.via !== undefined ? ` (${valueText(p.via)})` : ''}`;
    case 'printk': return p.text !== undefined ? `the kernel log line ${code(p.text)}` : 'a kernel log line';
    case 'timer': return `a timer ${p.action !== undefined ? valueText(p.action) : 'event'}${p.owner !== undefined ? ` of ${code(p.owner)}` : ''}`;
    case 'device-error': return 'a device error';
    case 'device-log': return p.message !== undefined ? `the device logging ${code(p.message)}` : 'a device log line';
    case 'uart': return 'a byte on the serial port';
    case 'insn': return 'an instruction';
  }
}

function boundsText(b: CountBounds | undefined): string {
  if (!b) return '';
  if (b.atLeast !== undefined && b.atMost !== undefined) return b.atLeast === b.atMost ? `exactly ${b.atLeast}` : `${b.atLeast} to ${b.atMost}`;
  if (b.atMost !== undefined) return `at most ${b.atMost}`;
  return b.atLeast !== undefined && b.atLeast !== 1 ? `at least ${b.atLeast}` : '';
}

/** What a rule asks for, in one line (for a rule that holds, or a list of what a lesson checks). */
export function describeRule(rule: CheckRule): string {
  switch (rule.kind) {
    case 'event': {
      const n = boundsText(rule.count);
      return n ? `${describePattern(rule.match)}: ${n}` : describePattern(rule.match);
    }
    case 'sequence': return rule.steps.map(describePattern).join(', then ');
    case 'window': {
      const counts = rule.expect.map((x) => (x.atMost === 0
        ? `no ${describePattern(x.match).replace(/^(an?|the) /, '')}`
        : `${boundsText(x) || 'at least 1'} × ${describePattern(x.match)}`)).join(', ');
      const name = rule.label ? `${rule.label}: ` : '';
      return `${name}from ${describePattern(rule.from)} to ${describePattern(rule.to)}, ${counts}`;
    }
    case 'stepped-over': return `you stepped over ${describePattern(rule.match)} in the debugger`;
    case 'device': return `the device's \`${rule.register}\` reads ${rule.is}`;
  }
}
