// kstrto* as Linux defines them (lib/kstrtox.c): what a sysfs or module
// parameter write accepts, and the errno for what it refuses.
import { describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { callInt, callService, cstr } from './testing.ts';

const EINVAL = -22, ERANGE = -34;

async function kstrto(name: string, text: string, base = 0, size = 4): Promise<[number, bigint]> {
  const k = new FakeKernelContext();
  const res = k.kmalloc(8);
  k.ram.setU64(res, 0xaaaa_aaaa_aaaa_aaaan);
  const r = await callInt(k, name, cstr(k, text), base, res);
  const raw = size === 8 ? k.ram.u64(res) : BigInt(size === 4 ? k.ram.u32(res) : size === 2 ? k.ram.u16(res) : k.ram.u8(res));
  return [r, raw];
}

describe('kstrto*', () => {
  it('accepts a number with one trailing newline, in the base asked or by prefix for base 0', async () => {
    expect(await kstrto('kstrtouint', '5\n')).toEqual([0, 5n]);
    expect(await kstrto('kstrtouint', '0x1f')).toEqual([0, 31n]);
    expect(await kstrto('kstrtouint', '010')).toEqual([0, 8n]);
    expect(await kstrto('kstrtouint', '1f', 16)).toEqual([0, 31n]);
    expect(await kstrto('kstrtouint', '0x1f', 16)).toEqual([0, 31n]);
    expect(await kstrto('kstrtouint', '+7', 10)).toEqual([0, 7n]);
    expect(await kstrto('kstrtoint', '-2147483648')).toEqual([0, 0x8000_0000n]);
  });

  it('refuses junk with -EINVAL and leaves the result alone', async () => {
    for (const bad of ['', '\n', 'abc', '5\n\n', ' 5', '5 ', '0x', '-5', '08', '1e3']) {
      expect(await kstrto('kstrtouint', bad), bad).toEqual([EINVAL, 0xaaaa_aaaan]);
    }
  });

  it('answers -ERANGE for a number too big for the destination', async () => {
    expect((await kstrto('kstrtouint', '4294967296'))[0]).toBe(ERANGE);
    expect((await kstrto('kstrtoint', '2147483648'))[0]).toBe(ERANGE);
    expect((await kstrto('kstrtoint', '-2147483649'))[0]).toBe(ERANGE);
    expect((await kstrto('kstrtou8', '256', 0, 1))[0]).toBe(ERANGE);
    expect(await kstrto('kstrtos8', '-128', 0, 1)).toEqual([0, 0x80n]);
    expect((await kstrto('kstrtoull', '18446744073709551616', 0, 8))[0]).toBe(ERANGE);
    expect(await kstrto('kstrtoull', '18446744073709551615', 0, 8)).toEqual([0, 0xffff_ffff_ffff_ffffn]);
    expect(await kstrto('kstrtoll', '-9223372036854775808', 0, 8)).toEqual([0, 0x8000_0000_0000_0000n]);
  });

  it('kstrtobool takes y/n/1/0/on/off in any case', async () => {
    const k = new FakeKernelContext();
    const res = k.kmalloc(1);
    const results: Array<[number, number]> = [];
    for (const w of ['Y', 'yes', '1', 'on', 'N', 'f', '0', 'OFF', 'o', 'x', '']) {
      k.ram.setU8(res, 7);
      results.push([await callInt(k, 'kstrtobool', cstr(k, w), res), k.ram.u8(res)]);
    }
    expect(results).toEqual([[0, 1], [0, 1], [0, 1], [0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [EINVAL, 7], [EINVAL, 7], [EINVAL, 7]]);
  });
});

describe('simple_strto*', () => {
  it('reads what digits there are and stores where they end', async () => {
    const k = new FakeKernelContext();
    const s = cstr(k, '0x1fz'), end = k.kmalloc(4);
    expect(await callInt(k, 'simple_strtoul', s, end, 0)).toBe(31);
    expect(k.ram.u32(end)).toBe(s + 4);
    expect(await callInt(k, 'simple_strtol', cstr(k, '-12abc'), 0, 10)).toBe(-12);
    expect(await callService(k, 'simple_strtoull', cstr(k, '12345678901'), 0, 10)).toBe(12345678901n);
    expect(await callService(k, 'simple_strtoll', cstr(k, '-5'), 0, 10)).toBe(-5n);
  });
});
