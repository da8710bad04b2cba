// A lesson's check: each rule read against the evidence (the trace, the
// debugger's stops, the device's registers). The same code runs in the page
// (the Check button) and headless (`paravirt lesson check`), so a student and
// an autograder get the same verdict and the same messages. One pass over the
// trace per rule: a page's ring holds 200,000 events.

import type { TraceEvent } from '../trace-events.ts';
import { firstAfterSeq, seqSource } from '../seq-search.ts';
import { regexOf } from './front-matter.ts';
import type {
  CheckResult, CheckRule, CountBounds, EventPattern, LessonEvidence, LessonStop, RuleResult, WindowFigures,
} from './lesson.ts';

type Matcher = (event: TraceEvent) => boolean;

type Scalar = string | number | boolean;

function valueTest(want: Scalar): (v: unknown) => boolean {
  if (typeof want !== 'string') return (v) => v === want;
  const re = regexOf(want);
  return re ? (v) => v !== undefined && re.test(String(v)) : (v) => v === want;
}

/** A compiled EventPattern: every field of the pattern must match the event's. */
export function compilePattern(pattern: EventPattern): Matcher {
  const tests = Object.entries(pattern).map(([key, want]) => {
    const alternatives = (Array.isArray(want) ? want : [want]).map(valueTest);
    return (e: TraceEvent) => {
      const v = (e as unknown as Record<string, unknown>)[key];
      return alternatives.some((t) => t(v));
    };
  });
  return (e) => tests.every((t) => t(e));
}

function within(n: number, b: CountBounds): boolean {
  return (b.atLeast === undefined || n >= b.atLeast) && (b.atMost === undefined || n <= b.atMost);
}

function boundsText(b: CountBounds): string {
  if (b.atLeast !== undefined && b.atMost !== undefined) return b.atLeast === b.atMost ? `exactly ${b.atLeast}` : `${b.atLeast} to ${b.atMost}`;
  return b.atMost !== undefined ? `at most ${b.atMost}` : `at least ${b.atLeast ?? 1}`;
}

const result = (rule: CheckRule, ok: boolean, found?: string): RuleResult =>
  ({ rule, ok, message: ok ? '' : found ? `${rule.missing} (${found})` : rule.missing });

function checkEvent(rule: Extract<CheckRule, { kind: 'event' }>, trace: readonly TraceEvent[]): RuleResult {
  const match = compilePattern(rule.match);
  const bounds = rule.count ?? { atLeast: 1 };
  let n = 0;
  for (const e of trace) if (match(e)) n++;
  return result(rule, within(n, bounds), rule.count ? `found ${n}, expected ${boundsText(bounds)}` : undefined);
}

function checkSequence(rule: Extract<CheckRule, { kind: 'sequence' }>, trace: readonly TraceEvent[]): RuleResult {
  const steps = rule.steps.map(compilePattern);
  let next = 0;
  for (const e of trace) {
    if (next < steps.length && steps[next]!(e)) next++;
  }
  const ok = next === steps.length;
  return result(rule, ok, ok || next === 0 ? undefined : `found the first ${next} of ${steps.length} events in order`);
}

interface Stretch {
  counts: number[];
  exits: number;
  exitNs: number;
  passthrough: number;
}

const emptyStretch = (n: number): Stretch => ({ counts: new Array<number>(n).fill(0), exits: 0, exitNs: 0, passthrough: 0 });

/** Windows from the latest `from` to the next `to`: the shortest stretch that each `to` closes. */
function checkWindow(rule: Extract<CheckRule, { kind: 'window' }>, trace: readonly TraceEvent[]): { result: RuleResult; figures?: WindowFigures } {
  const from = compilePattern(rule.from), to = compilePattern(rule.to);
  const expects = rule.expect.map((x) => ({ match: compilePattern(x.match), bounds: x }));
  let start: TraceEvent | null = null;
  let stretch = emptyStretch(expects.length);
  let passed: WindowFigures | null = null, last: WindowFigures | null = null;
  let lastCounts: number[] = [];
  for (const e of trace) {
    if (start !== null && to(e)) {
      const figures = { label: rule.label ?? 'window', exits: stretch.exits, passthrough: stretch.passthrough, exitNs: stretch.exitNs, spanNs: e.timeNs - start.timeNs };
      last = figures;
      lastCounts = stretch.counts;
      if (expects.every((x, i) => within(stretch.counts[i]!, x.bounds))) passed = figures;
      start = null;
    }
    if (from(e)) {
      start = e;
      stretch = emptyStretch(expects.length);
      continue;
    }
    if (start === null) continue;
    expects.forEach((x, i) => { if (x.match(e)) stretch.counts[i]!++; });
    if (e.kind === 'vm-exit') { stretch.exits++; stretch.exitNs += e.costNs; }
    else if (e.kind === 'mmio' && e.access === 'passthrough') stretch.passthrough++;
  }
  const figures = passed ?? last;
  let found: string | undefined;
  if (!passed && last) {
    found = 'in the last stretch: ' + rule.expect.map((x, i) => `${lastCounts[i]} ${x.match.kind} (expected ${boundsText(x)})`).join(', ');
  }
  return { result: result(rule, passed !== null, found), ...(figures && rule.label ? { figures } : {}) };
}

/** Did a stop at the instruction that makes a matching event come right before a step, with the event in between? */
function checkSteppedOver(rule: Extract<CheckRule, { kind: 'stepped-over' }>, trace: readonly TraceEvent[], stops: readonly LessonStop[]): RuleResult {
  const match = compilePattern(rule.match);
  for (let i = 0; i + 1 < stops.length; i++) {
    const [at, after] = [stops[i]!, stops[i + 1]!];
    if (after.cause !== 'step') continue;
    for (let k = firstAfterSeq(seqSource(trace), at.lastSeq); k < trace.length && trace[k]!.seq <= after.lastSeq; k++) {
      const e = trace[k]!;
      if (e.pc === at.pc && match(e)) return result(rule, true);
    }
  }
  return result(rule, false, stops.length === 0 ? 'the hart has not stopped yet' : undefined);
}

function checkDevice(rule: Extract<CheckRule, { kind: 'device' }>, device: LessonEvidence['device']): RuleResult {
  const reg = device?.[rule.register];
  if (!reg) return result(rule, false, device ? `the device has no register "${rule.register}"` : 'the device is not known yet');
  const ok = typeof rule.is === 'number' ? reg.raw === rule.is : reg.valueName === rule.is;
  return result(rule, ok, ok ? undefined : `${rule.register} is ${reg.valueName ?? `0x${reg.raw.toString(16)}`}`);
}

/** Every rule against the evidence: the check passes when all hold. */
export function evaluateCheck(rules: readonly CheckRule[], evidence: LessonEvidence): CheckResult {
  const figures: WindowFigures[] = [];
  const results = rules.map((rule): RuleResult => {
    switch (rule.kind) {
      case 'event': return checkEvent(rule, evidence.trace);
      case 'sequence': return checkSequence(rule, evidence.trace);
      case 'window': {
        const w = checkWindow(rule, evidence.trace);
        if (w.figures) figures.push(w.figures);
        return w.result;
      }
      case 'stepped-over': return checkSteppedOver(rule, evidence.trace, evidence.stops);
      case 'device': return checkDevice(rule, evidence.device);
    }
  });
  return { ok: results.every((r) => r.ok), rules: results, figures };
}
