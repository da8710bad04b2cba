// kmalloc/kfree and the devm_ allocations: memory a driver can rely on, and
// its mistakes (a double free, a wild kfree) reported in dmesg as Linux
// reports them while the kernel goes on.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { devresCount, devresReleaseAll } from './devres.ts';
import { callInt, callU32, cstr } from './testing.ts';

const GFP_KERNEL = 0xcc0, GFP_ZERO = 0x100;
let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

describe('kmalloc and kfree', () => {
  it('gives zeroed memory for __GFP_ZERO, ZERO_SIZE_PTR for 0 bytes, and ksize of the block', async () => {
    const dirty = await callU32(k, '__kmalloc', 64, GFP_KERNEL);
    k.ram.fill(dirty, 0xee, 64);
    await callInt(k, 'kfree', dirty);
    const p = await callU32(k, '__kmalloc', 64, GFP_KERNEL | GFP_ZERO);
    expect([...k.ram.bytes(p, 64)].every((b) => b === 0)).toBe(true);
    expect(await callU32(k, 'ksize', p)).toBe(64);
    expect(await callU32(k, '__kmalloc', 0, GFP_KERNEL)).toBe(16);
    await callInt(k, 'kfree', 0);
    await callInt(k, 'kfree', 16);
    expect(k.log).toEqual([]);
  });

  it('returns NULL when the heap cannot hold the block', async () => {
    expect(await callU32(k, '__kmalloc', 3 << 20, GFP_KERNEL)).not.toBe(0);
    expect(await callU32(k, '__kmalloc', 3 << 20, GFP_KERNEL)).toBe(0);
  });

  it('reports a double free as KASAN does, and a pointer kmalloc never gave as a WARNING', async () => {
    const p = await callU32(k, '__kmalloc', 32, GFP_KERNEL);
    await callInt(k, 'kfree', p);
    await callInt(k, 'kfree', p);
    expect(k.log.map((l) => l.text)).toContain('BUG: KASAN: double-free in kfree');
    k.log.length = 0;
    await callInt(k, 'kfree', p + 4);
    expect(k.log.map((l) => l.text).slice(0, 4)).toEqual([
      '------------[ cut here ]------------', `object pointer: 0x${(p + 4).toString(16)}`,
      'kfree() of memory that kmalloc() did not give out: ignored',
      'WARNING: CPU: 0 PID: 1 at mm/slab_common.c:1015 kfree',
    ]);
  });

  it('krealloc keeps the contents; kfree_sensitive wipes the block first', async () => {
    const p = await callU32(k, '__kmalloc', 4, GFP_KERNEL);
    k.ram.setCString(p, 'abc');
    const q = await callU32(k, 'krealloc', p, 100, GFP_KERNEL);
    expect(k.ram.cString(q)).toBe('abc');
    expect(await callU32(k, 'ksize', q)).toBe(100);
    await callInt(k, 'kfree_sensitive', q);
    expect(k.ram.u32(q)).toBe(0);
  });
});

describe('devm_ allocations and actions', () => {
  it('frees devm memory when the device lets go, and devm_kfree frees one block early', async () => {
    const dev = k.kmalloc(136);
    const a = await callU32(k, 'devm_kmalloc', dev, 16, GFP_KERNEL | GFP_ZERO);
    const b = await callU32(k, 'devm_kstrdup', dev, cstr(k, 'stopwatch'), GFP_KERNEL);
    const c = await callU32(k, 'devm_kasprintf', dev, GFP_KERNEL, cstr(k, 'irq%d'), 11);
    expect([k.ram.cString(b), k.ram.cString(c), devresCount(k, dev)]).toEqual(['stopwatch', 'irq11', 3]);
    await callInt(k, 'devm_kfree', dev, a);
    expect(devresCount(k, dev)).toBe(2);
    await devresReleaseAll(k, dev);
    await callInt(k, 'kfree', b);
    expect(k.log.map((l) => l.text)).toContain('BUG: KASAN: double-free in kfree');
  });

  it('runs devm actions newest first at release; removed ones never, released ones at once', async () => {
    const dev = k.kmalloc(136);
    const ran: string[] = [];
    const act = k.defineGuestFunction('act', (_k, data) => { ran.push(`act ${data}`); return 0; });
    const other = k.defineGuestFunction('other', (_k, data) => { ran.push(`other ${data}`); return 0; });
    for (const [fn, data] of [[act, 1], [other, 2], [act, 3], [act, 4]]) expect(await callInt(k, 'devm_add_action', dev, fn, data)).toBe(0);
    await callInt(k, 'devm_remove_action', dev, act, 3);
    await callInt(k, 'devm_release_action', dev, act, 4);
    expect(ran).toEqual(['act 4']);
    await devresReleaseAll(k, dev);
    expect(ran).toEqual(['act 4', 'other 2', 'act 1']);
  });

  it('devm_krealloc moves the block and keeps it managed', async () => {
    const dev = k.kmalloc(136);
    const p = await callU32(k, 'devm_kmemdup', dev, cstr(k, 'abc'), 4, GFP_KERNEL);
    const q = await callU32(k, 'devm_krealloc', dev, p, 64, GFP_KERNEL);
    expect([k.ram.cString(q), devresCount(k, dev)]).toEqual(['abc', 1]);
  });
});
