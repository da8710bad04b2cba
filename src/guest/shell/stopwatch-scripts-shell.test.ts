// stopwatch_ctrl.sh and stopwatch_test.sh in the guest shell, against
// providers that model the driver's sysfs and debugfs files (the dash test
// beside the scripts runs them against stand-in files and a model in sh,
// and expects the same results).
import { describe, expect, it } from 'vitest';
import { FakeKernel } from './fake-kernel.ts';
import { StopwatchModel } from './testing/stopwatch-model.ts';
import { testShell } from './testing/run-shell.ts';

function board() {
  const kernel = new FakeKernel();
  const model = new StopwatchModel(kernel);
  const t = testShell({ kernel, cwd: '/root' });
  model.install(t.vfs);
  return { ...t, model };
}

const RESULTS = '\nResults:\n1) after 1s: 1.00 seconds\n2) after 5s: 5.00 seconds\n3) after irq: Number of IRQ ticks: 2\n4) after reset: 0.00 seconds\n';

describe('stopwatch_test.sh in the guest shell', () => {
  it('prints the four results and succeeds against a stopwatch that follows the device rules', async () => {
    const b = board();
    const status = await b.shell.runScript('/guest_fs/stopwatch_test.sh');
    expect(b.out.stdout).toBe(RESULTS);
    expect(b.out.stderr).toBe('');
    expect(status).toBe(0);
    expect(b.model.deviceErrors).toEqual([]);
  });

  it('runs by its path from the prompt, and with sh', async () => {
    const b = board();
    expect(await b.shell.execute('/guest_fs/stopwatch_test.sh')).toBe(0);
    expect(b.out.stdout).toBe(RESULTS);
    const again = board();
    expect(await again.shell.execute('cd /guest_fs && sh stopwatch_test.sh > /tmp/out; echo $?; cat /tmp/out')).toBe(0);
    expect(again.out.stdout).toBe(`0\n${RESULTS}`);
  });

  it('fails when the driver loses a timeout interrupt', async () => {
    const b = board();
    b.model.loseInterrupts = true;
    const status = await b.shell.runScript('/guest_fs/stopwatch_test.sh');
    expect(b.out.stdout).toContain('3) after irq: Number of IRQ ticks: 0\n');
    expect(status).not.toBe(0);
  });
});

describe('stopwatch_ctrl.sh in the guest shell', () => {
  it('sends commands, shows the time and counts interrupts', async () => {
    const b = board();
    const ctrl = (args: string) => b.shell.execute(`/guest_fs/stopwatch_ctrl.sh ${args}`);
    expect(await ctrl('start')).toBe(0);
    expect(b.model.status).toBe('running');
    await b.shell.execute('sleep 2.5');
    expect(await ctrl('show')).toBe(0);
    expect(await ctrl('timeout 1')).toBe(0);
    await b.shell.execute('sleep 1');
    expect(await ctrl('timeout')).toBe(0);
    expect(await ctrl('pause')).toBe(0);
    expect(b.out.stdout).toBe('2.50 seconds\nNumber of IRQ ticks: 1\n');
  });

  it('prints the errno of a refused write, as busybox does, and fails', async () => {
    const b = board();
    expect(await b.shell.execute('/guest_fs/stopwatch_ctrl.sh timeout 0')).toBe(1);
    expect(b.out.stderr).toBe('sh: write error: Invalid argument\n');
    b.out.stderr = '';
    expect(await b.shell.execute('echo 7 > /sys/module/stopwatch/parameters/stopwatch_status')).toBe(1);
    expect(b.out.stderr).toBe('sh: write error: Invalid argument\n');
  });

  it('refuses a timeout that is not a number without touching the driver, and gives usage for an unknown action', async () => {
    const b = board();
    expect(await b.shell.execute('/guest_fs/stopwatch_ctrl.sh timeout soon')).toBe(2);
    expect(b.out.stderr).toMatch(/timeout must be a number of seconds/);
    expect(await b.shell.execute('/guest_fs/stopwatch_ctrl.sh lap')).toBe(3);
    expect(b.out.stderr).toMatch(/usage: \/guest_fs\/stopwatch_ctrl.sh ACTION/);
  });

  it('fails with the errno text when the driver is not loaded', async () => {
    const t = testShell();
    expect(await t.shell.execute('/guest_fs/stopwatch_ctrl.sh start')).not.toBe(0);
    expect(t.out.stderr).toBe("/guest_fs/stopwatch_ctrl.sh: line 32: can't create /sys/module/stopwatch/parameters/stopwatch_status: No such file or directory\n");
  });
});
