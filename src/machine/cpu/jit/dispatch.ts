// The translator's run loop, in place of the interpreter's for a step: at
// each pc it calls the translated region that has a block there, or counts
// the pc (translating it once hot) and runs one block in the interpreter.
// Budget, interrupts, breakpoints and exits behave exactly as in the
// interpreter alone (docs/jit.md, "Time, interrupts and the budget").

import { STEP_BUDGET, STEP_EXIT, type StepResult } from '../step-result.ts';
import type { RegionHost } from './region-compiler.ts';
import type { Translator } from './translator.ts';

/** Instructions per region call at most: a hot region is re-entered often, so V8 runs
 * its optimised code from the call rather than from an on-stack replacement of a long loop. */
const REGION_CALL_CAP = 65536;

export interface DispatchHost extends RegionHost {
  instret: number;
  exitRequested: boolean;
  /** Cleared with exitRequested when a step ends on it (see Cpu.exitBeforeInterrupts). */
  exitBeforeInterrupts: boolean;
  /** pc the next interpreted instruction runs even with a breakpoint on it (a debugger's "continue"). */
  breakpointResumePc: number;
  readonly breakpoints: ReadonlySet<number>;
  readonly ramWindows: { fetch: number; load: number; store: number; translate: number; invalidate(): void; update(): boolean };
  pollInterrupts(pc: number): number;
  /** The interpreter for at most `budget` instructions; `hostMayHaveChanged` recomputes the RAM windows first. */
  interpret(budget: number, hostMayHaveChanged: boolean): StepResult;
}

/** Runs at most `budget` instructions, translated where it can. */
export function runTranslated(cpu: DispatchHost, translator: Translator, budget: number): StepResult {
  if (cpu.exitRequested) {
    cpu.exitRequested = cpu.exitBeforeInterrupts = false;
    return STEP_EXIT;
  }
  cpu.pcI = cpu.pollInterrupts(cpu.pcI);
  if (cpu.breakpointResumePc !== cpu.pcI) cpu.breakpointResumePc = -1;
  const windows = cpu.ramWindows;
  windows.invalidate(); // the host may have changed CSRs or privilege since the last step
  windows.update();
  translator.syncBreakpoints(cpu.breakpoints);
  let left = budget;
  while (left > 0) {
    // PMP checks every fetch, or watchpoints every data access: no translation.
    if (windows.translate === 0) return cpu.interpret(left, false);
    const pc = cpu.pcI;
    const entry = translator.lookup(pc);
    if (entry !== undefined && pc !== cpu.breakpointResumePc) {
      const done = entry.fn(cpu, entry.index, left > REGION_CALL_CAP ? REGION_CALL_CAP : left);
      if (done > 0) {
        cpu.instret += done;
        translator.executed += done;
        left -= done;
        continue;
      }
    } else if (entry === undefined && translator.noteCold(pc)) continue;
    const before = cpu.instret;
    const result = cpu.interpret(Math.min(left, translator.interpretLength(pc)), false);
    left -= cpu.instret - before;
    if (result !== STEP_BUDGET) return result;
  }
  return STEP_BUDGET;
}
