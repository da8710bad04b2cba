// The trace exports of a real run (the stopwatch demo program on our board),
// checked with GTKWave's own VCD reader (vcd2fst, then fst2vcd back) and by
// parsing the Chrome/Perfetto JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtBoard } from '../../src/machine/board.ts';
import { toChromeTraceJson } from '../../src/protocol/export/chrome-trace.ts';
import { toVcd } from '../../src/protocol/export/vcd.ts';
import type { TraceEvent } from '../../src/protocol/trace-events.ts';
import { BUILD, buildProgram } from './build-program.ts';

let events: TraceEvent[];
beforeAll(() => {
  const board = new VirtBoard();
  board.tracer.enabled = true;
  board.loadElf(buildProgram('stopwatch_demo.c', 'stopwatch_demo.elf'));
  expect(board.run(50_000_000).reason).toBe('poweroff');
  events = board.tracer.drain();
});

/** Value changes of one signal in a VCD text, as [time, value]. */
function wave(vcd: string, name: string): [number, string][] {
  const id = new RegExp(`\\$var \\S+ \\d+ (\\S+) ${name}( \\S+)? \\$end`).exec(vcd)?.[1];
  if (!id) throw new Error(`no signal ${name}`);
  const out: [number, string][] = [];
  let t = 0;
  for (const line of vcd.split('\n')) {
    if (line.startsWith('#')) t = Number(line.slice(1));
    else if (line === `0${id}` || line === `1${id}`) out.push([t, line[0]]);
    else if (line.endsWith(` ${id}`) && line.startsWith('b')) out.push([t, line.slice(1, -id.length - 1).replace(/^0+(?=.)/, '').replace(/^x+$/, 'x')]);
  }
  return out;
}

describe('trace exports of the stopwatch demo', () => {
  it('VCD: GTKWave reads it without a complaint and gives back the same waves', () => {
    const vcd = toVcd(events);
    const file = join(BUILD, 'demo.vcd');
    writeFileSync(file, vcd);
    const r = spawnSync('vcd2fst', [file, join(BUILD, 'demo.fst')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr + r.stdout).not.toMatch(/error|warning|unknown/i);
    const back = execFileSync('fst2vcd', [join(BUILD, 'demo.fst')], { encoding: 'utf8' });
    for (const name of ['stopwatch_timeout', 'command', 'status', 'claim']) {
      expect(wave(back, name), name).toEqual(wave(vcd, name));
    }
    const irq = wave(vcd, 'stopwatch_timeout');
    expect(irq.map(([, v]) => v)).toEqual(['0', '1', '0']);
    expect(wave(vcd, 'claim').map(([, v]) => v)).toEqual(['x', '1000000', '0']);
  });

  it('Chrome trace: valid JSON with exits on the host lane and the IRQ as a counter', () => {
    const doc = JSON.parse(toChromeTraceJson(events));
    const exits = doc.traceEvents.filter((e: { ph: string; name: string }) => e.ph === 'X' && e.name.includes('stopwatch'));
    expect(exits).toHaveLength(9);
    const counter = doc.traceEvents.filter((e: { ph: string }) => e.ph === 'C').map((e: { args: { level: number } }) => e.args.level);
    expect(counter).toEqual([1, 0]);
  });
});
