// Compile speed with Linux-shaped headers (not a timed test): the article's stopwatch driver
// (src/guest/drivers/stopwatch/stopwatch.c) against src/guest/include, to a module object,
// in process. Cold: the first build in a fresh process (a child Node process, as `paravirt cc`
// or a new worker would be). Warm: the median of N more builds in one process.
// Targets: warm under 60 ms, cold under 300 ms.
// Usage: npx tsx scripts/bench/cc-linux-bench.ts [N]   (--once: one cold build, prints its ms)
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { compile } from '../../src/toolchain/compile.ts';
import { formatDiagnostic } from '../../src/toolchain/diagnostics.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const file = join(root, 'src/guest/drivers/stopwatch/stopwatch.c');
const include = join(root, 'src/guest/include');
const WARM_TARGET = 60, COLD_TARGET = 300;

interface Timing { wall: number; cpu: number }

function build(): Timing {
  const source = readFileSync(file, 'utf8');
  const t0 = performance.now(), c0 = process.cpuUsage();
  const r = compile({
    file, source, includeDirs: [include],
    defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: '"stopwatch"' },
    readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
  }, { output: 'object' });
  const ms = { wall: performance.now() - t0, cpu: process.cpuUsage(c0).user / 1000 };
  if (!r.ok) {
    console.error(r.diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => formatDiagnostic(d)).join('\n'));
    process.exit(1);
  }
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ms: number, target: number): string => (ms < target ? `(under the ${target} ms target)` : `(OVER the ${target} ms target)`);

/** Wall time is what a student waits; CPU time (user) is what the compiler costs on a busy machine. */
function report(what: string, runs: Timing[], target: number, note: string): void {
  const wall = median(runs.map((r) => r.wall)), cpu = median(runs.map((r) => r.cpu));
  console.log(`${what.padEnd(6)} median ${wall.toFixed(1)} ms wall (${cpu.toFixed(1)} ms CPU) ${note}, best ${Math.min(...runs.map((r) => r.wall)).toFixed(1)} ms ${verdict(wall, target)}`);
}

if (process.argv.includes('--once')) {
  console.log(JSON.stringify(build()));
} else {
  const n = Number(process.argv[2] ?? 30);
  const self = fileURLToPath(import.meta.url);
  const colds = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, [...process.execArgv, self, '--once'], { encoding: 'utf8' })) as Timing);
  build();
  const warm = Array.from({ length: n }, build);
  console.log(`stopwatch.c against src/guest/include to a module object, in process (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  report('cold', colds, COLD_TARGET, 'of 5 fresh processes');
  report('warm', warm, WARM_TARGET, `of ${n} builds`);
}
