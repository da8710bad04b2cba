// The guest in the worker, driven through the protocol as the page drives it:
// it boots to the prompt with the stopwatch driver, keys typed reach the
// shell, Build & load swaps the module in the running guest, Ctrl-C ends a
// command, the guest goes on running at the prompt, and a breakpoint in the
// driver stops it until Run.
import { afterEach, describe, expect, it } from 'vitest';
import type { DriverSources } from '../protocol/driver.ts';
import { exampleDriver, GuestPage } from '../../tests/support/guest-page.ts';

/** The shipped stopwatch driver, as the page's editor opens it. */
const stopwatchDriver = (): DriverSources => exampleDriver('stopwatch');


let page: GuestPage | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

describe('the guest in the worker', () => {
  it('boots to the prompt with the stopwatch inserted, and runs what is typed', async () => {
    page = new GuestPage();
    await page.boot();
    expect(page.last('guest-booted')).toBeDefined();
    expect(page.last('driver-built')).toMatchObject({ module: 'stopwatch', ok: true, loaded: true });
    expect(page.last('status')).toMatchObject({ state: 'running', speed: 'realtime' });
    expect(stopwatchDriver().files['stopwatch_hw-sw.h']).toBeDefined();
    const out = await page.command('lsmod');
    expect(out).toMatch(/\r\nstopwatch\s+\d+/);
    expect(out).not.toMatch(/[^\r]\n/); // the terminal gets "\r\n" line ends
    expect(await page.command('cat /sys/kernel/debug/stopwatch/stopwatch')).toMatch(/\d/);
  });

  it('Build & load replaces the module by typing rmmod and insmod at the prompt', async () => {
    page = new GuestPage();
    await page.boot();
    const from = page.screen.length;
    page.send({ type: 'build-driver', driver: stopwatchDriver() });
    await page.until(() => page!.events.filter((e) => e.type === 'driver-built').length === 2, 'the build');
    expect(page.last('driver-built')).toMatchObject({ ok: true, loaded: true });
    await page.until(() => page!.screen.endsWith('/ # '), 'the prompt after insmod');
    const shown = page.screen.slice(from);
    expect(shown).toContain('/ # rmmod stopwatch\r\n');
    expect(shown).toContain('/ # insmod /root/stopwatch.ko\r\n');
    expect(await page.command('lsmod')).toMatch(/\r\nstopwatch\s+\d+/);
  });

  it('a driver that does not compile changes nothing in the guest', async () => {
    page = new GuestPage();
    await page.boot();
    const good = stopwatchDriver();
    const from = page.screen.length;
    page.send({ type: 'build-driver', driver: { ...good, files: { ...good.files, 'stopwatch.c': `${good.files['stopwatch.c']}\nint broken = ;\n` } } });
    const built = page.last('driver-built')!;
    expect(built).toMatchObject({ ok: false, loaded: false });
    expect(built.diagnostics.some((d) => d.severity === 'error' && d.file === 'stopwatch.c')).toBe(true);
    expect(built.message).toContain('nothing in the guest changed');
    expect(page.screen.slice(from)).not.toContain('rmmod');
    expect(await page.command('lsmod')).toMatch(/\r\nstopwatch\s+\d+/);
  });

  it('Build & load waits for the prompt: while a command runs it says so and changes nothing', async () => {
    page = new GuestPage();
    await page.boot();
    page.type('sleep 100\r');
    await page.until(() => page!.screen.endsWith('sleep 100\r\n'), 'the command to start');
    page.send({ type: 'build-driver', driver: stopwatchDriver() });
    await page.until(() => page!.events.filter((e) => e.type === 'driver-built').length === 2, 'the build');
    expect(page.last('driver-built')).toMatchObject({ ok: true, loaded: false });
    expect(page.last('driver-built')!.message).toContain('a command is still running in the terminal');
    expect(page.screen).not.toContain('rmmod');
  });

  it('Ctrl-C ends a running command and gives the prompt back; half-typed lines are dropped', async () => {
    page = new GuestPage();
    await page.boot();
    const from = page.screen.length;
    page.type('sleep 100\r');
    await page.until(() => page!.screen.endsWith('sleep 100\r\n'), 'the command to start');
    page.type('\x03');
    await page.until(() => page!.screen.endsWith('/ # '), 'the prompt after Ctrl-C');
    expect(page.screen.slice(from)).toContain('^C');
    page.type('echo "open\x03');
    await page.until(() => page!.screen.endsWith('open^C\r\n/ # '), 'the line to be abandoned');
  });

  it('keeps running at the prompt: virtual time goes on while nothing is typed', async () => {
    page = new GuestPage();
    await page.boot();
    page.send({ type: 'pause' });
    const atPrompt = page.last('registers')!.registers.timeNs;
    page.send({ type: 'run' });
    await page.until(() => page!.last('registers')!.registers.timeNs > atPrompt + 50_000_000, 'virtual time to move on');
    expect(page.last('status')).toMatchObject({ state: 'running' });
  });

  it('fast-forward jumps over a command\'s idle time: sleep 100 ends in a moment of wall time', async () => {
    page = new GuestPage();
    await page.boot();
    page.send({ type: 'set-speed', mode: 'fast' });
    page.send({ type: 'pause' });
    const before = page.last('registers')!.registers.timeNs;
    page.send({ type: 'run' });
    expect(await page.command('sleep 100')).toBe('sleep 100\r\n/ # ');
    page.send({ type: 'pause' });
    expect(page.last('registers')!.registers.timeNs - before).toBeGreaterThanOrEqual(100e9);
    expect(page.last('status')).toMatchObject({ speed: 'fast' });
  });

  it('stops at a breakpoint in the driver, shows the task, and goes on with Run', async () => {
    page = new GuestPage();
    await page.boot();
    const sys = page.host.system!;
    const read = sys.kernel.modules.find((m) => m.name === 'stopwatch')!.symbols.get('stopwatch_time_read')!;
    expect(read).toBeGreaterThan(0);
    page.send({ type: 'set-breakpoints', pcs: [read] });
    const from = page.screen.length;
    page.type('cat /sys/kernel/debug/stopwatch/stopwatch\r');
    await page.until(() => page!.last('status')?.state === 'paused', 'the breakpoint');
    expect(page.last('status')!.stop).toEqual({ reason: 'breakpoint', pc: read });
    const regs = page.last('registers')!.registers;
    expect(regs.pc).toBe(read);
    expect(regs.priv).toBe('S');
    expect(regs.task).toBeTruthy();
    page.send({ type: 'step', count: 1 });
    expect(page.last('status')!.stop).toEqual({ reason: 'step', count: 1, waiting: false });
    expect(page.last('registers')!.registers.pc).not.toBe(read);
    page.send({ type: 'set-breakpoints', pcs: [] });
    page.send({ type: 'run' });
    await page.until(() => page!.screen.endsWith('/ # '), 'the command to finish');
    expect(page.screen.slice(from)).toMatch(/\r\n\d+\.\d\d seconds\r\n\/ # $/);
  });

  it('poweroff stops the machine for good until Reset; reboot boots again by itself', async () => {
    page = new GuestPage();
    await page.boot();
    page.type('poweroff\r');
    await page.until(() => page!.last('status')?.state === 'halted', 'the power-off');
    expect(page.last('status')!.stop).toEqual({ reason: 'poweroff', exitCode: 0 });
    page.send({ type: 'run' });
    expect(page.last('error')!.message).toContain('press Reset');
    page.send({ type: 'reset' });
    await page.until(() => page!.events.filter((e) => e.type === 'guest-booted').length === 2, 'the boot after Reset');
    page.type('reboot\r');
    await page.until(() => page!.events.filter((e) => e.type === 'guest-booted').length === 3, 'the boot after reboot');
    expect(page.last('status')).toMatchObject({ state: 'running' });
  });

  it('reset boots the guest again with the driver', async () => {
    page = new GuestPage();
    await page.boot();
    await page.command('echo before');
    page.screen = '';
    page.send({ type: 'reset' });
    await page.until(() => page!.screen.endsWith('/ # '), 'the prompt after reset');
    expect(page.events.filter((e) => e.type === 'guest-booted')).toHaveLength(2);
    expect(await page.command('lsmod')).toMatch(/\r\nstopwatch\s+\d+/);
  });

  it('a breakpoint on a C line of the driver stops cat in its read function; Step line goes to the next line; Run finishes the cat', async () => {
    page = new GuestPage();
    await page.boot();
    page.send({ type: 'set-source-breakpoints', file: 'stopwatch.c', lines: [215] });
    expect(page.last('breakpoints-resolved')).toEqual({ type: 'breakpoints-resolved', file: 'stopwatch.c', lines: [215] });
    const p = page;
    p.type('cat /sys/kernel/debug/stopwatch/stopwatch\r');
    await p.until(() => p.last('source-location')?.location !== undefined && p.last('status')?.state === 'paused', 'the stop at line 215');
    expect(p.last('source-location')!.location).toMatchObject({ file: 'stopwatch.c', line: 215, function: 'stopwatch_time_read' });
    const pcAtStop = p.last('registers')!.registers.pc;
    p.send({ type: 'step-source', how: 'line' });
    await p.until(() => p.last('source-location')?.location?.line === 216 && p.last('status')?.state === 'paused', 'the stop at line 216');
    expect(p.last('registers')!.registers.pc).not.toBe(pcAtStop);
    // Continue: the first read returns the time; the second read (EOF) stops at 215 again.
    p.send({ type: 'run' });
    await p.until(() => p.last('status')?.state === 'paused' && p.last('source-location')?.location?.line === 215, 'the second read');
    p.send({ type: 'set-source-breakpoints', file: 'stopwatch.c', lines: [] });
    p.send({ type: 'run' });
    await p.until(() => p.screen.endsWith('/ # ') && /\d+\.\d+ seconds/.test(p.screen), 'the prompt after cat');
    // A line with no code (a blank line) takes the next line that has code, as gdb does.
    p.send({ type: 'set-source-breakpoints', file: 'stopwatch.c', lines: [214] });
    expect(p.last('breakpoints-resolved')!.lines).toEqual([215]); // gdb's rule: the next line with code
  });
});

describe('the Variables view\'s frames', () => {
  it('come with each stop in the driver (its arguments and locals), and go when the guest runs on', async () => {
    page = new GuestPage();
    await page.boot();
    const p = page;
    p.send({ type: 'set-source-breakpoints', file: 'stopwatch.c', lines: [213] });
    p.type('cat /sys/kernel/debug/stopwatch/stopwatch\r');
    await p.until(() => p.last('frame')?.frame != null && p.last('status')?.state === 'paused', 'the stop at line 213');
    const atStop = p.last('frame')!.frame!;
    expect(atStop.function).toBe('stopwatch_time_read');
    expect(atStop.variables.map((v) => `${v.role} ${v.type} ${v.name}`)).toEqual([
      'argument struct file * file', 'argument char * buf', 'argument size_t count', 'argument loff_t * ppos', 'local struct stopwatch * sw',
    ]);
    expect(atStop.variables.find((v) => v.name === 'count')!.value).toMatch(/^[1-9]\d* \(0x[0-9a-f]{8}\)$/);
    p.send({ type: 'step-source', how: 'line' });
    await p.until(() => p.last('source-location')?.location?.line === 215 && p.last('status')?.state === 'paused', 'the stop at line 215');
    const stepped = p.last('frame')!.frame!;
    expect(stepped.frame).toBe(atStop.frame); // the same call
    expect(stepped.variables.find((v) => v.name === 'sw')!.value).toMatch(/^0x[0-9a-f]{8}$/);
    p.send({ type: 'set-source-breakpoints', file: 'stopwatch.c', lines: [] });
    p.send({ type: 'run' });
    await p.until(() => p.screen.endsWith('/ # ') && /\d+\.\d+ seconds/.test(p.screen), 'the prompt after cat');
    expect(p.last('frame')!.frame).toBeNull();
  });
});
