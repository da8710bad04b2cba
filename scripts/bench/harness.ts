// Runs a bare-metal ELF on the virt board for the benchmark and times it.

import { VirtBoard } from '../../src/machine/board.ts';

export interface BenchRun {
  instructions: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds this process used: less disturbed by other load on the machine. */
  cpuSeconds: number;
  output: string;
  exitCode: number;
}

const SLICE = 10_000_000;
const LIMIT = 20_000_000_000;

export function runOnBoard(image: Uint8Array, traced: boolean): BenchRun {
  const board = new VirtBoard();
  board.tracer.enabled = traced;
  board.loadElf(image, 'the benchmark');
  const decoder = new TextDecoder();
  let output = '';
  let exitCode = -1;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let total = 0; total < LIMIT;) {
    const stop = board.run(SLICE);
    total += stop.insns;
    output += decoder.decode(board.takeUartOutput(), { stream: true });
    if (traced) board.tracer.drain();
    if (stop.reason === 'poweroff') {
      exitCode = stop.exitCode;
      break;
    }
    if (stop.reason !== 'budget') throw new Error(`benchmark stopped: ${JSON.stringify(stop)}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  return { instructions: board.cpu.instret, seconds, cpuSeconds: (used.user + used.system) / 1e6, output, exitCode };
}
