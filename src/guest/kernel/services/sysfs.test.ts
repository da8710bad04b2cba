// sysfs attributes as a driver declares them (DEVICE_ATTR_RW, attribute
// groups, kobjects): files under the device's directory whose reads call show
// with a page and whose writes call store, sysfs_emit's page check, and
// kobject_create_and_add under /sys/kernel.
import { beforeEach, describe, expect, it } from 'vitest';
import { TaskAborted } from '../api.ts';
import { FakeKernelContext } from '../fake-context.ts';
import { devresReleaseAll } from './devres.ts';
import { ATTRIBUTE, ATTRIBUTE_GROUP, DEVICE, DEVICE_ATTRIBUTE, KOBJECT } from './layouts.ts';
import { sysfsServices } from './sysfs.ts';
import { callInt, callU32, cstr, wordTable } from './testing.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

const dir = '/sys/bus/platform/devices/10001000.stopwatch';
const readAll = async (path: string) => String.fromCharCode(...await (await k.vfs.open(path, { read: true })).read(4096));

function device(): number {
  return wordTable(k, DEVICE.size, { [DEVICE.kobj + KOBJECT.name]: cstr(k, '10001000.stopwatch') });
}

/** A DEVICE_ATTR_RW(name) over a u32 variable: show prints it with sysfs_emit, store parses it. */
function attribute(name: string, value: number, mode = 0o644): number {
  const show = k.defineGuestFunction(`${name}_show`, (kk, _dev, _attr, buf) => callInt(kk, 'sysfs_emit', buf, cstr(kk, '%u\n'), kk.ram.u32(value)));
  const store = k.defineGuestFunction(`${name}_store`, async (kk, _dev, _attr, buf, count) => {
    const r = await callInt(kk, 'kstrtouint', buf, 0, value);
    return r < 0 ? r : count;
  });
  const attr = wordTable(k, 16, { [ATTRIBUTE.name]: cstr(k, name), [DEVICE_ATTRIBUTE.show]: show, [DEVICE_ATTRIBUTE.store]: store });
  k.ram.setU16(attr + ATTRIBUTE.mode, mode);
  return attr;
}

describe('device attributes', () => {
  it('device_create_file makes a file under the device whose read shows and whose write stores', async () => {
    const dev = device(), v = k.kmalloc(4);
    k.ram.setU32(v, 5);
    const attr = attribute('timeout', v);
    expect(await callInt(k, 'device_create_file', dev, attr)).toBe(0);
    expect(k.vfs.stat(`${dir}/timeout`)).toMatchObject({ mode: 0o644, size: 4096 });
    expect(await readAll(`${dir}/timeout`)).toBe('5\n');
    const f = await k.vfs.open(`${dir}/timeout`, { write: true });
    expect(await f.write(Uint8Array.from('7\n', (c) => c.charCodeAt(0)))).toBe(2);
    await expect(f.write(Uint8Array.from('x\n', (c) => c.charCodeAt(0)))).rejects.toMatchObject({ errno: 22 });
    expect(await readAll(`${dir}/timeout`)).toBe('7\n');
    expect(await callInt(k, 'device_create_file', dev, attr)).toBe(-17);
    await callInt(k, 'device_remove_file', dev, attr);
    expect(k.vfs.exists(`${dir}/timeout`)).toBe(false);
  });

  it('a show that crashes fails the read with EFAULT; the shell goes on', async () => {
    const dev = device();
    const show = k.defineGuestFunction('crash_show', () => { throw new TaskAborted('oops', 'Oops'); });
    const attr = wordTable(k, 16, { [ATTRIBUTE.name]: cstr(k, 'bad'), [DEVICE_ATTRIBUTE.show]: show });
    k.ram.setU16(attr + ATTRIBUTE.mode, 0o444);
    await callInt(k, 'device_create_file', dev, attr);
    await expect(readAll(`${dir}/bad`)).rejects.toMatchObject({ errno: 14 });
  });

  it('a group creates its visible attributes (is_visible may hide one) and devm removes them', async () => {
    const dev = device(), v = k.kmalloc(4);
    const attrs = k.kmalloc(12);
    [attribute('a', v), attribute('b', v), 0].forEach((a, i) => k.ram.setU32(attrs + 4 * i, a));
    const visible = k.defineGuestFunction('is_visible', (_kk, _kobj, _attr, i) => (i === 1 ? 0 : 0o444));
    const group = wordTable(k, 20, { [ATTRIBUTE_GROUP.name]: cstr(k, 'stats'), [ATTRIBUTE_GROUP.is_visible]: visible, [ATTRIBUTE_GROUP.attrs]: attrs });
    expect(await callInt(k, 'devm_device_add_group', dev, group)).toBe(0);
    expect(k.vfs.readdir(`${dir}/stats`)).toEqual(['a']);
    expect(k.vfs.stat(`${dir}/stats/a`).mode).toBe(0o444);
    await devresReleaseAll(k, dev);
    expect(k.vfs.exists(`${dir}/stats`)).toBe(false);
  });

  it('sysfs_emit refuses a buffer that is not a page, with a WARNING, and sysfs_emit_at appends', async () => {
    const page = k.kmalloc(4096, 4096);
    expect(await callInt(k, 'sysfs_emit', page + 4, cstr(k, 'x'))).toBe(0);
    expect(k.log.map((l) => l.text)).toContain(`invalid sysfs_emit: buf:${(page + 4).toString(16)}`);
    expect(await callInt(k, 'sysfs_emit', page, cstr(k, 'ab'))).toBe(2);
    expect(await callInt(k, 'sysfs_emit_at', page, 2, cstr(k, '%d\n'), 3)).toBe(2);
    expect(k.ram.cString(page)).toBe('ab3\n');
  });
});

describe('kobjects', () => {
  it('kobject_create_and_add under kernel_kobj makes /sys/kernel/NAME; the last kobject_put removes it', async () => {
    const kernelKobj = k.kmalloc(4);
    sysfsServices.variables!.kernel_kobj.init!(k, kernelKobj);
    const kobj = await callU32(k, 'kobject_create_and_add', cstr(k, 'stopwatch'), k.ram.u32(kernelKobj));
    expect(kobj).not.toBe(0);
    expect(k.vfs.stat('/sys/kernel/stopwatch').kind).toBe('dir');
    expect(await callU32(k, 'kobject_create_and_add', cstr(k, 'stopwatch'), k.ram.u32(kernelKobj))).toBe(0);
    const attr = attribute('count', k.kmalloc(4), 0o444);
    expect(await callInt(k, 'sysfs_create_file_ns', kobj, attr, 0)).toBe(0);
    expect(await readAll('/sys/kernel/stopwatch/count')).toBe('0\n');
    expect(await callU32(k, 'kobject_get', kobj)).toBe(kobj);
    await callInt(k, 'kobject_put', kobj);
    expect(k.vfs.exists('/sys/kernel/stopwatch')).toBe(true);
    await callInt(k, 'kobject_put', kobj);
    expect(k.vfs.exists('/sys/kernel/stopwatch')).toBe(false);
  });
});
