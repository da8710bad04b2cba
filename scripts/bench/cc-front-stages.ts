// Front-end benchmark of the kernel-C compiler (not a timed test): for each construct of
// tests/cc/pathological.ts at a given size (1 MB by default) it times the preprocessor and
// the parser alone, in CPU milliseconds, best of three. The machines this runs on are
// shared, so it also times a fixed reference workload in the same run: compare the ratio
// "front end / reference" between two versions rather than the raw milliseconds.
// Usage: npx tsx scripts/bench/cc-front-stages.ts [construct...] [--kb N]
import { preprocess } from '../../src/toolchain/preprocess/preprocess.ts';
import { parse } from '../../src/toolchain/parse/parse.ts';
import type { Diagnostic } from '../../src/toolchain/diagnostics.ts';
import { loadavg } from 'node:os';
import { CONSTRUCTS, programOfSize } from '../../tests/cc/pathological.ts';

const args = process.argv.slice(2);
const kbAt = args.indexOf('--kb');
const kb = kbAt >= 0 ? Number(args[kbAt + 1]) : 1024;
const names = args.filter((a, i) => !a.startsWith('--') && (kbAt < 0 || i !== kbAt + 1));
const RUNS = 3;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const OPTS = { includeDirs: [], defines: {}, readFile: () => undefined };

/** A fixed allocation-heavy workload (objects in arrays, as the front end makes), for the ratio. */
function reference(): number {
  const t0 = cpuMs();
  let keep: { a: number; b: string }[] = [];
  for (let i = 0; i < 3_000_000; i++) {
    keep.push({ a: i, b: 'x' });
    if (keep.length > 200_000) keep = [];
  }
  return cpuMs() - t0;
}

function stages(source: string): { pre: number; parse: number; tokens: number } {
  let pre = Infinity, par = Infinity, tokens = 0;
  for (let run = 0; run < RUNS; run++) {
    const diags: Diagnostic[] = [];
    const c0 = cpuMs();
    // A different text each run: the preprocessor keeps the tokens of a file it has lexed
    // already, and the page's compiles, one per edit, always lex the main file afresh.
    const toks = preprocess('big.c', `${source}// run ${run}\n`, OPTS, diags);
    const c1 = cpuMs();
    parse(toks, diags);
    const c2 = cpuMs();
    pre = Math.min(pre, c1 - c0);
    par = Math.min(par, c2 - c1);
    tokens = toks.length;
  }
  return { pre, parse: par, tokens };
}

preprocess('warm.c', 'int main(void) { return 0; }\n', OPTS, []);
let ref = Infinity;
for (let i = 0; i < 3; i++) ref = Math.min(ref, reference());
console.log(`front end at ${kb} KB, CPU ms best of ${RUNS}; reference workload ${ref.toFixed(0)} ms; load ${loadavg()[0].toFixed(1)}`);
let total = 0;
for (const c of CONSTRUCTS) {
  if (names.length > 0 && !names.includes(c.name)) continue;
  const { source } = programOfSize(c, kb * 1024);
  const r = stages(source);
  total += r.pre + r.parse;
  console.log(`${c.name.padEnd(16)} preprocess ${r.pre.toFixed(0).padStart(5)}  parse ${r.parse.toFixed(0).padStart(5)}  (${(r.pre + r.parse).toFixed(0)} ms, ${((r.pre + r.parse) / ref).toFixed(2)} x ref, ${r.tokens} tokens)`);
}
console.log(`total ${total.toFixed(0)} ms = ${(total / ref).toFixed(2)} x ref`);
