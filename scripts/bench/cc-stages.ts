// Where a big compile spends its time (not a timed test): for each construct of
// tests/cc/pathological.ts at one size, the CPU time of each stage of the pipeline
// (preprocess, parse, codegen, assemble), the rest of a whole compile (runtime, link, debug
// info: the whole compile's time less the stages') and the size of the assembly text codegen writes.
// It shows which stage to work on; cc-scaling.ts gives the totals and the growth.
// Usage: npx tsx scripts/bench/cc-stages.ts [construct...] [--kb N]
import { preprocess } from '../../src/toolchain/preprocess/preprocess.ts';
import { parse } from '../../src/toolchain/parse/parse.ts';
import { codegen } from '../../src/toolchain/codegen/codegen.ts';
import { assemble } from '../../src/toolchain/asm/assemble.ts';
import { compile } from '../../src/toolchain/compile.ts';
import type { Diagnostic } from '../../src/toolchain/diagnostics.ts';
import { CONSTRUCTS, programOfSize } from '../../tests/cc/pathological.ts';

const args = process.argv.slice(2);
const kbAt = args.indexOf('--kb');
const kb = kbAt >= 0 ? Number(args[kbAt + 1]) : 1024;
const names = args.filter((a, i) => !a.startsWith('--') && (kbAt < 0 || i !== kbAt + 1));

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs one stage and adds its CPU time to `times[stage]`. */
function timed<T>(times: Record<string, number>, stage: string, run: () => T): T {
  const c0 = cpuMs();
  const out = run();
  times[stage] = (times[stage] ?? 0) + cpuMs() - c0;
  return out;
}

function stages(source: string): { times: Record<string, number>; asmBytes: number } {
  const diags: Diagnostic[] = [];
  const times: Record<string, number> = {};
  const tokens = timed(times, 'pp', () => preprocess('big.c', source, { includeDirs: [], defines: {}, readFile: () => undefined }, diags));
  const tu = timed(times, 'parse', () => parse(tokens, diags));
  const asm = timed(times, 'codegen', () => codegen(tu, diags));
  timed(times, 'asm', () => assemble('big.c.s', asm, diags));
  const stagesMs = Object.values(times).reduce((a, b) => a + b, 0);
  const whole: Record<string, number> = {};
  timed(whole, 'compile', () => compile({ file: 'big.c', source }, { output: 'bare-metal-elf' }));
  times.rest = Math.max(0, whole.compile - stagesMs);
  return { times, asmBytes: asm.length };
}

console.log(`CPU ms per stage at ${kb} KB (best of 2), load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
for (const c of CONSTRUCTS) {
  if (names.length > 0 && !names.includes(c.name)) continue;
  const { source } = programOfSize(c, kb * 1024);
  let best: { times: Record<string, number>; asmBytes: number } | undefined;
  for (let run = 0; run < 2; run++) {
    const r = stages(source);
    const total = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
    if (!best || total(r.times) < total(best.times)) best = r;
  }
  const t = best!.times;
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  const cols = Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0).padStart(4)}`).join('  ');
  console.log(`${c.name.padEnd(16)} total ${total.toFixed(0).padStart(5)}  ${cols}  asm ${(best!.asmBytes / 1e6).toFixed(1)} MB`);
}
