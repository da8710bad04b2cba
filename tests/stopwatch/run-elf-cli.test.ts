// The "must show", as a user runs it: `paravirt run-elf` on the
// stopwatch programs, the device errors on stderr, and the --trace file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD, buildProgram } from './build-program.ts';

interface ChromeEvent { ph: string; name: string; cat?: string; args?: { region?: string } }

const runElf = (...args: string[]) => spawnSync('node', ['bin/paravirt.mjs', 'run-elf', ...args], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });

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
    const doc = JSON.parse(readFileSync(trace, 'utf8')) as { traceEvents: ChromeEvent[] };
    const exits = doc.traceEvents.filter((e) => e.ph === 'X' && e.name.includes('stopwatch'));
    expect(exits).toHaveLength(9);
    // Every exit is into the trapping regs region and its callback logs the access;
    // the pass-through mem region never exits and is traced as pass-through.
    expect(exits.every((e) => e.args?.region === 'stopwatch-regs')).toBe(true);
    const ioLogs = doc.traceEvents.filter((e) => /^stopwatch_io_(read|write): /.test(e.name));
    expect(ioLogs).toHaveLength(exits.length);
    const memAccesses = doc.traceEvents.filter((e) => e.args?.region === 'stopwatch-mem');
    expect(memAccesses.length).toBeGreaterThanOrEqual(14); // data_len, "1.50 seconds", TIMEOUT's data_len
    expect(memAccesses.every((e) => e.ph === 'i' && e.cat === 'passthrough')).toBe(true);
  });

  it('--vcd writes a waveform of the run that GTKWave reads: the timeout line rises and falls once', () => {
    const vcd = join(BUILD, 'cli_demo.vcd');
    const r = runElf(join(BUILD, 'cli_demo.elf'), '--vcd', vcd);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(vcd, 'utf8');
    const id = /\$var wire 1 (\S+) stopwatch_timeout \$end/.exec(text)?.[1];
    expect(id).toBeDefined();
    expect(text.split('\n').filter((l) => l === `0${id}` || l === `1${id}`)).toEqual([`0${id}`, `1${id}`, `0${id}`]);
    expect(spawnSync('vcd2fst', [vcd, join(BUILD, 'cli_demo.fst')]).status).toBe(0);
  });

  it('stops on TIMEOUT 11 with a message naming device, register and value (exit 3)', () => {
    const r = runElf(join(BUILD, 'cli_timeout11.elf'));
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/stopwatch.*TIMEOUT of 11 s.*register command, value 0x4/);
  });

  it('logs and ignores it with --device stopwatch,on_error=log: one guest-error line on stderr', () => {
    const r = runElf(join(BUILD, 'cli_timeout11.elf'), '--device', 'stopwatch,on_error=log');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('after, read=0x00000000\n');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^paravirt run-elf: guest error .*stopwatch: TIMEOUT of 11 s.*register command, value 0x4/);
  });

  it('says at once, in one line with status 2, when it cannot write the --trace file', () => {
    const r = runElf(join(BUILD, 'cli_demo.elf'), '--trace', join(BUILD, 'no-such-folder', 't.json'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(''); // before the guest ran
    expect(r.stderr.trim()).toMatch(/^paravirt run-elf: cannot write the trace to .*t\.json: its folder does not exist\.$/);
  });
});
