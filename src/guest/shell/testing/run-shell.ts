// Runs shell source or a script in a fresh guest shell over an in-memory
// file system, and returns what it printed: a helper for the tests.
import { bytesToBinary } from '../../fs/bytes.ts';
import { createRootFs } from '../../fs/rootfs.ts';
import type { Vfs } from '../../fs/vfs.ts';
import { FakeKernel } from '../fake-kernel.ts';
import { Shell } from '../shell.ts';

export interface ShellRun { stdout: string; stderr: string; status: number; shell: Shell; vfs: Vfs }

export interface ShellSetup {
  /** Files under the working directory (relative path → text). */
  files?: Record<string, string>;
  cwd?: string;
  kernel?: FakeKernel;
  vfs?: Vfs;
  env?: Record<string, string>;
}

/** A shell whose output is collected as text. */
export function testShell(setup: ShellSetup = {}, turn?: () => Promise<void>) {
  const vfs = setup.vfs ?? createRootFs();
  const cwd = setup.cwd ?? '/work';
  vfs.mkdirp(cwd);
  for (const [name, text] of Object.entries(setup.files ?? {})) vfs.writeFile(`${cwd}/${name}`, text, 0o644);
  const out = { stdout: '', stderr: '' };
  const kernel = setup.kernel ?? new FakeKernel(turn);
  const shell = new Shell({
    vfs, kernel, env: setup.env,
    stdout: (b) => { out.stdout += bytesToBinary(b); },
    stderr: (b) => { out.stderr += bytesToBinary(b); },
  });
  shell.state.cwd = cwd;
  return { shell, vfs, kernel, out };
}

/** Runs `script` as `sh script.sh ARGS` in the working directory. */
export async function runScriptText(script: string, setup: ShellSetup = {}, args: string[] = []): Promise<ShellRun> {
  const t = testShell({ ...setup, files: { ...setup.files, 'script.sh': script } });
  const status = await t.shell.runScript('script.sh', args);
  return { ...t.out, status, shell: t.shell, vfs: t.vfs };
}
