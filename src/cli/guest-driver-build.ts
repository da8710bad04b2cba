// Builds a guest driver (a C file) into a module object with kernel-C, against
// the guest's Linux headers (src/guest/include), as Kbuild would: -D__KERNEL__
// -DMODULE -DKBUILD_MODNAME. The compile is the page's (src/session/driver-build.ts):
// here the driver's folder and the headers are read from disk first. Builds are
// cached on disk by the hash of every input, so the default driver costs a compile
// only once per change.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDriverSources, moduleNameOf } from '../session/driver-build.ts';

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
let headerTexts: Map<string, string> | undefined;

/** Every header below the guest's include folder, by include path ("linux/module.h"). */
export function guestHeaders(include: string): Map<string, string> {
  if (headerTexts) return headerTexts;
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else found.set(relative(include, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(include);
  headerTexts = found;
  return found;
}

/** The driver's own files: the C and header files beside it (Kbuild's folder of one module). */
function driverFiles(file: string, source: string): Record<string, string> {
  const dir = dirname(file);
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir).sort()) {
    if (/\.[ch]$/.test(e) && statSync(join(dir, e)).isFile()) files[e] = readFileSync(join(dir, e), 'utf8');
  }
  files[basename(file)] = source;
  return files;
}

function hashTree(dir: string, h: ReturnType<typeof createHash>): void {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) hashTree(p, h);
    else h.update(p).update(readFileSync(p));
  }
}

/** Module name = the file's base name, as Kbuild names foo.c's module foo. */
export function buildDriver(file: string): DriverBuild {
  const name = moduleNameOf(basename(file));
  const source = readFileSync(file, 'utf8');
  const include = GUEST_INCLUDE();
  if (!headerHash) { const h = createHash('sha256'); hashTree(include, h); headerHash = h.digest('hex'); }
  const key = createHash('sha256').update(headerHash).update(name).update(source)
    .update(readdirSync(dirname(file)).filter((f) => f.endsWith('.h')).map((f) => readFileSync(join(dirname(file), f), 'utf8')).join('\0'))
    .update(readFileSync(join(srcDir(), 'toolchain/compile.ts'))).digest('hex').slice(0, 24);
  const cacheDir = join(tmpdir(), 'paravirt-guest-builds');
  const cached = join(cacheDir, `${name}-${key}.o`);
  if (existsSync(cached)) return { ok: true, name, object: new Uint8Array(readFileSync(cached)) };
  // The folder as the file was named, so diagnostics name the file as the student typed it.
  const slash = file.lastIndexOf('/');
  const r = buildDriverSources({ module: name, main: basename(file), files: driverFiles(file, source) }, guestHeaders(include),
    { dir: slash < 0 ? '' : file.slice(0, slash) || '/' });
  if (!r.ok || !r.object) return { ok: false, name, diagnostics: r.diagnostics.map((d) => d.text).join('\n') };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, r.object);
  return { ok: true, name, object: r.object };
}
