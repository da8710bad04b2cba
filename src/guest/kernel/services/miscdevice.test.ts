// misc_register as Linux does it: major 10, a dynamic minor from 127 down,
// /dev/NAME, private_data = the miscdevice when the driver's open runs.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { FILE, FOPS, MISCDEVICE } from './layouts.ts';
import { miscServices } from './miscdevice.ts';
import { printkServices } from './printk.ts';
import { callInt, cstr, wordTable } from './testing.ts';
import { fakeArgs } from '../fake-context.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

function misc(name: string, fops: number, minor = 255): number {
  return wordTable(k, MISCDEVICE.size, { [MISCDEVICE.minor]: minor, [MISCDEVICE.name]: cstr(k, name), [MISCDEVICE.fops]: fops });
}

describe('misc devices', () => {
  it('registers /dev/NAME on 10:127, then 10:126, and lists them in /proc/misc', async () => {
    const fops = wordTable(k, FOPS.size, {});
    const a = misc('stopwatch', fops), b = misc('other', fops);
    expect(await callInt(k, 'misc_register', a)).toBe(0);
    expect(await callInt(k, 'misc_register', b)).toBe(0);
    expect(k.ram.i32(a + MISCDEVICE.minor)).toBe(127);
    expect(k.vfs.stat('/dev/stopwatch')).toMatchObject({ kind: 'chr', major: 10, minor: 127, mode: 0o600 });
    expect(k.vfs.stat('/dev/other')).toMatchObject({ major: 10, minor: 126 });
    await miscServices.boot!(k);
    const f = await k.vfs.open('/proc/misc', { read: true });
    expect(String.fromCharCode(...await f.read(100))).toBe('126 other\n127 stopwatch\n');
  });

  it('refuses a taken minor or name with -EBUSY / -EEXIST', async () => {
    const fops = wordTable(k, FOPS.size, {});
    expect(await callInt(k, 'misc_register', misc('a', fops, 60))).toBe(0);
    expect(await callInt(k, 'misc_register', misc('b', fops, 60))).toBe(-16);
    expect(await callInt(k, 'misc_register', misc('a', fops))).toBe(-17);
  });

  it('sets private_data to the miscdevice before the driver\'s open, and deregister removes the node', async () => {
    const seen: number[] = [];
    const open = k.defineGuestFunction('open', (kk, _inode, file) => { seen.push(kk.ram.u32(file + FILE.private_data)); return 0; });
    const m = misc('stopwatch', wordTable(k, FOPS.size, { [FOPS.open]: open }));
    await callInt(k, 'misc_register', m);
    await (await k.vfs.open('/dev/stopwatch', { read: true })).close();
    expect(seen).toEqual([m]);
    await callInt(k, 'misc_deregister', m);
    expect(k.vfs.exists('/dev/stopwatch')).toBe(false);
  });

  it('gives the device a this_device that dev_info names "misc NAME"', async () => {
    const m = misc('stopwatch', wordTable(k, FOPS.size, {}));
    await callInt(k, 'misc_register', m);
    await printkServices.services._dev_info(k, fakeArgs(k.ram, [k.ram.u32(m + MISCDEVICE.this_device), cstr(k, 'hello\n')]));
    expect(k.log.map((l) => l.text)).toEqual(['misc stopwatch: hello']);
  });
});
