// Builds a guest driver (a C file) into a module object with kernel-C, against
// the guest's Linux headers (src/guest/include), as Kbuild would: -D__KERNEL__
// -DMODULE -DKBUILD_MODNAME. Builds are cached on disk by the hash of every
// input, so the default driver costs a compile only once per change.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../toolchain/compile.ts';
import { formatDiagnostic } from '../toolchain/diagnostics.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository's src/ (this file is src/cli/..., or dist-cli/... in the bundle). */
function srcDir(): string {
  for (const c of [join(HERE, '..'), join(HERE, '../src'), join(HERE, '../../src')]) {
    if (existsSync(join(c, 'guest/include/linux/module.h'))) return c;
  }
  throw new Error('cannot find the guest headers (src/guest/include)');
}

export const GUEST_INCLUDE = (): string => join(srcDir(), 'guest/include');
export const DEFAULT_DRIVER = (): string => join(srcDir(), 'guest/drivers/stopwatch/stopwatch.c');

export type DriverBuild = { ok: true; name: string; object: Uint8Array } | { ok: false; name: string; diagnostics: string };

let headerHash: string | undefined;

function hashTree(dir: string, h: ReturnType<typeof createHash>): void {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) hashTree(p, h);
    else h.update(p).update(readFileSync(p));
  }
}

/** Module name = the file's base name, as Kbuild names foo.c's module foo. */
export function buildDriver(file: string): DriverBuild {
  const name = basename(file).replace(/\.c$/, '').replace(/-/g, '_');
  const source = readFileSync(file, 'utf8');
  const include = GUEST_INCLUDE();
  if (!headerHash) { const h = createHash('sha256'); hashTree(include, h); headerHash = h.digest('hex'); }
  const key = createHash('sha256').update(headerHash).update(name).update(source)
    .update(readdirSync(dirname(file)).filter((f) => f.endsWith('.h')).map((f) => readFileSync(join(dirname(file), f), 'utf8')).join('\0'))
    .update(readFileSync(join(srcDir(), 'toolchain/compile.ts'))).digest('hex').slice(0, 24);
  const cacheDir = join(tmpdir(), 'paravirt-guest-builds');
  const cached = join(cacheDir, `${name}-${key}.o`);
  if (existsSync(cached)) return { ok: true, name, object: new Uint8Array(readFileSync(cached)) };
  const readFile = (p: string) => (existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined);
  const r = compile({
    file, source, includeDirs: [dirname(file), include], readFile,
    defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: `"${name}"` },
  }, { output: 'object' });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !r.objectBytes) {
    return { ok: false, name, diagnostics: r.diagnostics.map((d) => formatDiagnostic(d, d.loc.file === file ? source : readFile(d.loc.file))).join('\n') };
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, r.objectBytes);
  return { ok: true, name, object: r.objectBytes };
}
