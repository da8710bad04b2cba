// The kernel engine with real drivers compiled by kernel-C running as RV32 on
// the board: the default stopwatch driver through the article's script, and
// bad drivers the system has to survive with the messages Linux prints.
import { describe, expect, it } from 'vitest';
import { badDriver, guestDriver } from '../../../tests/support/guest-modules.ts';
import { GuestSystem, type GuestModuleObject } from '../system.ts';


const STOPWATCH = guestDriver('stopwatch/stopwatch.c');
const bad = badDriver;

function guest(modules: GuestModuleObject[], softLockupNs?: number) {
  const out = { stdout: '', stderr: '', console: '' };
  const dec = new TextDecoder();
  const sys = new GuestSystem({
    modules, softLockupNs,
    stdout: (b) => { out.stdout += dec.decode(b); }, stderr: (b) => { out.stderr += dec.decode(b); },
    console: (l) => { out.console += l; },
  });
  return { sys, out };
}

describe('the guest kernel with the default stopwatch driver', () => {
  it('runs the article test script: 1.00 s, 5.00 s, 2 IRQ ticks, 0.00 after reset', async () => {
    const { sys, out } = guest([STOPWATCH]);
    await sys.boot();
    expect(await sys.execute('sh /guest_fs/stopwatch_test.sh')).toBe(0);
    expect(out.stdout).toBe('\nResults:\n1) after 1s: 1.00 seconds\n2) after 5s: 5.00 seconds\n3) after irq: Number of IRQ ticks: 2\n4) after reset: 0.00 seconds\n');
    expect(out.console).toMatch(/\] stopwatch 4000000\.stopwatch: stopwatch ready: irq 3, status 0\n/);
    expect(out.console).toMatch(/\[ {4}2\.\d{6}\] stopwatch: timeout interrupt 1\n[^\n]*\[ {4}4\.\d{6}\] stopwatch: timeout interrupt 2\n/);
  }, 60_000);

  it('lists, refuses a bad value with the errno text, and removes the module', async () => {
    const { sys, out } = guest([STOPWATCH]);
    await sys.boot();
    expect(await sys.execute('lsmod')).toBe(0);
    expect(out.stdout).toMatch(/^Module +Size +Used by\nstopwatch +\d+ +0\n$/);
    out.stdout = '';
    expect(await sys.execute('echo 7 > /sys/module/stopwatch/parameters/stopwatch_status')).not.toBe(0);
    expect(out.stderr).toContain('Invalid argument');
    expect(await sys.execute('rmmod stopwatch && ls /sys/module; ls /sys/kernel/debug')).toBe(0);
    expect(out.stdout).not.toContain('stopwatch');
  }, 60_000);
});

describe('tasks', () => {
  it('schedule_timeout sleeps on virtual time while the shell goes on; current is the insmod task', async () => {
    const { sys, out } = guest([]);
    await sys.boot();
    const insmod = sys.drive(sys.shellKernel.insmod('sleepy.ko', bad('sleepy').object, []));
    expect(await sys.execute('echo meanwhile')).toBe(0);
    expect(await insmod).toBe(0);
    expect(out.stdout).toBe('meanwhile\n');
    expect(out.console).toMatch(/\[ {4}0\.50\d{4}\] sleepy: slept, 0 jiffies left, pid \d+ comm insmod\n/);
  }, 60_000);

  it('runs the same way twice: the same kernel log to the nanosecond', async () => {
    const logs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { sys } = guest([STOPWATCH]);
      await sys.boot();
      await sys.execute('sh /guest_fs/stopwatch_test.sh; cat /sys/kernel/debug/stopwatch/stopwatch');
      logs.push(`${sys.shellKernel.dmesg()}@${sys.board.clock.nowNs()}`);
    }
    expect(logs[1]).toBe(logs[0]);
  }, 60_000);
});

describe('signals', () => {
  it('Ctrl-C ends a read that sleeps in the driver: the task sees signal_pending, the shell prints ^C', async () => {
    const { sys, out } = guest([bad('slow_read')]);
    await sys.boot();
    const cat = sys.drive(sys.shell.execute('cat /sys/kernel/debug/slow_read/value'));
    await sys.drive(sys.shellKernel.sleep(3_000_000_000n, { interrupted: false, onInterrupt: () => () => {} }));
    expect(sys.shellKernel.ps().some((p) => p.state === 'S' && p.pid > 1)).toBe(true);
    sys.shell.interrupt();
    expect(await cat).toBe(130);
    expect(out.stdout).toContain('^C');
    expect(await sys.execute('sleep 0.01')).toBe(0); // the reader's task winds down meanwhile
    expect(out.console).toContain('slow_read: interrupted by a signal');
    expect(Number(sys.board.clock.nowNs())).toBeLessThan(10e9);
    expect(await sys.execute('rmmod slow_read')).toBe(0);
  }, 60_000);
});

describe('module references', () => {
  it('refuses rmmod while a file of the module is open, and allows it after the close', async () => {
    const { sys, out } = guest([STOPWATCH]);
    await sys.boot();
    const file = await sys.drive(sys.vfs.open('/sys/kernel/debug/stopwatch/stopwatch', { read: true }));
    expect(sys.shellKernel.lsmod()[0].refcount).toBe(1);
    expect(await sys.execute('rmmod stopwatch')).not.toBe(0);
    expect(out.stderr).toBe("rmmod: can't unload module 'stopwatch': Resource temporarily unavailable\n");
    expect(new TextDecoder().decode(await sys.drive(file.read(100)))).toMatch(/^\d+\.\d\d seconds\n$/);
    await sys.drive(file.close());
    expect(await sys.execute('rmmod stopwatch')).toBe(0);
    expect(sys.shellKernel.lsmod()).toEqual([]);
  }, 60_000);
});

describe('bad drivers: the system survives, with Linux messages', () => {
  it('an infinite loop in probe: soft lockup, the insmod aborted, the shell goes on', async () => {
    const { sys, out } = guest([bad('loop_probe')], 20_000_000);
    await sys.boot();
    expect(out.console).toMatch(/watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! \[insmod:\d+\]/);
    expect(out.console).toContain('Modules linked in: loop_probe(O)');
    expect(out.console).toMatch(/epc : loop_probe_probe\+0x[0-9a-f]+\/0x[0-9a-f]+ \[loop_probe\]/);
    expect(await sys.execute('echo still here')).toBe(0);
    expect(out.stdout).toBe('still here\n');
  }, 60_000);

  it('a loop with interrupts off: the watchdog still fires, and interrupts work again afterwards', async () => {
    const { sys, out } = guest([bad('irqs_off_loop'), STOPWATCH], 20_000_000);
    await sys.boot();
    expect(out.console).toMatch(/soft lockup - CPU#0 stuck for \d+s! \[insmod:\d+\]/);
    expect(await sys.execute('sh /guest_fs/stopwatch_ctrl.sh timeout 1; sleep 2; sh /guest_fs/stopwatch_ctrl.sh timeout')).toBe(0);
    expect(out.stdout).toBe('Number of IRQ ticks: 1\n');
  }, 60_000);

  it('a NULL dereference in read: an Oops with registers and a call trace, cat fails, the kernel is tainted', async () => {
    const { sys, out } = guest([bad('null_read')]);
    await sys.boot();
    expect(await sys.execute('cat /sys/kernel/debug/null_read/value')).not.toBe(0);
    const log = out.console;
    expect(log).toContain('Unable to handle kernel NULL pointer dereference at virtual address 00000000');
    expect(log).toContain('Oops [#1]');
    expect(log).toMatch(/CPU: 0 PID: \d+ Comm: \S+ Tainted: G {6}D {4}O/);
    expect(log).toMatch(/epc : null_read_read\+0x[0-9a-f]+\/0x[0-9a-f]+ \[null_read\]/);
    expect(log).toMatch(/status: [0-9a-f]{8} badaddr: 00000000 cause: 0000000[57d]/);
    expect(log).toMatch(/\[<[0-9a-f]{8}>\] null_read_read\+/);
    expect(await sys.execute('echo ok')).toBe(0);
  }, 60_000);

  it('a NULL dereference in an interrupt handler: an Oops in the handler, the IRQ disabled, the system goes on', async () => {
    const { sys, out } = guest([bad('bad_handler')]);
    await sys.boot();
    expect(await sys.execute('sleep 2; echo alive')).toBe(0);
    expect(out.stdout).toBe('alive\n');
    expect(out.console).toContain('Unable to handle kernel NULL pointer dereference at virtual address 00000000');
    expect(out.console).toMatch(/epc : bad_handler_irq\+0x[0-9a-f]+\/0x[0-9a-f]+ \[bad_handler\]/);
    expect(out.console).toContain('Disabling IRQ #3');
    expect(out.console.match(/Oops \[#/g)).toHaveLength(1);
  }, 60_000);

  it('an illegal instruction in init: Oops - illegal instruction, insmod fails, the system goes on', async () => {
    const { sys, out } = guest([]);
    await sys.boot();
    expect(await sys.drive(sys.shellKernel.insmod('illegal.ko', bad('illegal').object, []))).toBeLessThan(0);
    expect(out.console).toContain('Oops - illegal instruction [#1]');
    expect(out.console).toMatch(/epc : illegal_init\+0x[0-9a-f]+\/0x[0-9a-f]+ \[illegal\]/);
    expect(out.console).toMatch(/badaddr: ffffffff cause: 00000002/);
    expect(await sys.execute('echo ok')).toBe(0);
  }, 60_000);

  it('a stack overflow in a recursive function: caught in the guard, insmod fails', async () => {
    const { sys, out } = guest([]);
    await sys.boot();
    const status = await sys.drive(sys.shellKernel.insmod('deep_recursion.ko', bad('deep_recursion').object, []));
    expect(status).toBeLessThan(0);
    expect(out.console).toContain('Kernel stack overflow');
    expect(out.console).toMatch(/depth\+0x[0-9a-f]+\/0x[0-9a-f]+ \[deep_recursion\]/);
    expect(await sys.execute('echo ok')).toBe(0);
  }, 60_000);

  it('a driver without module_init loads, and cannot be removed without module_exit... unless it has neither', async () => {
    const { sys, out } = guest([bad('no_init')]);
    await sys.boot();
    expect(await sys.execute('lsmod')).toBe(0);
    expect(out.stdout).toMatch(/no_init +\d+ +0/);
    expect(await sys.execute('rmmod no_init && lsmod')).toBe(0);
    expect(out.stdout).not.toMatch(/no_init +\d+ +0\n.*no_init/s);
  }, 60_000);

  it('a module using a symbol the kernel does not export is refused: Unknown symbol, -ENOENT', async () => {
    const { sys, out } = guest([]);
    await sys.boot();
    const status = await sys.drive(sys.shellKernel.insmod('unexported.ko', bad('unexported').object, []));
    expect(status).toBe(-2);
    expect(out.console).toContain('unexported: Unknown symbol kallsyms_lookup_name_internal (err -2)');
    expect(sys.shellKernel.lsmod()).toEqual([]);
  }, 60_000);
});
