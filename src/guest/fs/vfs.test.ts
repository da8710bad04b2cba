// The guest VFS: paths, RAM files, provider-backed files and their errnos,
// character devices, mounts; and errno texts checked against glibc's
// strerror (through Python, which calls it).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Errno, FsError, strerror } from './errno.ts';
import { createRootFs } from './rootfs.ts';
import { normalizePath, Vfs } from './vfs.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array) => String.fromCharCode(...b);

async function errnoOf(p: Promise<unknown>): Promise<number> {
  try { await p; } catch (e) { if (e instanceof FsError) return e.errno; throw e; }
  return 0;
}

describe('errno texts', () => {
  it('are the ones glibc prints', () => {
    const numbers = Object.values(Errno);
    const glibc = execFileSync('python3', ['-c', `import os\nfor n in ${JSON.stringify(numbers)}: print(os.strerror(n))`], { encoding: 'utf8' });
    expect(numbers.map((n) => strerror(n)).join('\n')).toBe(glibc.trimEnd());
  });
});

describe('Vfs', () => {
  it('normalizes paths against a working directory', () => {
    expect(normalizePath('../b/./c//d', '/x/y')).toBe('/x/b/c/d');
    expect(normalizePath('/../..')).toBe('/');
  });

  it('creates, appends to and truncates RAM files', async () => {
    const vfs = new Vfs();
    const f = await vfs.open('/f', { write: true, create: true });
    await f.write(bytes('hello '));
    await f.write(bytes('world'));
    const a = await vfs.open('/f', { write: true, append: true });
    await a.write(bytes('!'));
    expect(vfs.readFileText('/f')).toBe('hello world!');
    await vfs.open('/f', { write: true, truncate: true });
    expect(vfs.stat('/f').size).toBe(0);
  });

  it('gives Linux errnos for missing files, directories and non-directories', async () => {
    const vfs = createRootFs();
    expect(await errnoOf(vfs.open('/nope', { read: true }))).toBe(Errno.ENOENT);
    expect(await errnoOf(vfs.open('/tmp', { read: true }))).toBe(Errno.EISDIR);
    expect(await errnoOf(vfs.open('/guest_fs/stopwatch_ctrl.sh/x', { read: true }))).toBe(Errno.ENOTDIR);
    expect(await errnoOf(vfs.open('/no/dir/file', { write: true, create: true }))).toBe(Errno.ENOENT);
  });

  it('passes reads and writes to a provider, and its negative errnos back', async () => {
    const vfs = new Vfs();
    const written: string[] = [];
    vfs.addProviderFile('/sys/module/m/parameters/p', {
      read: async (offset, count) => bytes('42\n').subarray(offset, offset + count),
      write: async (data) => (text(data) === 'bad\n' ? -Errno.EINVAL : (written.push(text(data)), data.length)),
    });
    const f = await vfs.open('/sys/module/m/parameters/p', { read: true, write: true });
    expect(text(await f.read(2))).toBe('42');
    expect(text(await f.read(10))).toBe('\n');
    expect((await f.read(10)).length).toBe(0);
    expect(await f.write(bytes('1\n'))).toBe(2);
    expect(await errnoOf(f.write(bytes('bad\n')))).toBe(Errno.EINVAL);
    expect(written).toEqual(['1\n']);
  });

  it('refuses an open the provider refuses, and a write to a file without a store', async () => {
    const vfs = new Vfs();
    vfs.addProviderFile('/busy', { open: () => -Errno.EBUSY, read: async () => new Uint8Array(0) });
    vfs.addProviderFile('/ro', { read: async () => new Uint8Array(0) });
    expect(await errnoOf(vfs.open('/busy', { read: true }))).toBe(Errno.EBUSY);
    expect(await errnoOf(vfs.open('/ro', { write: true }))).toBe(Errno.EACCES);
  });

  it('lets a provider serve each open with its own state (a driver\'s struct file)', async () => {
    const vfs = new Vfs();
    let opens = 0;
    const released: number[] = [];
    vfs.addProviderFile('/per-open', {
      open: () => {
        const id = ++opens;
        return { read: async () => bytes(`open ${id}`), release: () => { released.push(id); } };
      },
      read: async () => bytes('shared'),
    });
    const a = await vfs.open('/per-open', { read: true });
    const b = await vfs.open('/per-open', { read: true });
    expect([text(await a.read(10)), text(await b.read(10))]).toEqual(['open 1', 'open 2']);
    await b.close();
    await a.close();
    expect(released).toEqual([2, 1]);
  });

  it('serves /dev/null and /dev/zero, and ENXIO for a device without a driver', async () => {
    const vfs = createRootFs();
    expect((await (await vfs.open('/dev/null', { read: true })).read(10)).length).toBe(0);
    expect([...(await (await vfs.open('/dev/zero', { read: true })).read(3))]).toEqual([0, 0, 0]);
    vfs.mknod('/dev/x', 240, 0);
    expect(await errnoOf(vfs.open('/dev/x', { read: true }))).toBe(Errno.ENXIO);
  });

  it('knows the mounts and which file system a path is on', () => {
    const vfs = createRootFs();
    expect(vfs.fsTypeOf('/sys/kernel/debug/stopwatch')).toBe('debugfs');
    expect(vfs.fsTypeOf('/sys/module')).toBe('sysfs');
    expect(vfs.fsTypeOf('/guest_fs')).toBe('rootfs');
    expect(() => vfs.mount('proc', '/proc', 'proc')).toThrow(FsError);
  });

  it('holds the stopwatch scripts, executable', () => {
    const vfs = createRootFs();
    expect(vfs.readFileText('/guest_fs/stopwatch_test.sh')).toMatch(/^#!\/bin\/sh\n/);
    expect(vfs.stat('/guest_fs/stopwatch_ctrl.sh').mode & 0o111).toBe(0o111);
  });
});
