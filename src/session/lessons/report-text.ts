// The autograder's report as a student reads it in a terminal or a CI log:
// what went wrong first (the compiler's errors, insmod's, the kernel's oops),
// what the guest printed when something failed, one line per rule (✓ what it
// asked for, ✗ what is missing), and the verdict last, where a CI log is read
// from the bottom.

import type { GradeReport } from './grade.ts';
import { describeRule } from '../../protocol/lessons/describe-rule.ts';

export interface ReportTextOptions {
  /** Show the commands' output and the driver's kernel log even when the lesson passed. */
  verbose?: boolean;
}

/** Virtual time as a student reads it: "5.0 µs", "12.3 ms", "1.00 s". */
export function durationText(ns: number): string {
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(1)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}

const indent = (text: string): string => text.replace(/\n$/, '').split('\n').map((l) => `  ${l}`).join('\n');

function transcript(report: GradeReport): string[] {
  const lines: string[] = ['What the guest shell printed:'];
  for (const c of report.commands) {
    lines.push(`  $ ${c.command}`);
    if (c.output) lines.push(indent(c.output));
    if (c.status === null) lines.push('  (did not finish)');
    else if (c.status !== 0) lines.push(`  (exit status ${c.status})`);
  }
  return lines;
}

/** The verdict line: "lesson 5 passed", "lesson 5 failed: 2 of its 3 checks did not pass", or the problem that stopped the run. */
export function verdictLine(report: GradeReport): string {
  if (report.ok) return `lesson ${report.lesson} passed`;
  if (report.problem) return `lesson ${report.lesson} failed: ${report.problem.message}`;
  const rules = report.check?.rules ?? [];
  return `lesson ${report.lesson} failed: ${rules.filter((r) => !r.ok).length} of its ${rules.length} checks did not pass`;
}

/** Lines of the kernel log a failed run shows (all of them with --verbose): the end, where the driver's own lines are. */
const LOG_TAIL = 40;

function driverLog(report: GradeReport, verbose: boolean): string[] {
  const lines = report.driverLog.replace(/\n$/, '').split('\n');
  if (report.driverLog === '') return [];
  const shown = verbose ? lines : lines.slice(-LOG_TAIL);
  const head = shown.length < lines.length
    ? `The kernel log from the insmod on (its last ${shown.length} of ${lines.length} lines; --verbose shows all):`
    : 'The kernel log from the insmod on:';
  return [head, indent(shown.join('\n')), ''];
}

export function reportText(report: GradeReport, options: ReportTextOptions = {}): string {
  const out: string[] = [`lesson ${report.lesson}, ${report.title}: your driver, inserted as module ${report.module}`, ''];
  const p = report.problem;
  const failed = !report.ok;
  if (p?.kind === 'compile') out.push(p.diagnostics, '');
  if (p?.kind === 'oops') out.push(`${p.message}. The kernel's report:`, indent(p.oops), '');
  if (report.commands.length > 0 && (failed || options.verbose)) out.push(...transcript(report), '');
  if (p?.kind !== 'compile' && (failed || options.verbose)) out.push(...driverLog(report, options.verbose ?? false));
  if (report.check) {
    for (const r of report.check.rules) out.push(r.ok ? `✓ ${describeRule(r.rule)}` : `✗ ${r.message}`);
    for (const f of report.check.figures) {
      out.push(`  ${f.label}: ${f.exits} VM exit${f.exits === 1 ? '' : 's'} (${durationText(f.exitNs)}), `
        + `${f.passthrough} pass-through access${f.passthrough === 1 ? '' : 'es'}, ${durationText(f.spanNs)} in all`);
    }
  }
  for (const n of report.notes) out.push(`note: ${n}`);
  out.push(verdictLine(report));
  return `${out.join('\n')}\n`;
}
