// The guest shell as a user at the terminal meets it: Ctrl-C, pipes that
// end, messages and exit statuses, the prompt, and the commands that ask
// the kernel (with the fake kernel).
import { describe, expect, it } from 'vitest';
import { Errno } from '../fs/errno.ts';
import { FakeKernel } from './fake-kernel.ts';
import { Shell } from './shell.ts';
import { testShell } from './testing/run-shell.ts';

/** A turn of Node's event loop, so a Ctrl-C from a timer can arrive. */
const macrotask = () => new Promise<void>((r) => setImmediate(r));

async function interruptAfterTurns(t: ReturnType<typeof testShell>, line: string, turns = 20) {
  const done = t.shell.execute(line);
  for (let i = 0; i < turns; i++) await macrotask();
  expect(t.shell.busy).toBe(true);
  t.shell.interrupt();
  return done;
}

describe('Ctrl-C', () => {
  it('stops `while true; do :; done` with ^C and status 130', async () => {
    const t = testShell({}, macrotask);
    expect(await interruptAfterTurns(t, 'while true; do :; done')).toBe(130);
    expect(t.out.stdout).toBe('^C\n');
    expect(t.shell.state.lastStatus).toBe(130);
    expect(await t.shell.execute('echo $?')).toBe(0);
    expect(t.out.stdout).toBe('^C\n130\n');
  });

  it('stops `cat /dev/zero` and a pipeline reading it', async () => {
    const t = testShell({}, macrotask);
    expect(await interruptAfterTurns(t, 'cat /dev/zero > /dev/null')).toBe(130);
    expect(await interruptAfterTurns(t, 'cat /dev/zero | grep x')).toBe(130);
    expect(t.out.stdout).toBe('^C\n^C\n');
  });

  it('wakes a read that waits for the driver', async () => {
    const t = testShell({}, macrotask);
    t.vfs.addProviderFile('/sys/kernel/debug/wait', { read: () => new Promise(() => {}) });
    expect(await interruptAfterTurns(t, 'cat /sys/kernel/debug/wait; echo not reached')).toBe(130);
    expect(t.out.stdout).toBe('^C\n');
  });

  it('stops a sleep on the virtual clock', async () => {
    const kernel = new FakeKernel(macrotask);
    kernel.sleep = (_ns, signal) => new Promise((resolve) => signal.onInterrupt(resolve));
    const t = testShell({ kernel }, macrotask);
    expect(await interruptAfterTurns(t, 'sleep 10; echo not reached')).toBe(130);
    expect(t.out.stdout).toBe('^C\n');
  });
});

describe('pipelines', () => {
  it('end when the reader has enough: cat /dev/zero | head -c 10', async () => {
    const t = testShell();
    expect(await t.shell.execute('cat /dev/zero | head -c 10 | wc -c')).toBe(0);
    expect(await t.shell.execute('while true; do echo y; done | head -n 3')).toBe(0);
    expect(t.out.stdout).toBe('10\ny\ny\ny\n');
  });

  it('carry a megabyte while both ends yield to the event loop', async () => {
    const t = testShell({}, macrotask);
    expect(await t.shell.execute('head -c 1000000 /dev/zero | wc -c')).toBe(0);
    expect(t.out.stdout).toBe('1000000\n');
  });
});

describe('messages and statuses', () => {
  it('says "not found" with status 127, and "Permission denied" with 126', async () => {
    const t = testShell({ files: { 'plain.sh': 'echo hi\n' } });
    expect(await t.shell.execute('frobnicate')).toBe(127);
    expect(await t.shell.execute('./plain.sh')).toBe(126);
    expect(t.out.stderr).toBe('sh: frobnicate: not found\nsh: ./plain.sh: Permission denied\n');
  });

  it('reports a syntax error with its line and status 2', async () => {
    const t = testShell({ files: { 'bad.sh': 'echo one\nif true; then\n  echo two\ndone\necho three\n' } });
    expect(await t.shell.execute('sh bad.sh')).toBe(2);
    expect(t.out.stdout).toBe('one\n');
    expect(t.out.stderr).toBe('bad.sh: line 4: syntax error: unexpected "done" (expecting "fi")\n');
    expect(await t.shell.execute('echo )')).toBe(2);
    expect(t.out.stderr).toMatch(/sh: line 1: syntax error: unexpected "\)"\n$/);
  });

  it('knows when a line needs more input', () => {
    expect(Shell.needsMoreInput('if true; then')).toBe(true);
    expect(Shell.needsMoreInput('echo "open')).toBe(true);
    expect(Shell.needsMoreInput('cat <<EOF\nhello')).toBe(true);
    expect(Shell.needsMoreInput('cat <<EOF\nhello\nEOF')).toBe(false);
    expect(Shell.needsMoreInput('for i in 1; do echo $i; done')).toBe(false);
    expect(Shell.needsMoreInput('fi')).toBe(false);
  });

  it('traces commands with set -x on stderr', async () => {
    const t = testShell();
    await t.shell.execute('set -x; x=$((1+1)); echo "a  b" $x');
    expect(t.out.stderr).toBe('+ x=2\n+ echo a  b 2\n');
  });

  it('prints a failed read from a driver file as cat does', async () => {
    const t = testShell();
    t.vfs.addProviderFile('/sys/module/m/parameters/p', { read: async () => -Errno.ENODEV });
    expect(await t.shell.execute('cat /sys/module/m/parameters/p')).toBe(1);
    expect(t.out.stderr).toBe('cat: read error: No such device\n');
  });

  it('refuses to open a read-only sysfs file for writing', async () => {
    const t = testShell();
    t.vfs.addProviderFile('/sys/kernel/debug/ro', { read: async () => new Uint8Array(0) }, 0o444);
    expect(await t.shell.execute('echo 1 > /sys/kernel/debug/ro')).toBe(2);
    expect(t.out.stderr).toBe("sh: can't create /sys/kernel/debug/ro: Permission denied\n");
  });

  it('ends the shell on exit', async () => {
    const t = testShell();
    expect(await t.shell.execute('exit 3')).toBe(3);
    expect(t.shell.exitStatus).toBe(3);
  });
});

describe('the prompt and the file system', () => {
  it('shows the working directory, busybox style', async () => {
    const t = testShell({ cwd: '/' });
    expect(t.shell.prompt()).toBe('/ # ');
    await t.shell.execute('cd /sys/kernel');
    expect(t.shell.prompt()).toBe('/sys/kernel # ');
    await t.shell.execute('cd');
    expect(t.shell.prompt()).toBe('~ # ');
  });

  it('lists the mounts', async () => {
    const t = testShell();
    await t.shell.execute('mount | grep -c " on /"');
    await t.shell.execute('mount | grep debugfs');
    expect(t.out.stdout).toBe('6\ndebugfs on /sys/kernel/debug type debugfs (rw,relatime)\n');
  });

  it('makes character devices with mknod and shows them with ls -l and stat', async () => {
    const t = testShell();
    await t.shell.execute('mknod /dev/zero2 c 1 5 && head -c 4 /dev/zero2 | hexdump -C; ls -l /dev/null');
    expect(t.out.stdout).toBe('00000000  00 00 00 00                                       |....|\n00000004\n'
      + 'crw-rw-rw-    1 root     root        1,   3 Jan  1 00:00 /dev/null\n');
    await t.shell.execute('mknod /dev/none c 250 0 && cat /dev/none');
    expect(t.out.stderr).toBe("cat: can't open '/dev/none': No such device or address\n");
  });
});

describe('kernel commands', () => {
  it('sleep advances the virtual clock', async () => {
    const t = testShell();
    await t.shell.execute('sleep 1.5; sleep 2');
    expect(t.kernel.now).toBe(3_500_000_000n);
  });

  it('insmod, lsmod and rmmod, with busybox messages on failure', async () => {
    const t = testShell({ files: { 'bad.ko': 'not an ELF' } });
    t.vfs.writeFile('/work/good.ko', '\x7fELF....');
    expect(await t.shell.execute('insmod good.ko answer=42 && lsmod')).toBe(0);
    expect(t.out.stdout).toBe('Module                  Size  Used by\ngood                       8  0\n');
    expect(await t.shell.execute('insmod bad.ko')).toBe(1);
    expect(await t.shell.execute('rmmod good && rmmod good')).toBe(1);
    expect(await t.shell.execute('insmod missing.ko')).toBe(1);
    expect(t.out.stderr).toBe("insmod: can't insert 'bad.ko': Exec format error\n"
      + "rmmod: can't unload module 'good': No such file or directory\n"
      + "insmod: can't read 'missing.ko': No such file or directory\n");
    expect(await t.shell.execute('dmesg')).toBe(0);
    expect(t.out.stdout).toContain('good: loaded (answer=42)\n');
  });

  it('uname, poweroff and help', async () => {
    const t = testShell();
    await t.shell.execute('uname; uname -a; uname -rm');
    expect(t.out.stdout).toBe('Linux\nLinux paravirt 6.1.0 #1 riscv32 GNU/Linux\n6.1.0 riscv32\n');
    await t.shell.execute('help | grep -c insmod; poweroff');
    expect(t.kernel.powered).toBe('off');
  });
});
