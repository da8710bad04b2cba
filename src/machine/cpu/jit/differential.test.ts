// The translator against the interpreter, its reference: every bare-metal
// program (tests/baremetal) and every program of the compiler's corpus
// (tests/cc/corpus, built with gcc) runs with the translator off, on, and on
// with every pc hot at once; UART output, exit status, final registers and
// CSRs, and the complete trace (every event, its time and pc) must be equal.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtBoard } from '../../board.ts';
import { HANG_GUARD_MS, buildBaremetal, buildWithCorpusRuntime } from '../../../../tests/support/oracles.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..', '..');
const BUILD = join(ROOT, 'tests', 'baremetal', 'build', 'jit');
const CORPUS = join(ROOT, 'tests', 'cc', 'corpus');

const BAREMETAL = [
  'hello', 'exit_code', 'traps', 'misaligned', 'vectored', 'timer', 'atomics', 'muldiv', 'csr', 'umode',
  'pmp_mret', 'pmp_smode', 'smode', 'dtb', 'uart_regs', 'plic', 'irq_priority', 'counters', 'rom_write', 'echo',
  'stopwatch_error',
];
const INPUT: Record<string, string> = { echo: 'hello\rworld\x04' };

type Mode = 'interpreter' | 'translator' | 'translator, all hot';

interface Outcome {
  output: string;
  stops: string[];
  registers: unknown;
  instret: number;
  trace: string[];
  translated: number;
}

/** Runs an ELF to its end (or 50 M instructions) in slices, draining the trace after each. */
export function runMode(image: Uint8Array, mode: Mode, input?: string): Outcome {
  const board = new VirtBoard({ jit: mode !== 'interpreter' });
  if (mode === 'translator, all hot') board.cpu.translator.hotThreshold = 1;
  board.tracer.enabled = true;
  board.loadElf(image);
  if (input !== undefined) board.sendUartInput(new TextEncoder().encode(input));
  const trace: string[] = [], stops: string[] = [];
  let output = '';
  for (let total = 0; total < 50_000_000;) {
    const stop = board.run(20_000);
    total += stop.insns;
    output += Buffer.from(board.takeUartOutput()).toString('latin1');
    for (const e of board.tracer.drain()) trace.push(JSON.stringify(e));
    if (stop.reason !== 'budget') stops.push(JSON.stringify(stop));
    if (stop.reason === 'poweroff' || stop.reason === 'device-error' || (stop.reason === 'wfi' && stop.wakeAtNs === Infinity)) break;
  }
  return {
    output, stops, registers: board.cpu.registers(), instret: board.cpu.instret, trace: [...trace, `dropped ${board.tracer.dropped}`],
    translated: board.cpu.translator.executed,
  };
}

function expectSameRun(image: Uint8Array, input?: string): Outcome[] {
  const reference = runMode(image, 'interpreter', input);
  expect(reference.stops.length, 'the program ends').toBeGreaterThan(0);
  const others = (['translator', 'translator, all hot'] as const).map((mode) => runMode(image, mode, input));
  for (const o of others) {
    expect(o.output).toBe(reference.output);
    expect(o.stops).toEqual(reference.stops);
    expect(o.registers).toEqual(reference.registers);
    expect(o.instret).toBe(reference.instret);
    expect(o.trace.length).toBe(reference.trace.length);
    expect(o.trace).toEqual(reference.trace);
  }
  return [reference, ...others];
}

const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.c')).sort();
const elves = new Map<string, Uint8Array>();

beforeAll(() => {
  mkdirSync(BUILD, { recursive: true });
  for (const name of BAREMETAL) elves.set(name, new Uint8Array(readFileSync(buildBaremetal(name, join(BUILD, `${name}.elf`)))));
  for (const file of corpus) {
    const elf = buildWithCorpusRuntime([join(CORPUS, file)], join(BUILD, `cc-${file.replace(/\.c$/, '')}.elf`), { opt: '-O2' });
    elves.set(file, new Uint8Array(readFileSync(elf)));
  }
}, HANG_GUARD_MS);

describe('translator on and off run the bare-metal programs identically', () => {
  for (const name of BAREMETAL) {
    it(`${name}.c`, () => {
      const [, , allHot] = expectSameRun(elves.get(name)!, INPUT[name]);
      expect(allHot.translated, 'with every pc hot, translated code runs').toBeGreaterThan(0);
    });
  }
});

describe('translator on and off run the compiler corpus identically (gcc -O2)', () => {
  for (const file of corpus) {
    it(file, () => {
      const [reference, , allHot] = expectSameRun(elves.get(file)!);
      expect(reference.output).toMatch(/\S/);
      expect(allHot.translated).toBeGreaterThan(0);
    });
  }
});
