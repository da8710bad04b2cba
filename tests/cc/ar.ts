// Reader for Unix `ar` archives (System V/GNU format, as libgcc.a): the members
// and their names, so tests can link gcc's runtime objects with our linker.

export interface ArchiveMember { name: string; data: Uint8Array }

export function readArchive(bytes: Uint8Array): ArchiveMember[] {
  const text = (a: number, b: number): string => String.fromCharCode(...bytes.subarray(a, b));
  if (text(0, 8) !== '!<arch>\n') throw new Error('not an ar archive');
  const out: ArchiveMember[] = [];
  let longNames = '';
  for (let o = 8; o + 60 <= bytes.length;) {
    const rawName = text(o, o + 16).trimEnd();
    const size = Number(text(o + 48, o + 58).trim());
    const data = bytes.subarray(o + 60, o + 60 + size);
    o += 60 + size + (size & 1);
    if (rawName === '/' || rawName === '/SYM64/') continue; // symbol index
    if (rawName === '//') { longNames = String.fromCharCode(...data); continue; }
    let name = rawName;
    if (/^\/\d+$/.test(rawName)) {
      const start = Number(rawName.slice(1));
      name = longNames.slice(start, longNames.indexOf('\n', start));
    }
    out.push({ name: name.replace(/\/$/, ''), data });
  }
  return out;
}
