// The price of tracing (issue: under 15% of emulator speed). Runs the
// stopwatch-heavy bare-metal workload of tests/stopwatch/trace_bench.c with
// the tracer off and on, each in its own process so the JIT specialises the
// hot loop for one mode only, and prints both speeds and the overhead.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(HERE, '../../tests/stopwatch/trace-overhead.ts');
const RUNS = process.env.BENCH_RUNS ?? '5';

function mips(mode: 'off' | 'on'): number {
  const out = execFileSync('npx', ['tsx', SCRIPT, mode, RUNS], { encoding: 'utf8' });
  process.stdout.write(out);
  const m = /([\d.]+) MIPS/.exec(out);
  if (!m) throw new Error(`trace-overhead printed no MIPS figure: ${out}`);
  return Number(m[1]);
}

const off = mips('off');
const on = mips('on');
const overhead = (1 - on / off) * 100;
console.log(`tracing overhead: ${overhead.toFixed(1)} % (target < 15 %)`);
