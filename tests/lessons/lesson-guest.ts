// A guest for the lessons' tests and trace recordings: the real GuestSystem
// (the page's kernel, shell and board) with the tracer on, a lesson's driver
// built by kernel-C from its source, and the evidence a lesson's check reads
// (trace, debugger stops, device registers) gathered as the page gathers it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../../src/toolchain/compile.ts';
import { GuestSystem, type GuestModuleObject } from '../../src/guest/system.ts';
import { DeviceViewSource } from '../../src/session/device-view.ts';
import type { TraceEvent } from '../../src/protocol/trace-events.ts';
import type { LessonEvidence, LessonStop } from '../../src/protocol/lessons/lesson.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const GUEST = join(ROOT, 'src/guest');
/** Where the stock header stopwatch_hw-sw.h lives: every lesson driver includes it. */
const STOCK_HEADER_DIR = join(GUEST, 'drivers/stopwatch');

/** The guest's control script, by the path the page's terminal uses. */
export const CTRL = '/guest_fs/stopwatch_ctrl.sh';

/**
 * A driver source built into a module as Build & load builds it: `module`
 * names it (the lesson's module, "stopwatch" by default, so that it replaces
 * the stock driver and stopwatch_ctrl.sh drives it).
 */
export function buildLessonDriver(file: string, module = 'stopwatch'): GuestModuleObject {
  const readFile = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };
  const r = compile({
    file, source: readFileSync(file, 'utf8'), includeDirs: [dirname(file), STOCK_HEADER_DIR, join(GUEST, 'include')], readFile,
    defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: `"${module}"` },
  }, { output: 'object' });
  if (!r.objectBytes) throw new Error(`${file} does not build:\n${r.diagnostics.map((d) => `${d.loc.line}: ${d.message}`).join('\n')}`);
  return { name: module, object: r.objectBytes };
}

/** The stock driver, as the page boots with it. */
export const stockDriver = (): GuestModuleObject => buildLessonDriver(join(STOCK_HEADER_DIR, 'stopwatch.c'));

export interface LessonGuest {
  sys: GuestSystem;
  /** Every trace event since power-on, oldest first. */
  trace: TraceEvent[];
  stops: LessonStop[];
  /** What the shell printed (stdout and stderr) since the last `run`. */
  output: string;
  /** The kernel's console lines since power-on. */
  console: string;
  /** Runs one command line at the prompt; its exit status. */
  run(line: string): Promise<number>;
  /** Moves the tracer's new events into `trace`. */
  drain(): void;
  /** Build & load as the page does it: rmmod of the running module, insmod of `driver`. */
  reload(driver: GuestModuleObject): Promise<void>;
  evidence(): LessonEvidence;
}

/** Boots the guest with `driver` (null: none) inserted at boot, tracer on. */
export async function bootLessonGuest(driver: GuestModuleObject | null, onBreakpoint?: (g: LessonGuest, pc: number) => void): Promise<LessonGuest> {
  const dec = new TextDecoder();
  const g = { trace: [] as TraceEvent[], stops: [] as LessonStop[], output: '', console: '' } as LessonGuest;
  const drain = () => { g.trace.push(...g.sys.board.tracer.drain()); };
  g.drain = drain;
  g.sys = new GuestSystem({
    modules: driver ? [driver] : [],
    stdout: (b) => { g.output += dec.decode(b); }, stderr: (b) => { g.output += dec.decode(b); },
    console: (l) => { g.console += l.endsWith('\n') ? l : `${l}\n`; },
    onSlices: drain,
    ...(onBreakpoint ? { onBreakpoint: (pc: number) => { drain(); onBreakpoint(g, pc); } } : {}),
  });
  g.sys.board.tracer.enabled = true;
  g.run = async (line) => {
    g.output = '';
    const status = await g.sys.execute(line);
    drain();
    return status;
  };
  g.reload = async (next) => {
    const path = `/root/${next.name}.ko`;
    g.sys.vfs.mkdirp('/root');
    g.sys.vfs.writeFile(path, next.object);
    if (g.sys.kernel.modules.some((m) => m.name === next.name) && await g.run(`rmmod ${next.name}`) !== 0) throw new Error(`rmmod ${next.name} failed: ${g.output}`);
    if (await g.run(`insmod ${path}`) !== 0) throw new Error(`insmod ${path} failed: ${g.output}`);
  };
  g.evidence = () => {
    drain();
    const view = new DeviceViewSource(g.sys.board).view();
    const device: LessonEvidence['device'] = view
      ? Object.fromEntries(view.registers.map((r) => [r.name, r.valueName === undefined ? { raw: r.raw } : { raw: r.raw, valueName: r.valueName }]))
      : null;
    return { trace: g.trace, stops: g.stops, device };
  };
  await g.sys.boot();
  drain();
  return g;
}

/** The newest event's seq (-1: none), as a stop records it. */
export const lastSeq = (g: LessonGuest): number => g.trace.at(-1)?.seq ?? -1;
