// The sentences the live region reads out: the run state as it changes, the
// outcome of a build. Short, because a screen reader speaks all of it, and
// with the address where the machine stopped, because that is the first
// thing a student stepping through a program wants to know.

import type { RunState } from '../../protocol/messages.ts';
import { hex32 } from '../../protocol/registers.ts';
import { describeStop, type StopReason } from '../../protocol/stop-reason.ts';
import { describeTraceEvent } from '../../protocol/trace-text.ts';
import { describeEventStepTarget } from '../../protocol/trace-lanes.ts';
import type { BuildReport } from '../store/build-slice.ts';

export interface RunView {
  runState: RunState;
  stop: StopReason | null;
  /** pc of the last register snapshot (the worker sends it before the status that stops). */
  pc: number | null;
}

function why(stop: StopReason | null): string {
  if (!stop) return '';
  switch (stop.reason) {
    case 'pause': return ' (Pause pressed)';
    case 'breakpoint': return ' (breakpoint)';
    case 'watchpoint': return stop.hit.when === 'before'
      ? ` (watchpoint: before the VM exit, ${stop.hit.access === 'write' ? 'about to write' : 'about to read'} ${stop.hit.reg ?? `0x${(stop.hit.addr >>> 0).toString(16)}`}; the device has not run yet)`
      : ` (watchpoint: ${stop.hit.access} of ${stop.hit.size} byte${stop.hit.size === 1 ? '' : 's'} at 0x${(stop.hit.addr >>> 0).toString(16)})`;
    case 'event': return stop.at.kind === 'exit'
      ? ` (next VM exit: about to ${stop.at.hit.access} ${stop.at.hit.device ?? ''} ${stop.at.hit.reg ?? `0x${(stop.at.hit.addr >>> 0).toString(16)}`}, before the device model runs)`
      : ` (${describeEventStepTarget(stop.target)}: ${describeTraceEvent(stop.at.event)})`;
    case 'source-step': return ` (${stop.message})`;
    case 'step': return stop.waiting ? ` (stepped ${stop.count}; waiting in wfi for an interrupt)` : ` (stepped ${stop.count} instruction${stop.count === 1 ? '' : 's'})`;
    default: return '';
  }
}

/** What to say when the machine's state changes ('' when there is nothing to say). */
export function runAnnouncement(v: RunView): string {
  switch (v.runState) {
    case 'empty':
      return '';
    case 'running':
      return 'Running';
    case 'paused':
      return v.pc === null ? 'Paused' : `Paused at 0x${hex32(v.pc)}${why(v.stop)}`;
    case 'halted':
      return `Guest halted: ${v.stop ? describeStop(v.stop) : 'the machine stopped. Press Reset to boot it again.'}`;
  }
}

/** What to say when a build finishes. */
export function buildAnnouncement(build: BuildReport): string {
  const count = (severity: string) => build.diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (build.message) return build.message; // a driver's build says what happened in the guest
  if (build.ok) {
    const warned = warnings > 0 ? ` with ${plural(warnings, 'warning')} (see the Build pane)` : '';
    return `Build of ${build.name} succeeded${warned}; the program is loaded and paused. Press F5 to run it.`;
  }
  const kept = build.keptProgram ? ` ${build.keptProgram} stays loaded.` : '';
  const what = errors > 0 ? `${plural(errors, 'error')}${warnings > 0 ? ` and ${plural(warnings, 'warning')}` : ''}` : 'it could not be loaded';
  return `Build of ${build.name} failed: ${what}. The Build pane shows where.${kept}`;
}
