// For the debugger's tests: a booted guest with one driver module, a
// GuestDebugger in its breakpoint hook that answers each stop from a script
// (then "continue"), and the module's source map.
import { GuestSystem } from '../../src/guest/system.ts';
import type { GuestModuleObject } from '../../src/guest/system.ts';
import { GuestDebugger, type DebugCommand, type DebugStop } from '../../src/session/guest-debugger.ts';
import { SourceMap } from '../../src/session/source-map.ts';

export interface DebugHarness {
  sys: GuestSystem;
  dbg: GuestDebugger;
  map: SourceMap;
  stops: DebugStop[];
  stdout(): string;
  console(): string;
}

export async function bootWithDebugger(module: GuestModuleObject, script: DebugCommand[],
  atStop: (h: DebugHarness, stop: DebugStop) => void = () => {}): Promise<DebugHarness> {
  let stdout = '', console = '';
  const stops: DebugStop[] = [];
  const dbg: GuestDebugger = new GuestDebugger(() => sys, async (stop) => {
    stops.push(stop);
    atStop(harness, stop);
    return script.shift() ?? { kind: 'continue' };
  });
  const sys: GuestSystem = new GuestSystem({
    modules: [module], onBreakpoint: dbg.onBreakpoint,
    stdout: (b) => { stdout += new TextDecoder().decode(b); },
    console: (line) => { console += line; },
  });
  const harness: DebugHarness = { sys, dbg, map: null as unknown as SourceMap, stops, stdout: () => stdout, console: () => console };
  await sys.boot();
  const map = SourceMap.forModule(sys, module.name, module.object);
  if (!map) throw new Error(`the module ${module.name} did not load`);
  harness.map = map;
  dbg.setCode(map);
  return harness;
}

/** "function:line" of a stop. */
export const where = (s: DebugStop): string => `${s.location?.function}:${s.location?.line}`;
