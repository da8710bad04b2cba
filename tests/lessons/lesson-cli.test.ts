// `paravirt lesson` as a course's CI runs it: lesson 5's check passes on a
// completed show path and fails on the bare skeleton with the failing rule's
// message, and every way a submission can go wrong (it does not compile, does
// not load, crashes the kernel, never finishes) ends in exit 1 with a reason
// a student can act on. Mistakes in the grading command itself exit 2.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/paravirt.mjs');
const FIXTURES = join(ROOT, 'tests/lessons/fixtures/lessons');
const STOCK = join(ROOT, 'src/guest/drivers/stopwatch/stopwatch.c');

function lesson(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'lesson', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const check = (driver: string, ...more: string[]) => lesson('check', '5', '--driver', driver, '--lessons', FIXTURES, ...more);

/** The stock driver with `stopwatch_update_text`'s body replaced: the show path as a student might write it. */
function withUpdateText(body: string): string {
  const stock = readFileSync(STOCK, 'utf8');
  const replaced = stock.replace(/static void stopwatch_update_text\(struct stopwatch \*sw\)\n\{[\s\S]*?\n\}\n/,
    `static void stopwatch_update_text(struct stopwatch *sw)\n{\n${body}\n}\n`);
  expect(replaced).not.toBe(stock);
  return replaced.replace('#include <asm/page.h>', '#include <asm/page.h>\n#include <linux/completion.h>');
}

/** A submission folder holding one driver file (no stopwatch_hw-sw.h beside it: the grader brings the stock one). */
function submission(name: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-cli-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

const SKELETON = withUpdateText('\t/* TODO: send UPDATE, then copy the text out of shared memory. */\n\tsw->text_len = 0;');

describe("paravirt lesson check 5 on the course's own lesson (lessons/05-show-path.md)", () => {
  it('passes on the completed skeleton (tests/lessons/solutions/show-path.c)', () => {
    const r = lesson('check', '5', '--driver', join(ROOT, 'tests/lessons/solutions/show-path.c'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('lesson 5, Write the show path yourself: your driver, inserted as module stopwatch');
    expect(r.stdout).toContain('✓ a trapped write of UPDATE to `command`');
    expect(r.stdout).toMatch(/show \(your driver\): 0 VM exits \(0\.0 µs\), \d+ pass-through accesses/);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 5 passed');
    expect(r.status).toBe(0);
  }, 120_000);

  it("fails on the bare skeleton (lessons/drivers/show-path/stopwatch.c) with the failing rules' messages", () => {
    const r = lesson('check', '5', '--driver', join(ROOT, 'lessons/drivers/show-path/stopwatch.c'));
    expect(r.stdout).toContain('✗ show did not send UPDATE, so the host never wrote the time.');
    expect(r.stdout).toContain('✗ show printed nothing.');
    expect(r.stdout).toContain('  $ /guest_fs/stopwatch_ctrl.sh show\n');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^lesson 5 failed: \d of its \d checks did not pass$/);
    expect(r.status).toBe(1);
  }, 120_000);

  it('a lesson number out of the course says which there are', () => {
    const r = lesson('check', '9', '--driver', join(ROOT, 'tests/lessons/solutions/show-path.c'));
    expect(r.stderr).toBe("paravirt lesson: there is no lesson 9: there are lessons 1–7 ('paravirt lesson list' shows them)\n");
    expect(r.status).toBe(2);
  });
});

describe('paravirt lesson check 5 (a fixture lesson: every way a submission goes wrong)', () => {
  it('passes on a completed show path, whatever the file is called (it is inserted as the lesson\'s module)', () => {
    const r = check(submission('ana-lopez.c', readFileSync(STOCK, 'utf8')));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('lesson 5, Write the show path (fixture): your driver, inserted as module stopwatch');
    expect(r.stdout).toContain('✓ a trapped write of UPDATE to `command`');
    expect(r.stdout).toContain("✓ the device's `status` reads PAUSED");
    expect(r.stdout).toMatch(/show \(shared memory\): 0 VM exits \(0\.0 µs\), \d+ pass-through accesses/);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 5 passed');
    expect(r.status).toBe(0);
  }, 120_000);

  it("fails on the bare skeleton with the failing rules' messages and what the guest printed", () => {
    const r = check(submission('stopwatch.c', SKELETON));
    expect(r.stdout).toContain('✗ Your read never sends UPDATE to `command`, so the host never writes the time into `data`.');
    expect(r.stdout).toContain('✗ After UPDATE, copy `data_len` and the text out of shared memory');
    expect(r.stdout).toContain("✓ the device's `status` reads PAUSED");
    expect(r.stdout).toContain('  $ /guest_fs/stopwatch_ctrl.sh show\n');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 5 failed: 2 of its 3 checks did not pass');
    expect(r.status).toBe(1);
  }, 120_000);

  it('--json prints the check result: ok, each rule with its message, the measured window', () => {
    const r = check(submission('stopwatch.c', SKELETON), '--json');
    const result = JSON.parse(r.stdout) as { ok: boolean; rules: { ok: boolean; message: string; rule: { kind: string } }[]; problem: unknown };
    expect(result.ok).toBe(false);
    expect(result.problem).toBeNull();
    expect(result.rules.map((x) => [x.rule.kind, x.ok])).toEqual([['event', false], ['window', false], ['device', true]]);
    expect(result.rules[0]!.message).toMatch(/^Your read never sends UPDATE/);
    expect(r.status).toBe(1);
  }, 120_000);

  it("a driver that does not compile: the compiler's file:line:col diagnostics, nothing run, exit 1", () => {
    const file = submission('stopwatch.c', withUpdateText('\tsw->text_len = readl(&sw->mem->data_length);'));
    const r = check(file);
    expect(r.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error: .*data_length`));
    expect(r.stdout).not.toContain('What the guest shell printed');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 5 failed: your driver does not compile (1 error), so it was not run');
    expect(r.status).toBe(1);
  }, 120_000);

  it("a driver that does not load: insmod's error and the kernel log", () => {
    const r = check(submission('stopwatch.c', '#include <linux/module.h>\n#include <linux/errno.h>\n'
      + 'static int __init sw_init(void)\n{\n\tpr_err("sw: nothing to drive here\\n");\n\treturn -ENODEV;\n}\nmodule_init(sw_init);\nMODULE_LICENSE("GPL");\n'));
    expect(r.stdout).toContain('The kernel log from the insmod on:');
    expect(r.stdout).toContain('sw: nothing to drive here');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe("lesson 5 failed: your driver does not load: insmod: can't insert 'stopwatch.ko': No such device");
    expect(r.status).toBe(1);
  }, 120_000);

  it("a fault in the driver: the kernel's oops, naming the function", () => {
    const r = check(submission('stopwatch.c', withUpdateText('\tsw->text_len = *(volatile int *)0;')));
    expect(r.stdout).toContain('Unable to handle kernel NULL pointer dereference at virtual address 00000000');
    expect(r.stdout).toMatch(/epc : stopwatch_update_text\+0x[0-9a-f]+\/0x[0-9a-f]+ \[stopwatch\]/);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 5 failed: the kernel caught a fault in your driver while running `/guest_fs/stopwatch_ctrl.sh show`');
    expect(r.status).toBe(1);
  }, 120_000);

  it('a read that waits for a completion nobody signals: the command that did not finish', () => {
    const r = check(submission('stopwatch.c', withUpdateText('\tstatic DECLARE_COMPLETION(never);\n\n\twait_for_completion(&never);')));
    expect(r.stdout).toContain('  $ /guest_fs/stopwatch_ctrl.sh show\n  (did not finish)');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(
      /^lesson 5 failed: the guest did not finish `\/guest_fs\/stopwatch_ctrl\.sh show` within 30 s of virtual time: every task is asleep/);
    expect(r.status).toBe(1);
  }, 120_000);

  it('--time-limit bounds each command in virtual seconds', () => {
    const r = check(submission('stopwatch.c', readFileSync(STOCK, 'utf8')), '--time-limit', '0.5');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 5 failed: the guest did not finish `sleep 1` within 0.5 s of virtual time');
    expect(r.status).toBe(1);
  }, 120_000);

  it('stops typing commands after one powers the guest off, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesson-cli-lessons-'));
    writeFileSync(join(dir, '01-off.md'), '---\nid: off\nnumber: 1\ntitle: Off\ngoal: g\ncheck:\n'
      + '  - event: { kind: mmio, access: trap, op: write, reg: command, valueName: PAUSE }\n    missing: Not paused.\n'
      + 'grade:\n  commands: [/guest_fs/stopwatch_ctrl.sh start, poweroff, /guest_fs/stopwatch_ctrl.sh pause]\n---\n');
    const r = lesson('check', '1', '--driver', STOCK, '--lessons', dir);
    expect(r.stdout).toContain('note: `poweroff` turned the guest off: the 1 command after it did not run');
    expect(r.stdout).toContain('✗ Not paused.');
    expect(r.status).toBe(1);
  }, 120_000);

  it('a missing driver file fails the submission (exit 1)', () => {
    const r = check(join(tmpdir(), 'no-such-dir', 'stopwatch.c'));
    expect(r.stdout).toContain('lesson 5 failed: there is no driver to check');
    expect(r.status).toBe(1);
  });
});

describe('paravirt lesson check 1 (a fixture: remove and probe again)', () => {
  it("the lesson's commands reload the student's module from /root, and a service's return value is checked", () => {
    const r = lesson('check', '1', '--driver', STOCK, '--lessons', FIXTURES);
    expect(r.stdout).toContain('✓ the kernel calling the driver\'s `/_probe$/`, then a call to `devm_platform_ioremap_resource` returning `0x04000000`');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 1 passed');
    expect(r.status).toBe(0);
  }, 120_000);

  it('fails when the probe maps the shared memory twice and never the registers', () => {
    const memTwice = readFileSync(STOCK, 'utf8').replace('devm_platform_ioremap_resource(pdev, 1)', 'devm_platform_ioremap_resource(pdev, 0)');
    const r = lesson('check', '1', '--driver', submission('stopwatch.c', memTwice), '--lessons', FIXTURES);
    expect(r.stdout).toContain('error -EBUSY: cannot map the registers (reg 1)');
    expect(r.stdout).toContain('✗ The probe did not map reg 0, then reg 1, then take its interrupt. (found the first 2 of 4 events in order)');
    expect(r.status).toBe(1);
  }, 120_000);
});

describe('paravirt lesson check 4 (an interrupt)', () => {
  const interrupts = (driver: string) => lesson('check', '4', '--driver', driver, '--lessons', FIXTURES);

  it('passes when the handler acknowledges the device: line, PLIC, handler, ACK, complete, once', () => {
    const r = interrupts(STOCK);
    expect(r.stdout).toContain('✓ the kernel calling the interrupt handler: exactly 1');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 4 passed');
    expect(r.status).toBe(0);
  }, 120_000);

  it('counts every interrupt of a storm (none lost to the trace ring) and shows the storm guard in the kernel log', () => {
    const r = interrupts(join(ROOT, 'examples/drivers/stopwatch-noack/stopwatch_noack.c'));
    expect(r.stdout).toContain('(found 10001, expected exactly 1)');
    expect(r.stdout).toContain('irq 3: interrupt storm: 10001 interrupts');
    expect(r.stdout).toContain('✗ The timeout interrupt did not travel line → PLIC → handler → ACK → complete. (found the first 3 of 5 events in order)');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('lesson 4 failed: 2 of its 2 checks did not pass');
    expect(r.status).toBe(1);
  }, 120_000);
});

describe('paravirt lesson: mistakes in the grading command exit 2', () => {
  it('no such lesson names the ones there are', () => {
    const r = lesson('check', '9', '--driver', STOCK, '--lessons', FIXTURES);
    expect(r.stderr).toBe("paravirt lesson: there is no lesson 9: there are lessons 1, 2, 4, 5 ('paravirt lesson list' shows them)\n");
    expect(r.status).toBe(2);
  });

  it('a lesson without grade commands, or that needs the debugger, is checked in the page', () => {
    const r = lesson('check', '2', '--driver', STOCK, '--lessons', FIXTURES);
    expect(r.stderr).toContain('paravirt lesson: lesson 2 is checked in the page: it asks you to step over a trapped write to `command` in the debugger');
    expect(r.status).toBe(2);
  });

  it('check without --driver, or an unknown option, prints the usage', () => {
    const r = lesson('check', '5', '--lessons', FIXTURES);
    expect(r.stderr).toContain("paravirt lesson: say which driver to check: 'paravirt lesson check 5 --driver FILE.c'");
    expect(r.stderr).toContain('usage: paravirt lesson list');
    expect(r.status).toBe(2);
    expect(lesson('check', '5', '--frobnicate').status).toBe(2);
  });

  it('a lesson file that does not parse names the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesson-cli-lessons-'));
    writeFileSync(join(dir, '01-broken.md'), '---\nid: broken\nnumber: 1\ntitle: Broken\ngoal: none\ncheck: []\n---\n');
    const r = lesson('list', '--lessons', dir);
    expect(r.stderr).toContain('01-broken.md: check: a lesson needs at least one rule to check');
    expect(r.status).toBe(2);
  });
});

describe('paravirt lesson list', () => {
  it('prints each lesson with its number, title and whether the command line can check it', () => {
    const r = lesson('list', '--lessons', FIXTURES);
    expect(r.stdout).toBe(' 1  Probe (fixture)                 paravirt lesson check\n'
      + ' 2  Step through a write (fixture)  checked in the page\n'
      + ' 4  Interrupts (fixture)            paravirt lesson check\n'
      + ' 5  Write the show path (fixture)   paravirt lesson check\n');
    expect(r.status).toBe(0);
  });

  it('--help is written for a student', () => {
    const r = lesson('--help');
    expect(r.stdout).toContain('paravirt lesson check N --driver FILE.c');
    expect(r.stdout).toContain('Exit status: 0 the lesson passed; 1 it did not');
    expect(r.status).toBe(0);
  });
});
