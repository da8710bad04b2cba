// A/B comparison of two copies of the kernel-C compiler on a loaded machine (not a timed
// test): compiles each construct of tests/cc/pathological.ts at one size with a reference
// checkout (say, `git worktree add /tmp/ref main`) and with this one, each in a fresh
// process, alternating, and prints the best CPU time of each and their ratio. Alternating
// makes the load of other jobs fall on both alike; a process each keeps one compiler's
// caches and garbage from weighing on the other's time.
// Usage: npx tsx scripts/bench/cc-ab.ts REF_DIR [construct...] [--kb N] [--runs N]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { CONSTRUCTS, programOfSize } from '../../tests/cc/pathological.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const kb = option('--kb', 1024);
const HERE = resolve(fileURLToPath(import.meta.url), '../../..');

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

if (args[0] === '--child') {
  // The better of two compiles of one construct by the compiler in `dir`: the first is mostly
  // the JIT warming up, while the page compiles again and again in one worker.
  const [, dir, name] = args;
  const { compile } = (await import(`${dir}/src/toolchain/compile.ts`)) as typeof import('../../src/toolchain/compile.ts');
  const { source } = programOfSize(CONSTRUCTS.find((c) => c.name === name)!, kb * 1024);
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const c0 = cpuMs();
    compile({ file: 'big.c', source }, { output: 'bare-metal-elf' });
    best = Math.min(best, cpuMs() - c0);
  }
  console.log(best);
} else {
  const runs = option('--runs', 3);
  const refDir = resolve(args[0]);
  const names = args.slice(1).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const timeIn = (dir: string, name: string): number =>
    Number(execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', dir, name, '--kb', String(kb)], { encoding: 'utf8' }).trim());
  console.log(`best CPU ms of ${runs} alternating processes (two compiles each) at ${kb} KB: reference (${refDir}) vs this checkout`);
  for (const c of CONSTRUCTS) {
    if (names.length > 0 && !names.includes(c.name)) continue;
    let ref = Infinity, here = Infinity;
    for (let r = 0; r < runs; r++) {
      ref = Math.min(ref, timeIn(refDir, c.name));
      here = Math.min(here, timeIn(HERE, c.name));
    }
    console.log(`${c.name.padEnd(16)} ref ${ref.toFixed(0).padStart(5)}  here ${here.toFixed(0).padStart(5)}  ratio ${(here / ref).toFixed(2)}`);
  }
}
