// The guest's "Must show" list beyond kernel.test.ts: a second, differently
// written driver (misc device, spinlocks, devm_*, debugfs, a read blocking on a
// completion), the remaining bad drivers, and Linux-shaped boot/interrupt output.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../../toolchain/compile.ts';
import { GuestSystem, type GuestModuleObject } from '../system.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const INCLUDE = join(HERE, '../include');

function build(file: string): GuestModuleObject {
  const name = file.replace(/^.*\//, '').replace(/\.c$/, '');
  const readFile = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };
  const r = compile({ file, source: readFileSync(file, 'utf8'), includeDirs: [dirname(file), INCLUDE], readFile,
    defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: `"${name}"` } }, { output: 'object' });
  if (!r.objectBytes) throw new Error(r.diagnostics.map((d) => `${d.loc.line}: ${d.message}`).join('\n'));
  return { name, object: r.objectBytes };
}

const MISC = build(join(HERE, '../drivers/stopwatch-misc/stopwatch_misc.c'));
const bad = (name: string) => build(join(HERE, 'testdata', `${name}.c`));

function guest(modules: GuestModuleObject[]) {
  const out = { stdout: '', stderr: '', console: '', guestErrors: [] as string[] };
  const dec = new TextDecoder();
  const sys = new GuestSystem({
    modules,
    stdout: (b) => { out.stdout += dec.decode(b); }, stderr: (b) => { out.stderr += dec.decode(b); },
    console: (l) => { out.console += l; }, guestError: (m) => { out.guestErrors.push(m); },
  });
  return { sys, out };
}

describe('the second driver: stopwatch_misc, a misc device with a blocking read', () => {
  it('probes alone, and /dev/stopwatch starts, reads and resets the stopwatch', async () => {
    const { sys, out } = guest([MISC]);
    await sys.boot();
    expect(out.console).toMatch(/\] stopwatch-misc 4000000\.stopwatch: \/dev\/stopwatch ready, irq 3\n/);
    expect(await sys.execute('echo start > /dev/stopwatch; sleep 1; cat /dev/stopwatch')).toBe(0);
    expect(out.stdout).toBe('1.00 seconds\n');
    out.stdout = '';
    expect(await sys.execute('echo reset > /dev/stopwatch; cat /dev/stopwatch; cat /sys/kernel/debug/stopwatch/state')).toBe(0);
    expect(out.stdout).toMatch(/^0\.00 seconds\nstatus: \d\ntimeout pending: no\ntimeouts: 0\n$/);
  }, 60_000);

  it('a read sleeps on the completion until the timeout IRQ, while the shell and the timer go on', async () => {
    const { sys, out } = guest([MISC]);
    await sys.boot();
    expect(await sys.execute('echo start > /dev/stopwatch; echo "timeout 2" > /dev/stopwatch')).toBe(0);
    const t0 = sys.board.clock.nowNs();
    const cat = sys.drive(sys.shell.execute('cat /dev/stopwatch'));
    await sys.drive(sys.shellKernel.sleep(1_000_000_000n, { interrupted: false, onInterrupt: () => () => {} }));
    expect(sys.shellKernel.ps().some((p) => p.state === 'S' && p.pid > 1)).toBe(true);
    expect(out.stdout).toBe('');
    expect(await cat).toBe(0);
    expect(out.stdout).toBe('2.00 seconds\n');
    expect(Number(sys.board.clock.nowNs() - t0)).toBeGreaterThanOrEqual(2e9);
    out.stdout = '';
    expect(await sys.execute('cat /sys/kernel/debug/stopwatch/state; grep stopwatch /proc/interrupts')).toBe(0);
    expect(out.stdout).toMatch(/timeout pending: no\ntimeouts: 1\n\s*3:\s+1\s/);
  }, 60_000);
});

describe('more bad drivers: the system survives, with the messages Linux prints', () => {
  it('a handler that never ACKs but says IRQ_HANDLED: a storm report naming it, the IRQ disabled, the shell goes on', async () => {
    const { sys, out } = guest([{ ...bad('never_ack'), args: 'claim=1' }]);
    await sys.boot();
    expect(await sys.execute('sleep 2; echo alive')).toBe(0);
    expect(out.stdout).toBe('alive\n');
    expect(out.console).toMatch(/irq 3: interrupt storm[^\n]*\n[^\n]*CPU: 0 PID: \d+ Comm: \S+\n[^\n]*handlers:\n[^\n]*\[<[0-9a-f]{8}>\] never_ack_irq \[never_ack\]\n[^\n]*Disabling IRQ #3\n/);
  }, 60_000);

  it('a handler that never ACKs and says IRQ_NONE: "nobody cared", the IRQ disabled, the shell goes on', async () => {
    const { sys, out } = guest([{ ...bad('never_ack'), args: 'claim=0' }]);
    await sys.boot();
    expect(await sys.execute('sleep 2; echo alive')).toBe(0);
    expect(out.stdout).toBe('alive\n');
    expect(out.console).toContain('irq 3: nobody cared (try booting with the "irqpoll" option)');
    expect(out.console).toMatch(/never_ack_irq \[never_ack\]\n[^\n]*Disabling IRQ #3\n/);
  }, 60_000);

  it('a writel to the wrong register: the stopwatch logs a guest error, the access is ignored, the system goes on', async () => {
    const { sys, out } = guest([bad('bad_write')]);
    await sys.boot();
    expect(out.guestErrors).toEqual([expect.stringMatching(/^stopwatch: write of 0x0*1 to status \(offset 0x0*8\): status is read-only/)]);
    expect(out.console).toContain('bad_write 4000000.stopwatch: wrote START to offset 0x8');
    expect(await sys.execute('lsmod; echo ok')).toBe(0);
    expect(out.stdout).toMatch(/bad_write +\d+ +0\nok\n$/);
  }, 60_000);

  it('a double free_irq: WARN "Trying to free already-free IRQ 3" in the prober, the module loads, the shell goes on', async () => {
    const { sys, out } = guest([bad('double_free_irq')]);
    await sys.boot();
    expect(out.console).toMatch(/-{12}\[ cut here \]-{12}\n[^\n]*Trying to free already-free IRQ 3\n[^\n]*WARNING: CPU: 0 PID: \d+ at kernel\/irq\/manage\.c:\d+ __free_irq\n[^\n]*Comm: insmod\n/);
    expect(await sys.execute('grep double /proc/interrupts; echo ok')).toBe(0);
    expect(out.stdout).toBe('ok\n');
  }, 60_000);

  it('rmmod while /dev/stopwatch of the misc driver is open: refused, then allowed after the close', async () => {
    const { sys, out } = guest([MISC]);
    await sys.boot();
    const file = await sys.drive(sys.vfs.open('/dev/stopwatch', { read: true }));
    expect(await sys.execute('rmmod stopwatch_misc')).not.toBe(0);
    expect(out.stderr).toMatch(/^rmmod: can't unload module 'stopwatch_misc': /);
    await sys.drive(file.close());
    expect(await sys.execute('rmmod stopwatch_misc; ls /dev')).toBe(0);
    expect(out.stdout).not.toContain('stopwatch');
  }, 60_000);
});
