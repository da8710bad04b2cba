// For the guest kernel's tests: a driver compiled by kernel-C into a module object,
// as `paravirt guest --driver FILE.c` builds it (module name = the file's base
// name), against the guest's Linux-shaped headers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../../src/toolchain/compile.ts';
import type { GuestModuleObject } from '../../src/guest/system.ts';

const GUEST = join(dirname(fileURLToPath(import.meta.url)), '../../src/guest');

export function buildModule(file: string): GuestModuleObject {
  const name = file.replace(/^.*\//, '').replace(/\.c$/, '');
  const readFile = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };
  const r = compile({ file, source: readFileSync(file, 'utf8'), includeDirs: [dirname(file), join(GUEST, 'include')], readFile,
    defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: `"${name}"` } }, { output: 'object' });
  if (!r.objectBytes) throw new Error(r.diagnostics.map((d) => `${d.loc.line}: ${d.message}`).join('\n'));
  return { name, object: r.objectBytes };
}

/** A driver in src/guest/drivers (e.g. 'stopwatch/stopwatch.c'). */
export const guestDriver = (path: string): GuestModuleObject => buildModule(join(GUEST, 'drivers', path));

/** A bad driver of the kernel's tests (src/guest/kernel/testdata/NAME.c). */
export const badDriver = (name: string): GuestModuleObject => buildModule(join(GUEST, 'kernel', 'testdata', `${name}.c`));
