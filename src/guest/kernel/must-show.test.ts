// The guest's "Must show" list beyond kernel.test.ts: a second, differently
// written driver (misc device, spinlocks, devm_*, debugfs, a read blocking on a
// completion), the remaining bad drivers, and Linux-shaped boot/interrupt output.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { badDriver, guestDriver } from '../../../tests/support/guest-modules.ts';
import { GuestSystem, type GuestModuleObject } from '../system.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

const MISC = guestDriver('stopwatch-misc/stopwatch_misc.c');
const bad = badDriver;

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
    expect(out.stderr).toBe("rmmod: can't unload module 'stopwatch_misc': Resource temporarily unavailable\n");
    await sys.drive(file.close());
    expect(await sys.execute('rmmod stopwatch_misc; ls /dev')).toBe(0);
    expect(out.stdout).not.toContain('stopwatch');
  }, 60_000);
});

describe("paravirt guest -c 'cat /proc/interrupts; dmesg | head -20': Linux 6.1's shape for this board", () => {
  // One regex per line, in Linux 6.1's words (riscv, QEMU virt); the facts are
  // this board's DTB: 128 MiB at 0x80000000, riscv,isa rv32ima, a PLIC with
  // riscv,ndev 96 and 2 contexts, timebase 10 MHz, the ns16550a at 0x10000000.
  const EXPECTED = [
    /^ {11}CPU0 {7}$/,
    /^ {2}3: {10}0 {2}SiFive PLIC {2}64 Edge {6}stopwatch timeout$/,
    /^\[ {4}0\.000000\] Linux version 6\.1\.0\S* \(.+\) #1 SMP/,
    /^\[ {4}0\.000000\] Machine model: riscv-virtio,qemu$/,
    /^\[ {4}0\.000000\] earlycon: ns16550a0 at MMIO 0x10000000 \(options ''\)$/,
    /^\[ {4}0\.000000\] printk: bootconsole \[ns16550a0\] enabled$/,
    /^\[ {4}0\.000000\] Zone ranges:$/,
    /^\[ {4}0\.000000\] {3}Normal {3}\[mem 0x0000000080000000-0x0000000087ffffff\]$/,
    /^\[ {4}0\.000000\] Movable zone start for each node$/,
    /^\[ {4}0\.000000\] Early memory node ranges$/,
    /^\[ {4}0\.000000\] {3}node {3}0: \[mem 0x0000000080000000-0x0000000087ffffff\]$/,
    /^\[ {4}0\.000000\] Initmem setup node 0 \[mem 0x0000000080000000-0x0000000087ffffff\]$/,
    /^\[ {4}0\.000000\] riscv: base ISA extensions acim$/,
    /^\[ {4}0\.000000\] riscv: ELF capabilities acim$/,
    /^\[ {4}0\.000000\] riscv-intc: 32 local interrupts mapped$/,
    /^\[ {4}0\.000000\] plic: plic@c000000: mapped 96 interrupts with 1 handlers for 2 contexts\.$/,
    /^\[ {4}0\.000000\] riscv-timer: riscv_timer_init_dt: Registering clocksource cpuid \[0\] hartid \[0\]$/,
    // The figures Linux prints for a 10 MHz timebase (clocks_calc_mult_shift / clocks_calc_max_nsecs).
    /^\[ {4}0\.000000\] clocksource: riscv_clocksource: mask: 0xffffffffffffffff max_cycles: 0x24e6a1710, max_idle_ns: 440795202120 ns$/,
    /^\[ {4}0\.000000\] sched_clock: 64 bits at 10MHz, resolution 100ns, wraps every 4398046511100ns$/,
    /^\[ {4}0\.\d{6}\] Run \/bin\/sh as init process$/,
    /^\[ {4}0\.\d{6}\] stopwatch: loading out-of-tree module taints kernel\.$/,
    /^\[ {4}0\.\d{6}\] stopwatch 4000000\.stopwatch: stopwatch ready: irq 3, status 0$/,
  ];

  it('prints /proc/interrupts and the boot log line by line as Linux does', () => {
    const bin = resolve(HERE, '../../../bin/paravirt.mjs');
    const r = spawnSync(process.execPath, [bin, 'guest', '-c', 'cat /proc/interrupts; dmesg | head -20'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(EXPECTED.length);
    lines.forEach((line, i) => expect(line).toMatch(EXPECTED[i]));
  }, 120_000);
});
