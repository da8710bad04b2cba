// Pathname expansion (XCU 2.13.3) over the VFS: each `/`-separated part of
// the pattern matches the names of one directory level; names starting with
// `.` match only a pattern that starts with `.`. Sorted, as in the C locale.
import { normalizePath, type Vfs } from '../fs/vfs.ts';
import { hasGlob, patternSource, unescapePattern } from './pattern.ts';

export function globPaths(vfs: Vfs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let found: string[] = [absolute ? '/' : ''];
  for (const part of parts) {
    if (part === '') continue;
    const next: string[] = [];
    for (const base of found) {
      const dirPath = normalizePath(base || '.', cwd);
      if (!hasGlob(part)) {
        const name = unescapePattern(part);
        const full = join(base, name);
        if (vfs.exists(normalizePath(full, cwd))) next.push(full);
        continue;
      }
      const re = new RegExp(`^${patternSource(part)}$`);
      let names: string[];
      try { names = vfs.readdir(dirPath); } catch { continue; }
      for (const n of names) {
        if (n.startsWith('.') && !part.startsWith('.')) continue;
        if (re.test(n)) next.push(join(base, n));
      }
    }
    found = next;
  }
  if (pattern.endsWith('/')) found = found.map((f) => `${f}/`);
  return found.filter((f) => f !== '' && f !== '/').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
}
