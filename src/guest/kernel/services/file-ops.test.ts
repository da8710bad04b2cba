// A driver's file_operations behind the shell's files: each open gets its own
// struct file in guest RAM, reads and writes pass a buffer and *ppos, errors
// come back as the errno the shell prints, the module is held while open, and
// the llseek/open helpers and char device regions behave as Linux's.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { FsError } from '../../fs/errno.ts';
import { chrdevServices } from './chrdev.ts';
import { driverFileProvider, FMODE, openDriverFile, S_IFREG } from './file-ops.ts';
import { FILE, FOPS } from './layouts.ts';
import { moduleRefCount } from './module-refs.ts';
import { callInt, callService, cstr, serviceAddress, wordTable } from './testing.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

const text = (b: Uint8Array) => String.fromCharCode(...b);

/** A driver whose read serves "1.00 seconds\n" with simple_read_from_buffer and whose write keeps the last line. */
function timeDriver(owner = 0) {
  const calls: string[] = [];
  const data = cstr(k, '1.00 seconds\n');
  let written = '';
  const read = k.defineGuestFunction('sw_read', async (kk, _file, buf, count, ppos) =>
    callInt(kk, 'simple_read_from_buffer', buf, count, ppos, data, 13));
  const write = k.defineGuestFunction('sw_write', (kk, _file, buf, count) => {
    written = kk.ram.cString(buf, count);
    return written.startsWith('bad') ? -22 : count;
  });
  const release = k.defineGuestFunction('sw_release', (kk, _inode, file) => { calls.push(`release ${kk.ram.u32(file + FILE.private_data).toString(16)}`); return 0; });
  const fops = wordTable(k, FOPS.size, {
    [FOPS.owner]: owner, [FOPS.open]: serviceAddress(k, 'simple_open'), [FOPS.read]: read, [FOPS.write]: write,
    [FOPS.release]: release, [FOPS.llseek]: serviceAddress(k, 'default_llseek'),
  });
  return { fops, calls, written: () => written };
}

describe('a driver file in the VFS', () => {
  it('reads through fops->read with *ppos moving on, until end of file', async () => {
    const d = timeDriver();
    k.vfs.addProviderFile('/sys/kernel/debug/sw', driverFileProvider(k, { fops: d.fops, iPrivate: 0xabc0, mode: S_IFREG | 0o444 }), 0o444);
    const f = await k.vfs.open('/sys/kernel/debug/sw', { read: true });
    expect(text(await f.read(5))).toBe('1.00 ');
    expect(text(await f.read(100))).toBe('seconds\n');
    expect(text(await f.read(100))).toBe('');
    await f.close();
    expect(d.calls).toEqual(['release abc0']);
  });

  it('hands a write to fops->write, and its negative errno to the shell', async () => {
    const d = timeDriver();
    k.vfs.addProviderFile('/dev/x', driverFileProvider(k, { fops: d.fops, mode: S_IFREG | 0o644 }));
    const f = await k.vfs.open('/dev/x', { write: true });
    expect(await f.write(Uint8Array.from('start\n', (c) => c.charCodeAt(0)))).toBe(6);
    expect(d.written()).toBe('start\n');
    await expect(f.write(Uint8Array.from('bad\n', (c) => c.charCodeAt(0)))).rejects.toMatchObject({ errno: 22 });
    await f.close();
  });

  it('gives each open its own struct file, and a refused open never reaches release', async () => {
    const d = timeDriver();
    const opens: number[] = [];
    const open = k.defineGuestFunction('open', (_kk, _inode, file) => { opens.push(file); return opens.length > 2 ? -16 : 0; });
    k.ram.setU32(d.fops + FOPS.open, open);
    k.vfs.addProviderFile('/dev/y', driverFileProvider(k, { fops: d.fops, mode: S_IFREG | 0o644 }));
    const a = await k.vfs.open('/dev/y', { read: true });
    const b = await k.vfs.open('/dev/y', { read: true });
    expect(opens[0]).not.toBe(opens[1]);
    expect(text(await a.read(4))).toBe('1.00');
    expect(text(await b.read(4))).toBe('1.00');
    await expect(k.vfs.open('/dev/y', { read: true })).rejects.toBeInstanceOf(FsError);
    await a.close();
    await b.close();
    expect(d.calls.length).toBe(2);
  });

  it('holds the module named by fops->owner while a file is open', async () => {
    const mod = k.kmalloc(192);
    const d = timeDriver(mod);
    k.vfs.addProviderFile('/dev/z', driverFileProvider(k, { fops: d.fops, mode: S_IFREG | 0o644 }));
    const f = await k.vfs.open('/dev/z', { read: true });
    expect(moduleRefCount(k, mod)).toBe(1);
    await f.close();
    expect(moduleRefCount(k, mod)).toBe(0);
  });
});

describe('llseek, ioctl and the open helpers', () => {
  it('default_llseek moves f_pos for SEEK_SET/CUR/END and refuses a negative position', async () => {
    const d = timeDriver();
    const f = await openDriverFile(k, { fops: d.fops, mode: S_IFREG | 0o644, size: 13 }, { read: true, write: false });
    if (typeof f === 'number') throw new Error(`open failed: ${f}`);
    expect(await f.llseek(5, 0)).toBe(5);
    expect(text(await f.read(3) as Uint8Array)).toBe('sec');
    expect(await f.llseek(-3, 2)).toBe(10);
    expect(await f.llseek(-20, 1)).toBe(-22);
    expect(Number(k.ram.u64(f.file + FILE.f_pos))).toBe(10);
    await f.release();
  });

  it('no llseek is -ESPIPE, no ioctl -ENOTTY (also for -ENOIOCTLCMD), stream_open passes a NULL ppos', async () => {
    const seen: number[] = [];
    const read = k.defineGuestFunction('r', (_kk, _f, _b, _c, ppos) => { seen.push(ppos); return 0; });
    const ioctl = k.defineGuestFunction('ioctl', (_kk, _f, cmd) => (cmd === 1 ? 7 : -515));
    const fops = wordTable(k, FOPS.size, { [FOPS.read]: read, [FOPS.open]: serviceAddress(k, 'stream_open') });
    const f = await openDriverFile(k, { fops, mode: S_IFREG | 0o600 }, { read: true, write: false });
    if (typeof f === 'number') throw new Error(`open failed: ${f}`);
    expect(k.ram.u32(f.file + FILE.f_mode) & (FMODE.STREAM | FMODE.LSEEK)).toBe(FMODE.STREAM);
    await f.read(4);
    expect(seen).toEqual([0]);
    expect(await f.llseek(0, 0)).toBe(-29);
    expect(await f.ioctl(1, 0)).toBe(-25);
    k.ram.setU32(fops + FOPS.unlocked_ioctl, ioctl);
    expect(await f.ioctl(1, 0)).toBe(7);
    expect(await f.ioctl(2, 0)).toBe(-25);
  });

  it('turns -ERESTARTSYS (a wait ended by Ctrl-C) into -EINTR for the shell', async () => {
    const read = k.defineGuestFunction('r', () => -512);
    const fops = wordTable(k, FOPS.size, { [FOPS.read]: read });
    k.vfs.addProviderFile('/dev/w', driverFileProvider(k, { fops, mode: S_IFREG | 0o444 }));
    const f = await k.vfs.open('/dev/w', { read: true });
    await expect(f.read(10)).rejects.toMatchObject({ errno: 4 });
  });

  it('simple_read_from_buffer refuses a negative position and stops at the end of the buffer', async () => {
    const ppos = k.kmalloc(8), to = k.kmalloc(16), from = cstr(k, 'abcdef');
    k.ram.setU64(ppos, -1n);
    expect(await callInt(k, 'simple_read_from_buffer', to, 4, ppos, from, 6)).toBe(-22);
    k.ram.setU64(ppos, 4n);
    expect(await callInt(k, 'simple_read_from_buffer', to, 4, ppos, from, 6)).toBe(2);
    expect(k.ram.u64(ppos)).toBe(6n);
    expect(await callInt(k, 'simple_read_from_buffer', to, 4, ppos, from, 6)).toBe(0);
    k.ram.setU64(ppos, 1n);
    expect(await callInt(k, 'simple_write_to_buffer', to, 6, ppos, from, 3)).toBe(3);
    expect(k.ram.cString(to + 1, 3)).toBe('abc');
  });

  it('fixed_size_llseek and noop_llseek', async () => {
    const file = k.kmalloc(FILE.size);
    k.ram.fill(file, 0, FILE.size);
    expect(await callService(k, 'fixed_size_llseek', file, 4, 0, 2, 10, 0)).toBe(-22n); // past the fixed size
    expect(await callService(k, 'fixed_size_llseek', file, -4 >>> 0, -1 >>> 0, 2, 10, 0)).toBe(6n);
    expect(await callService(k, 'noop_llseek', file, 100, 0, 0)).toBe(6n);
  });
});

describe('char device regions', () => {
  it('hands out majors from 254 down, lists them in /proc/devices and serves the nodes', async () => {
    const d = timeDriver();
    expect(await callInt(k, '__register_chrdev', 0, 0, 2, cstr(k, 'swdev'), d.fops)).toBe(254);
    const dev = k.kmalloc(4);
    expect(await callInt(k, 'alloc_chrdev_region', dev, 0, 1, cstr(k, 'other'))).toBe(0);
    expect(k.ram.u32(dev) >>> 20).toBe(253);
    await chrdevServices.boot!(k);
    const procDevices = text(await (await k.vfs.open('/proc/devices', { read: true })).read(4096));
    expect(procDevices).toBe('Character devices:\n  1 mem\n 10 misc\n253 other\n254 swdev\n\nBlock devices:\n');
    k.vfs.mknod('/dev/sw1', 254, 1);
    const f = await k.vfs.open('/dev/sw1', { read: true });
    expect(text(await f.read(4))).toBe('1.00');
    await f.close();
    await callInt(k, '__unregister_chrdev', 254, 0, 2, cstr(k, 'swdev'));
    await expect(k.vfs.open('/dev/sw1', { read: true })).rejects.toMatchObject({ errno: 6 });
  });
});
