// A check rule in words, for the line beside a ✓: the teacher wrote what is
// missing when a rule fails; what a rule found when it holds is said here, from
// the rule itself, so a lesson file needs no second message.

import type { CheckRule, EventPattern } from '../../protocol/lessons/lesson.ts';

const KIND_WORDS: Partial<Record<EventPattern['kind'], string>> = {
  mmio: 'MMIO access', 'vm-exit': 'VM exit', 'vm-entry': 'return to the guest', 'irq-line': 'IRQ line change',
  plic: 'PLIC action', trap: 'trap', kcall: 'kernel call', printk: 'kernel message', timer: 'timer event',
  'device-log': 'device log line',
};

function valueText(v: EventPattern[string]): string {
  return Array.isArray(v) ? v.map(String).join(' or ') : String(v);
}

/** "MMIO access (access trap, op write, reg command)". */
export function patternText(p: EventPattern): string {
  const fields = Object.entries(p).filter(([k]) => k !== 'kind').map(([k, v]) => `${k} ${valueText(v)}`);
  const kind = KIND_WORDS[p.kind] ?? `${p.kind} event`;
  return fields.length ? `${kind} (${fields.join(', ')})` : kind;
}

function bounds(b: { atLeast?: number; atMost?: number }): string {
  if (b.atLeast !== undefined && b.atMost !== undefined) return b.atLeast === b.atMost ? `exactly ${b.atLeast}` : `${b.atLeast}–${b.atMost}`;
  return b.atMost !== undefined ? `at most ${b.atMost}` : `at least ${b.atLeast ?? 1}`;
}

/** What a rule requires, said as done. */
export function describeRule(rule: CheckRule): string {
  switch (rule.kind) {
    case 'event':
      return `Seen: ${patternText(rule.match)}${rule.count ? `, ${bounds(rule.count)}` : ''}.`;
    case 'sequence':
      return `Seen in order: ${rule.steps.map(patternText).join(' → ')}.`;
    case 'window':
      return `${rule.label ? `${rule.label[0]!.toUpperCase()}${rule.label.slice(1)}: from` : 'From'} ${patternText(rule.from)} to ${patternText(rule.to)}, `
        + `${rule.expect.map((x) => `${bounds(x)} ${patternText(x.match)}`).join(' and ')}.`;
    case 'stepped-over':
      return `You stopped on the instruction that makes the ${patternText(rule.match)} and stepped over it.`;
    case 'device':
      return `The device's ${rule.register} is ${rule.is}.`;
  }
}
