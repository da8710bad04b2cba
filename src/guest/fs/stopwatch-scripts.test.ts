// stopwatch_ctrl.sh and stopwatch_test.sh are POSIX sh for the guest's shell;
// here they run under dash (Debian's strict POSIX sh) against stand-in files:
// a directory in place of the driver's sysfs/debugfs files for the control
// script, and a small model of the driver (from docs/devices/stopwatch.md, with
// a `sleep` that advances a virtual clock) for the test sequence.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CTRL = fileURLToPath(new URL('./stopwatch_ctrl.sh', import.meta.url));
const TEST = fileURLToPath(new URL('./stopwatch_test.sh', import.meta.url));

function fakeDriverFiles(): { params: string; debugfs: string } {
  const dir = mkdtempSync(join(tmpdir(), 'stopwatch-sysfs-'));
  const params = join(dir, 'parameters');
  mkdirSync(params);
  writeFileSync(join(params, 'stopwatch_status'), '1\n');
  writeFileSync(join(params, 'stopwatch_timeout'), '2\n');
  writeFileSync(join(dir, 'stopwatch'), '4.25 seconds\n');
  return { params, debugfs: join(dir, 'stopwatch') };
}

function ctrl(files: { params: string; debugfs: string }, ...args: string[]) {
  const r = spawnSync('dash', [CTRL, ...args], {
    encoding: 'utf8',
    env: { ...process.env, STOPWATCH_PARAMS: files.params, STOPWATCH_DEBUGFS: files.debugfs },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stopwatch_ctrl.sh', () => {
  it('writes the command numbers of stopwatch_hw-sw.h to stopwatch_status', () => {
    const files = fakeDriverFiles();
    for (const [action, number] of [['reset', '0'], ['start', '1'], ['pause', '2']]) {
      expect(ctrl(files, action).status).toBe(0);
      expect(readFileSync(join(files.params, 'stopwatch_status'), 'utf8')).toBe(`${number}\n`);
    }
  });

  it('shows the debugfs text and the IRQ count', () => {
    const files = fakeDriverFiles();
    expect(ctrl(files, 'show').stdout).toBe('4.25 seconds\n');
    expect(ctrl(files, 'timeout').stdout).toBe('Number of IRQ ticks: 2\n');
  });

  it('arms a timeout, and refuses a non-number without touching the driver', () => {
    const files = fakeDriverFiles();
    expect(ctrl(files, 'timeout', '3').status).toBe(0);
    expect(readFileSync(join(files.params, 'stopwatch_timeout'), 'utf8')).toBe('3\n');
    const bad = ctrl(files, 'timeout', 'soon');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/timeout must be a number of seconds/);
    expect(readFileSync(join(files.params, 'stopwatch_timeout'), 'utf8')).toBe('3\n');
  });

  it('fails when the driver refuses the write, and prints its usage for an unknown action', () => {
    const files = fakeDriverFiles();
    const refused = { ...files, params: join(files.params, 'missing') };
    expect(ctrl(refused, 'start').status).not.toBe(0);
    const unknown = ctrl(files, 'lap');
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toMatch(/usage: .* ACTION/);
  });
});

/** A model of the driver's files over the device's rules, in sh: time in
 * centiseconds advanced by the fake sleep; a timeout fires when the clock
 * passes its deadline (checked at every access, as the host timer would). */
const MODEL_CTRL = `#!/bin/sh
S=$STATE
now=$(cat $S/now); status=$(cat $S/status); total=$(cat $S/total); mark=$(cat $S/mark)
deadline=$(cat $S/deadline); irqs=$(cat $S/irqs)
if [ "$deadline" -ge 0 ] && [ "$now" -ge "$deadline" ]; then irqs=$((irqs + 1)); deadline=-1; fi
elapsed=$total; [ "$status" = running ] && elapsed=$((total + now - mark))
case $1 in
reset) status=reset; total=0 ;;
start) [ "$status" = running ] && { echo "device error: START while RUNNING" >&2; exit 1; }; status=running; mark=$now ;;
pause) [ "$status" = running ] && { total=$elapsed; status=paused; } ;;
show) printf '%d.%02d seconds\\n' $((elapsed / 100)) $((elapsed % 100)) ;;
timeout) if [ -z "$2" ]; then echo "Number of IRQ ticks: $irqs"; elif [ "$deadline" -lt 0 ]; then deadline=$((now + $2 * 100)); fi ;;
esac
echo $status > $S/status; echo $total > $S/total; echo $mark > $S/mark; echo $deadline > $S/deadline; echo $irqs > $S/irqs
`;

/** The fake sleep: N seconds of virtual time, at once. */
const MODEL_SLEEP = '#!/bin/sh\necho $(( $(cat $STATE/now) + $1 * 100 )) > $STATE/now\n';

function runTestScript(model: string) {
  const dir = mkdtempSync(join(tmpdir(), 'stopwatch-model-'));
  const state = join(dir, 'state');
  const bin = join(dir, 'bin');
  mkdirSync(state);
  mkdirSync(bin);
  for (const [f, v] of Object.entries({ now: '0', status: 'reset', total: '0', mark: '0', deadline: '-1', irqs: '0' })) {
    writeFileSync(join(state, f), `${v}\n`);
  }
  writeFileSync(join(bin, 'ctrl'), model);
  writeFileSync(join(bin, 'sleep'), MODEL_SLEEP);
  chmodSync(join(bin, 'ctrl'), 0o755);
  chmodSync(join(bin, 'sleep'), 0o755);
  return spawnSync('dash', [TEST], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, STATE: state, CTRL: join(bin, 'ctrl') },
  });
}

describe('stopwatch_test.sh', () => {
  it('reports 1.00 s, 5.00 s, 2 IRQ ticks and 0.00 s against a stopwatch that follows the device rules', () => {
    const r = runTestScript(MODEL_CTRL);
    expect(r.stdout).toContain('1) after 1s: 1.00 seconds\n2) after 5s: 5.00 seconds\n3) after irq: Number of IRQ ticks: 2\n4) after reset: 0.00 seconds\n');
    expect(r.status).toBe(0);
  });

  it('fails when the driver loses a timeout interrupt', () => {
    const r = runTestScript(MODEL_CTRL.replace('irqs=$((irqs + 1))', 'irqs=$irqs'));
    expect(r.stdout).toContain('3) after irq: Number of IRQ ticks: 0');
    expect(r.status).not.toBe(0);
  });
});
