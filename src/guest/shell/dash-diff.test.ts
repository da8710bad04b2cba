// Differential tests against dash (Debian's /bin/sh): each script runs in
// the guest shell over an in-memory file system and under dash in a temp
// directory holding the same files; stdout, whether stderr has text, and
// the exit status must agree. Scripts use only relative paths, and only the
// commands both sides have.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScriptText } from './testing/run-shell.ts';
import { CORPUS } from './testing/corpus.ts';

function dash(script: string, files: Record<string, string>, args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'guest-sh-diff-'));
  for (const [name, text] of Object.entries({ ...files, 'script.sh': script })) writeFileSync(join(dir, name), text, 'latin1');
  const r = spawnSync('dash', ['script.sh', ...args], {
    cwd: dir, encoding: 'latin1', timeout: 60_000, killSignal: 'SIGKILL',
    env: { PATH: '/usr/bin:/bin', LC_ALL: 'C', HOME: '/root' },
  });
  if (r.error) throw new Error(`dash did not finish the script within 60 s (killed by the time limit): ${r.error.message}`);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('the guest shell agrees with dash', () => {
  for (const c of CORPUS) {
    it(c.name, async () => {
      const want = dash(c.script, c.files ?? {}, c.args ?? []);
      const got = await runScriptText(c.script, { files: c.files, env: { HOME: '/root' } }, c.args ?? []);
      expect({ stdout: got.stdout, stderr: got.stderr !== '', status: got.status }, `dash stderr: ${want.stderr}\nours: ${got.stderr}`)
        .toEqual({ stdout: want.stdout, stderr: want.stderr !== '', status: want.status });
    });
  }
});
