// The "must show", as a user runs it: `paravirt run-elf` on the
// stopwatch programs, the device errors on stderr, and the --trace file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD, buildProgram } from './build-program.ts';

const runElf = (...args: string[]) => spawnSync('node', ['bin/paravirt.mjs', 'run-elf', ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  buildProgram('stopwatch_demo.c', 'cli_demo.elf');
  buildProgram('stopwatch_errors.c', 'cli_timeout11.elf', ['CASE=3']);
});

describe('paravirt run-elf with the stopwatch', () => {
  it('runs the demo: 1.50 seconds, the timeout IRQ after 2000 ms, exit 0, and a Chrome trace with the exits', () => {
    const trace = join(BUILD, 'cli_demo.json');
    const r = runElf(join(BUILD, 'cli_demo.elf'), '--trace', trace);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('data: 1.50 seconds\n');
    expect(r.stdout).toContain('claimed source=0x00000040\ntimeout after 2000 ms\n');
    const doc = JSON.parse(readFileSync(trace, 'utf8'));
    const exits = doc.traceEvents.filter((e: { ph: string; name: string }) => e.ph === 'X' && e.name.includes('stopwatch'));
    expect(exits).toHaveLength(9);
  });

  it('stops on TIMEOUT 11 with a message naming device, register and value (exit 3)', () => {
    const r = runElf(join(BUILD, 'cli_timeout11.elf'));
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/stopwatch.*TIMEOUT of 11 s.*register command, value 0x4/);
  });

  it('logs and ignores it with --device stopwatch,on_error=log', () => {
    const r = runElf(join(BUILD, 'cli_timeout11.elf'), '--device', 'stopwatch,on_error=log');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('after, read=0x00000000\n');
  });
});
