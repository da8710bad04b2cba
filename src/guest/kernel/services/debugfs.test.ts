// debugfs as a driver uses it: a directory and a file served by its fops with
// inode->i_private = data, value files with Linux's formats, recursive
// removal, and Linux's complaint about a name that is taken.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { FILE, FOPS } from './layouts.ts';
import { callInt, callU32, cstr, serviceAddress, wordTable } from './testing.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

const readAll = async (path: string) => String.fromCharCode(...await (await k.vfs.open(path, { read: true })).read(4096));
const writeText = async (path: string, s: string) => {
  const f = await k.vfs.open(path, { write: true });
  try { return await f.write(Uint8Array.from(s, (c) => c.charCodeAt(0))); } finally { await f.close(); }
};

describe('debugfs', () => {
  it('serves a file by the driver\'s fops with private_data from simple_open', async () => {
    const data = cstr(k, '1.00 seconds\n');
    const read = k.defineGuestFunction('stopwatch_time_read', (kk, file, buf, count, ppos) =>
      callInt(kk, 'simple_read_from_buffer', buf, count, ppos, kk.ram.u32(file + FILE.private_data), 13));
    const fops = wordTable(k, FOPS.size, { [FOPS.open]: serviceAddress(k, 'simple_open'), [FOPS.read]: read });
    const dir = await callU32(k, 'debugfs_create_dir', cstr(k, 'stopwatch'), 0);
    const file = await callU32(k, 'debugfs_create_file', cstr(k, 'stopwatch'), 0o444, dir, data, fops);
    expect(file).not.toBe(0);
    expect(k.vfs.stat('/sys/kernel/debug/stopwatch/stopwatch')).toMatchObject({ mode: 0o444, size: 0 });
    expect(await readAll('/sys/kernel/debug/stopwatch/stopwatch')).toBe('1.00 seconds\n');
    expect(await callU32(k, 'debugfs_lookup', cstr(k, 'stopwatch'), dir)).toBe(file);
    await callInt(k, 'debugfs_remove', dir);
    expect(k.vfs.exists('/sys/kernel/debug/stopwatch')).toBe(false);
    expect(await callU32(k, 'debugfs_lookup', cstr(k, 'stopwatch'), 0)).toBe(0);
  });

  it('refuses a name that is taken with -EEXIST and Linux\'s message; an error parent is passed on', async () => {
    await callU32(k, 'debugfs_create_dir', cstr(k, 'sw'), 0);
    expect(await callInt(k, 'debugfs_create_dir', cstr(k, 'sw'), 0)).toBe(-17);
    expect(k.log.map((l) => l.text)).toEqual(["debugfs: Directory 'sw' with parent '/' already present!"]);
    expect(await callInt(k, 'debugfs_create_file', cstr(k, 'f'), 0o444, -17 >>> 0, 0, 0)).toBe(-17);
  });

  it('value files show and set a variable with Linux\'s formats', async () => {
    const dir = await callU32(k, 'debugfs_create_dir', cstr(k, 'vals'), 0);
    const v = k.kmalloc(8);
    k.ram.setU32(v, 42);
    await callInt(k, 'debugfs_create_u32', cstr(k, 'u32'), 0o644, dir, v);
    await callInt(k, 'debugfs_create_x32', cstr(k, 'x32'), 0o444, dir, v);
    await callInt(k, 'debugfs_create_bool', cstr(k, 'flag'), 0o644, dir, v + 4);
    await callInt(k, 'debugfs_create_atomic_t', cstr(k, 'atomic'), 0o444, dir, v);
    expect(await readAll('/sys/kernel/debug/vals/u32')).toBe('42\n');
    expect(await readAll('/sys/kernel/debug/vals/x32')).toBe('0x0000002a\n');
    expect(await writeText('/sys/kernel/debug/vals/u32', '0x10\n')).toBe(5);
    expect(k.ram.u32(v)).toBe(16);
    await expect(writeText('/sys/kernel/debug/vals/u32', 'abc')).rejects.toMatchObject({ errno: 22 });
    await expect(k.vfs.open('/sys/kernel/debug/vals/x32', { write: true })).rejects.toMatchObject({ errno: 13 });
    await writeText('/sys/kernel/debug/vals/flag', 'y');
    expect(await readAll('/sys/kernel/debug/vals/flag')).toBe('Y\n');
    k.ram.setU32(v, -3 >>> 0);
    expect(await readAll('/sys/kernel/debug/vals/atomic')).toBe('-3\n');
  });

  it('a value file over a bad pointer fails the read with EFAULT instead of crashing', async () => {
    await callInt(k, 'debugfs_create_u32', cstr(k, 'wild'), 0o444, 0, 0x10);
    await expect(readAll('/sys/kernel/debug/wild')).rejects.toMatchObject({ errno: 14 });
  });

  it('a file removed while open answers -EIO instead of calling into the driver', async () => {
    const read = k.defineGuestFunction('r', () => 0);
    const fops = wordTable(k, FOPS.size, { [FOPS.read]: read });
    const d = await callU32(k, 'debugfs_create_file', cstr(k, 'gone'), 0o444, 0, 0, fops);
    const f = await k.vfs.open('/sys/kernel/debug/gone', { read: true });
    await callInt(k, 'debugfs_lookup_and_remove', cstr(k, 'gone'), 0);
    expect(d).not.toBe(0);
    await expect(f.read(10)).rejects.toMatchObject({ errno: 5 });
  });
});
