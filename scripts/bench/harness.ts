// Runs a bare-metal ELF for the benchmark and times it, the way `paravirt
// run-elf` runs it: a Session run to the end (runToEnd), UART output taken
// after every slice.

import { createSessionBoard } from '../../src/session/create-board.ts';
import { runToEnd } from '../../src/session/run-to-end.ts';
import { Session } from '../../src/session/session.ts';

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

export async function runOnBoard(image: Uint8Array, traced: boolean): Promise<BenchRun> {
  const session = new Session(createSessionBoard);
  session.loadElf('the benchmark', image, 'the benchmark');
  session.setTrace(traced);
  const decoder = new TextDecoder();
  let output = '';
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = await runToEnd(session, {
    afterSlice: () => {
      output += decoder.decode(session.takeUartOutput(), { stream: true });
      if (traced) session.drainTrace();
      return true;
    },
  }, { maxInsns: LIMIT, sliceInsns: SLICE });
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  if (end.reason !== 'poweroff') throw new Error(`benchmark stopped: ${JSON.stringify(end)}`);
  return { instructions: end.insns, seconds, cpuSeconds: (used.user + used.system) / 1e6, output, exitCode: end.exitCode };
}
