// `npm run bench`: builds a CPU-bound C program (scripts/bench/cpu-bound.c)
// with riscv64-unknown-elf-gcc -O2, runs it on the emulated hart and prints
// MIPS (retired instructions / wall seconds, fastest of BENCH_RUNS runs),
// with tracing off and on (default tracer settings); when
// qemu-system-riscv32 is installed, runs the same ELF there and prints the
// wall-time ratio. Then the start-up time of the `paravirt` command (startup.ts).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnBoard, type BenchRun } from './harness.ts';
import { reportStartup } from './startup.ts';
import { buildWithCorpusRuntime, runQemu } from '../../tests/support/oracles.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** gcc -O2 with the start-up file and link script of the compiler corpus's gcc legs. */
function build(outDir: string, rounds: number): string {
  return buildWithCorpusRuntime([join(HERE, 'cpu-bound.c')], join(outDir, `cpu-bound-${rounds}.elf`),
    { opt: '-O2', flags: [`-DROUNDS=${rounds}`], libc: false });
}

/** The machine is shared: the fastest of a few runs is the least disturbed one. */
async function fastestOf(runs: number, run: () => Promise<BenchRun>): Promise<BenchRun> {
  let best = await run();
  for (let i = 1; i < runs; i++) {
    const next = await run();
    if (next.seconds < best.seconds) best = next;
  }
  return best;
}

function report(label: string, run: BenchRun): void {
  const mips = run.instructions / run.seconds / 1e6;
  const cpuMips = run.instructions / run.cpuSeconds / 1e6;
  console.log(`${label}: ${run.instructions} instructions in ${run.seconds.toFixed(3)} s = ${mips.toFixed(1)} MIPS`
    + ` (${cpuMips.toFixed(1)} MIPS per CPU second used)`);
}

/** QEMU at full speed (no -icount: as users run it), timed from outside. */
function timeQemu(elf: string): { seconds: number; output: string; exitCode: number } {
  const t0 = performance.now();
  const r = runQemu(elf, { clock: 'host', timeoutMs: 120_000 });
  return { seconds: (performance.now() - t0) / 1000, ...r };
}

function qemuInstalled(): boolean {
  return !spawnSync('qemu-system-riscv32', ['--version']).error;
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'paravirt-bench-'));
  try {
    const elf = build(dir, ROUNDS);
    const image = new Uint8Array(readFileSync(elf));
    await runOnBoard(image, false); // warm-up: let V8 optimise the interpreter
    const plain = await fastestOf(RUNS, () => runOnBoard(image, false));
    report('emulator, tracing off', plain);
    const traced = await fastestOf(RUNS, () => runOnBoard(image, true));
    report('emulator, tracing on ', traced);
    const overhead = (traced.seconds / plain.seconds - 1) * 100;
    const cpuOverhead = (traced.cpuSeconds / plain.cpuSeconds - 1) * 100;
    console.log(`tracing overhead: ${overhead.toFixed(1)} % wall time, ${cpuOverhead.toFixed(1)} % CPU time`);
    if (!qemuInstalled()) console.log('qemu-system-riscv32 not installed: no comparison');
    else {
      const qemu = timeQemu(elf);
      // QEMU's own start-up, measured on a one-round build, is left out of its time.
      const startup = timeQemu(build(dir, 1)).seconds;
      const qemuRun = Math.max(qemu.seconds - startup, 1e-3);
      const same = qemu.output === plain.output && qemu.exitCode === plain.exitCode;
      console.log(`qemu-system-riscv32: ${qemu.seconds.toFixed(3)} s wall, ${qemuRun.toFixed(3)} s without start-up`
        + ` (~${(plain.instructions / qemuRun / 1e6).toFixed(0)} MIPS); emulator/QEMU wall-time ratio`
        + ` ${(plain.seconds / qemuRun).toFixed(2)}; output ${same ? 'identical' : 'DIFFERENT'}`);
      if (!same) return 1;
    }
    if (!reportStartup(dir)) return 1;
    return plain.exitCode;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
