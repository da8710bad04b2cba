// Records, for each lesson, the evidence its check reads when the student did
// the lesson (NN-pass.json) and when they left a step out (NN-fail.json): the
// real guest (kernel, shell, board) runs the lesson's scenario with the tracer
// on, and the trace, the debugger's stops and the device's registers are
// written to tests/lessons/traces/. tests/lessons/lesson-checks.test.ts reads
// them, so a change to a lesson's rules is tested against real machines.
//
//   npx tsx scripts/record-lesson-traces.ts          every lesson
//   npx tsx scripts/record-lesson-traces.ts 4 5      only these
//
// The traces are deterministic (virtual time), so recording again gives the
// same files unless the guest, the board or a driver changed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from '../src/protocol/trace-events.ts';
import type { LessonEvidence } from '../src/protocol/lessons/lesson.ts';
import { lessonScenarios } from '../tests/lessons/lesson-scenarios.ts';
import { ROOT } from '../tests/lessons/lesson-guest.ts';

const OUT = join(ROOT, 'tests/lessons/traces');
/** Larger files would slow the tests and the repository for nothing: a check needs a few hundred events. */
const MAX_BYTES = 200_000;

/** Instructions and UART bytes say nothing a check reads: left out. */
const useful = (e: TraceEvent): boolean => e.kind !== 'insn' && e.kind !== 'uart';

function write(name: string, about: string, evidence: LessonEvidence): void {
  const file = join(OUT, name);
  const text = `${JSON.stringify({ about, trace: evidence.trace.filter(useful), stops: evidence.stops, device: evidence.device })}\n`;
  if (text.length > MAX_BYTES) throw new Error(`${name} would be ${text.length} bytes (more than ${MAX_BYTES}): trim its scenario's trace`);
  writeFileSync(file, text);
  console.log(`${name}: ${text.length} bytes — ${about}`);
}

const wanted = process.argv.slice(2).map(Number);
mkdirSync(OUT, { recursive: true });
for (const s of lessonScenarios) {
  if (wanted.length > 0 && !wanted.includes(s.lesson)) continue;
  const nn = String(s.lesson).padStart(2, '0');
  write(`${nn}-pass.json`, s.pass.about, await s.pass.run());
  write(`${nn}-fail.json`, s.fail.about, await s.fail.run());
}
