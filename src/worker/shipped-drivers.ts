// The drivers that ship with the guest, as the page's editor opens them: one
// DriverSources per folder of src/guest/drivers, its .c file the one compiled
// and the module named after it (stopwatch/stopwatch.c → "stopwatch").

import type { DriverSources } from '../protocol/driver.ts';

/** `files`: text by path below src/guest/drivers ("stopwatch/stopwatch.c"). */
export function shippedDrivers(files: ReadonlyMap<string, string>): DriverSources[] {
  const byFolder = new Map<string, Record<string, string>>();
  for (const [path, text] of files) {
    const slash = path.indexOf('/');
    if (slash < 0) continue;
    const folder = path.slice(0, slash);
    const name = path.slice(slash + 1);
    if (name.includes('/')) continue; // a driver is one flat folder, as the editor shows it
    const driver = byFolder.get(folder) ?? {};
    driver[name] = text;
    byFolder.set(folder, driver);
  }
  const out: DriverSources[] = [];
  for (const [folder, driverFiles] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    const sources = Object.keys(driverFiles).filter((n) => n.endsWith('.c')).sort();
    const main = sources.find((n) => n === `${folder}.c`) ?? sources[0];
    if (!main) continue;
    out.push({ module: main.replace(/\.c$/, '').replace(/-/g, '_'), main, files: orderFiles(driverFiles, main) });
  }
  return out;
}

/** The .c file first, then the rest by name: the editor's tab order. */
function orderFiles(files: Record<string, string>, main: string): Record<string, string> {
  const ordered: Record<string, string> = { [main]: files[main] };
  for (const name of Object.keys(files).sort()) if (name !== main) ordered[name] = files[name];
  return ordered;
}
