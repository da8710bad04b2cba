// Compile-speed benchmark of the kernel-C compiler (not a timed test): compiles
// tests/cc/bench/driver500.c (~500 lines + kernel-like headers) N times in Node and
// prints milliseconds per compile, per output kind. Target: under 100 ms per compile.
// Usage: npx tsx scripts/bench/cc-bench.ts [N]
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type CompileOptions } from '../../src/toolchain/compile.ts';
import { formatDiagnostic } from '../../src/toolchain/diagnostics.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = join(root, 'tests/cc/bench');
const file = 'driver500.c';
const source = readFileSync(join(benchDir, file), 'utf8');
const readFile = (p: string): string | undefined => {
  const path = p.startsWith('/') ? p : join(benchDir, p);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};
const n = Number(process.argv[2] ?? 30);

function run(output: CompileOptions['output']): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = compile({ file, source, includeDirs: [join(benchDir, 'include')], readFile }, { output });
    times.push(performance.now() - t0);
    if (!r.ok) {
      console.error(r.diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => formatDiagnostic(d)).join('\n'));
      process.exit(1);
    }
  }
  return times;
}

const lines = source.split('\n').length;
console.log(`compiling ${file} (${lines} lines + headers) ${n} times`);
for (const output of ['asm', 'object'] as const) {
  const t = run(output).sort((a, b) => a - b);
  const median = t[Math.floor(t.length / 2)];
  const warm = t.slice(0, Math.max(1, t.length - 1));
  const mean = warm.reduce((s, x) => s + x, 0) / warm.length;
  console.log(`${output.padEnd(7)} median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ms, best ${t[0].toFixed(1)} ms, worst ${t[t.length - 1].toFixed(1)} ms ${median < 100 ? '(under the 100 ms target)' : '(OVER the 100 ms target)'}`);
}
