// A/B comparison of two copies of the kernel-C compiler on a loaded machine (not a timed
// test): compiles each construct of tests/cc/pathological.ts at one size with a reference
// checkout (say, `git worktree add /tmp/ref main`) and with this one, alternating runs, and
// prints the CPU time of each and their ratio. Alternating makes the load of other jobs
// fall on both alike, so the ratio is steadier than either time.
// Usage: npx tsx scripts/bench/cc-ab.ts REF_DIR [construct...] [--kb N] [--runs N]
import { CONSTRUCTS, programOfSize } from '../../tests/cc/pathological.ts';
import { compile as compileHere } from '../../src/toolchain/compile.ts';

type Compile = typeof compileHere;
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const kb = option('--kb', 1024);
const runs = option('--runs', 3);
const refDir = args[0];
const names = args.slice(1).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const { compile: compileRef } = (await import(`${refDir}/src/toolchain/compile.ts`)) as { compile: Compile };

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeOne(compile: Compile, source: string): number {
  const c0 = cpuMs();
  compile({ file: 'big.c', source }, { output: 'bare-metal-elf' });
  return cpuMs() - c0;
}

console.log(`best CPU ms of ${runs} alternating runs at ${kb} KB: reference (${refDir}) vs this checkout`);
for (const c of CONSTRUCTS) {
  if (names.length > 0 && !names.includes(c.name)) continue;
  const { source } = programOfSize(c, kb * 1024);
  let ref = Infinity, here = Infinity;
  for (let r = 0; r < runs; r++) {
    ref = Math.min(ref, timeOne(compileRef, source));
    here = Math.min(here, timeOne(compileHere, source));
  }
  console.log(`${c.name.padEnd(16)} ref ${ref.toFixed(0).padStart(5)}  here ${here.toFixed(0).padStart(5)}  ratio ${(here / ref).toFixed(2)}`);
}
