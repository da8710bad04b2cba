// Start-up time of the `paravirt` command, part of `npm run bench`: the wall
// time of `paravirt --help` and of `paravirt run-elf` on a hello-world ELF
// (tests/baremetal/hello.c), next to Node's own start-up (`node -e 0`, the
// floor) and QEMU's for the same ELF. Each is run STARTUP_RUNS times; the
// median and the fastest are printed, as the machine may be shared.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildBaremetal, qemuArgs } from '../../tests/support/oracles.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'paravirt.mjs');
const RUNS = Number(process.env.STARTUP_RUNS ?? 10);

function buildHello(outDir: string): string {
  return buildBaremetal('hello', join(outDir, 'hello.elf'));
}

interface Timing {
  medianMs: number;
  minMs: number;
  /** Why a run failed (its status, or a timeout), if one did. */
  failure?: string;
}

/** Wall time of `command args`, RUNS times; every run must exit 0 within 30 s. */
function time(command: string, args: string[]): Timing {
  const ms: number[] = [];
  let failure: string | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    ms.push(performance.now() - t0);
    if (r.error || r.status !== 0) failure ??= r.error ? `did not finish: ${r.error.message}` : `exit status ${r.status}: ${r.stderr.toString().trim()}`;
  }
  ms.sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(ms.length / 2)], minMs: ms[0], failure };
}

function line(label: string, t: Timing): string {
  const figures = `median ${t.medianMs.toFixed(0).padStart(5)} ms, fastest ${t.minMs.toFixed(0).padStart(5)} ms`;
  return `  ${label.padEnd(34)} ${figures}${t.failure ? `  (FAILED: ${t.failure})` : ''}`;
}

/** Prints the start-up table; returns false if a run failed. */
export function reportStartup(outDir: string): boolean {
  const hello = buildHello(outDir);
  spawnSync(process.execPath, [CLI, '--help'], { stdio: 'ignore' }); // builds dist-cli/ first if src/ changed
  const rows: [string, Timing][] = [
    ['node -e 0 (Node alone)', time(process.execPath, ['-e', '0'])],
    ['paravirt --help', time(process.execPath, [CLI, '--help'])],
    ['paravirt run-elf hello.elf', time(process.execPath, [CLI, 'run-elf', hello])],
  ];
  const qemu = spawnSync('qemu-system-riscv32', ['--version']);
  if (!qemu.error && qemu.status === 0) {
    rows.push(['qemu-system-riscv32 hello.elf', time('timeout', ['30', 'qemu-system-riscv32', ...qemuArgs(hello)])]);
  }
  console.log(`start-up, wall time over ${RUNS} runs:`);
  for (const [label, t] of rows) console.log(line(label, t));
  return rows.every(([, t]) => !t.failure);
}
