// The guest's source files as the browser build carries them: the Linux
// headers a driver is compiled against (src/guest/include) and the drivers
// that ship with the guest (src/guest/drivers). Vite inlines them as strings
// at build time, so the page needs no server and works offline; the workers
// (the machine's and the editor's) read them from here, never over the network.

/** Header text by its include path ("linux/module.h", "asm/io.h"). */
export const GUEST_HEADERS: ReadonlyMap<string, string> = byRelativePath(
  import.meta.glob<string>('../guest/include/**/*.h', { query: '?raw', import: 'default', eager: true }),
  '../guest/include/',
);

/** The shipped drivers' files by path below src/guest/drivers ("stopwatch/stopwatch.c"). */
export const GUEST_DRIVER_FILES: ReadonlyMap<string, string> = byRelativePath(
  import.meta.glob<string>('../guest/drivers/**/*.{c,h}', { query: '?raw', import: 'default', eager: true }),
  '../guest/drivers/',
);

function byRelativePath(files: Record<string, string>, prefix: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) out.set(path.slice(prefix.length), text);
  return out;
}
