// For tests of the in-memory driver build: the guest's headers and a shipped
// driver read from src/guest as maps of text, the shapes the worker gets from
// its bundled strings (src/worker/guest-files.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DriverSources } from '../../src/protocol/driver.ts';

const GUEST = join(import.meta.dirname, '../../src/guest');

let headers: Map<string, string> | undefined;

/** Every header below src/guest/include by its include path ("linux/module.h"). */
export function guestHeaders(): ReadonlyMap<string, string> {
  if (headers) return headers;
  headers = new Map();
  const root = join(GUEST, 'include');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.h')) headers!.set(relative(root, p), readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return headers;
}

/** A driver of src/guest/drivers as the page's editor holds it ('stopwatch' → stopwatch.c and its header). */
export function shippedDriver(dir: string, main = `${dir}.c`): DriverSources {
  const files: Record<string, string> = {};
  for (const e of readdirSync(join(GUEST, 'drivers', dir))) {
    if (/\.[ch]$/.test(e)) files[e] = readFileSync(join(GUEST, 'drivers', dir, e), 'utf8');
  }
  return { module: main.replace(/\.c$/, ''), main, files };
}
