// `paravirt guest` as a user runs it: the article's test script through the
// default driver, the kernel log on stderr, the script's status as ours, and
// a driver that does not compile stopping everything with exit status 2.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../../bin/paravirt.mjs');

function guest(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'guest', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('paravirt guest', () => {
  it("prints the article's results for stopwatch_test.sh, the kernel log on stderr", () => {
    const r = guest(['-c', 'sh /guest_fs/stopwatch_test.sh']);
    expect(r.stdout).toBe('\nResults:\n1) after 1s: 1.00 seconds\n2) after 5s: 5.00 seconds\n3) after irq: Number of IRQ ticks: 2\n4) after reset: 0.00 seconds\n');
    expect(r.stderr).toMatch(/^\[ {4}0\.000000\] Linux version 6\.1\.0/);
    expect(r.stderr).toContain('stopwatch 4000000.stopwatch: stopwatch ready: irq 3');
    expect(r.stderr).toMatch(/stopwatch: timeout interrupt 2\n/);
    expect(r.status).toBe(0);
  }, 120_000);

  it("exits with the script's status, and runs a script file from this computer", () => {
    const dir = mkdtempSync(join(tmpdir(), 'guest-cli-'));
    writeFileSync(join(dir, 'fail.sh'), 'echo "uname: $(uname -m)"\nexit 3\n');
    const r = guest(['--no-default-driver', '--script', join(dir, 'fail.sh')]);
    expect(r.stdout).toBe('uname: riscv32\n');
    expect(r.status).toBe(3);
  }, 120_000);

  it('a driver that does not compile: gcc-style diagnostics on stderr, exit 2, nothing run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guest-cli-'));
    const file = join(dir, 'broken.c');
    writeFileSync(file, '#include <linux/module.h>\nstatic int __init broken_init(void)\n{\n\treturn missing;\n}\nmodule_init(broken_init);\n');
    const r = guest(['--driver', file, '-c', 'echo ran']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:4:9: error:`);
    expect(r.stderr).toContain("paravirt guest: the driver");
  }, 120_000);

  it('--trace writes the real interrupt path: SEIP trap, PLIC claim by MMIO, the driver ACKing the device', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guest-cli-'));
    const file = join(dir, 't.json');
    const r = guest(['--trace', file, '-c', 'echo 1 > /sys/module/stopwatch/parameters/stopwatch_timeout; sleep 2']);
    expect(r.status).toBe(0);
    const names = new Set((JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: { name: string }[] }).traceEvents.map((e) => e.name));
    for (const n of ['trap: supervisor external interrupt', 'PLIC claim source 64', 'VM exit → plic.claim[1] write']) expect(names).toContain(n);
    expect([...names].some((n) => /COMMAND value: 0x5 \(TIMEOUT_ACK\)/.test(n))).toBe(true);
  }, 120_000);

  it('refuses a bad option with the usage', () => {
    const r = guest(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("paravirt guest: '--frobnicate' is not an option of paravirt guest");
  });
});
