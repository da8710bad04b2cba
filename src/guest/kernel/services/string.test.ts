// Linux's string functions as a driver sees them: the C library's results
// where Linux keeps them, and Linux's own where it differs (strscpy, strim,
// sysfs_streq, match_string, strcmp's -1/0/1).
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { callInt, callU32, cstr } from './testing.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

describe('memory functions', () => {
  it('memmove copies overlapping ranges as if through a temporary; memset fills', async () => {
    const p = cstr(k, 'abcdefgh');
    expect(await callU32(k, 'memmove', p + 2, p, 5)).toBe(p + 2);
    expect(k.ram.cString(p)).toBe('ababcdeh');
    await callInt(k, 'memset', p, 0x2d, 3);
    expect(k.ram.cString(p)).toBe('---bcdeh');
  });

  it('memcpy copies any size at any alignment, struct copies included', async () => {
    const src = k.kmalloc(300), dst = k.kmalloc(300);
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 7) & 0xff);
    k.ram.setBytes(src + 1, bytes);
    await callInt(k, 'memcpy', dst + 3, src + 1, 257);
    expect(k.ram.bytes(dst + 3, 257)).toEqual(bytes);
  });

  it('memcmp, memchr, memchr_inv and memscan', async () => {
    const a = cstr(k, 'abcd'), b = cstr(k, 'abzd');
    expect(Math.sign(await callInt(k, 'memcmp', a, b, 4))).toBe(-1);
    expect(await callInt(k, 'memcmp', a, b, 2)).toBe(0);
    expect(await callU32(k, 'memchr', a, 0x63, 4)).toBe(a + 2);
    expect(await callU32(k, 'memchr', a, 0x7a, 4)).toBe(0);
    const z = k.kmalloc(8);
    k.ram.fill(z, 0, 8);
    k.ram.setU8(z + 5, 1);
    expect(await callU32(k, 'memchr_inv', z, 0, 8)).toBe(z + 5);
    expect(await callU32(k, 'memchr_inv', z, 0, 5)).toBe(0);
    expect(await callU32(k, 'memscan', a, 0x7a, 4)).toBe(a + 4);
  });
});

describe('string functions', () => {
  it('strcmp and strncmp answer -1, 0 or 1 as Linux does', async () => {
    expect(await callInt(k, 'strcmp', cstr(k, 'abc'), cstr(k, 'abz'))).toBe(-1);
    expect(await callInt(k, 'strcmp', cstr(k, 'b'), cstr(k, 'abc'))).toBe(1);
    expect(await callInt(k, 'strncmp', cstr(k, 'start\n'), cstr(k, 'start'), 5)).toBe(0);
    expect(await callInt(k, 'strcasecmp', cstr(k, 'Start'), cstr(k, 'sTART'))).toBe(0);
  });

  it('strscpy copies what fits and answers -E2BIG when the source was cut', async () => {
    const d = k.kmalloc(16);
    expect(await callInt(k, 'strscpy', d, cstr(k, 'stop'), 8)).toBe(4);
    expect(await callInt(k, 'strscpy', d, cstr(k, 'stopwatch'), 5)).toBe(-7);
    expect(k.ram.cString(d)).toBe('stop');
    expect(await callInt(k, 'strscpy', d, cstr(k, 'x'), 0)).toBe(-7);
  });

  it('strlcat returns the length it tried to make; strncat appends at most n', async () => {
    const d = k.kmalloc(16);
    k.ram.setCString(d, 'ab');
    expect(await callInt(k, 'strlcat', d, cstr(k, 'cdefgh'), 6)).toBe(8);
    expect(k.ram.cString(d)).toBe('abcde');
    await callInt(k, 'strncat', d, cstr(k, 'xyz'), 2);
    expect(k.ram.cString(d)).toBe('abcdexy');
  });

  it('strchr finds the terminating NUL for c = 0; strrchr the last; strnchr only within n', async () => {
    const s = cstr(k, 'a/b/c');
    expect(await callU32(k, 'strchr', s, 0x2f)).toBe(s + 1);
    expect(await callU32(k, 'strchr', s, 0)).toBe(s + 5);
    expect(await callU32(k, 'strrchr', s, 0x2f)).toBe(s + 3);
    expect(await callU32(k, 'strnchr', s, 1, 0x2f)).toBe(0);
    expect(await callU32(k, 'strchrnul', s, 0x78)).toBe(s + 5);
  });

  it('strstr, strnstr, strpbrk, strspn and strcspn', async () => {
    const s = cstr(k, 'timeout 5');
    expect(await callU32(k, 'strstr', s, cstr(k, 'out'))).toBe(s + 4);
    expect(await callU32(k, 'strnstr', s, cstr(k, 'out'), 6)).toBe(0);
    expect(await callU32(k, 'strnstr', s, cstr(k, 'out'), 7)).toBe(s + 4);
    expect(await callU32(k, 'strpbrk', s, cstr(k, ' 5'))).toBe(s + 7);
    expect(await callInt(k, 'strspn', s, cstr(k, 'imt'))).toBe(3);
    expect(await callInt(k, 'strcspn', s, cstr(k, ' '))).toBe(7);
  });

  it('strsep splits in place and moves the cursor; NULL at the end', async () => {
    const s = cstr(k, 'a,b');
    const cursor = k.kmalloc(4);
    k.ram.setU32(cursor, s);
    const delims = cstr(k, ',');
    expect(await callU32(k, 'strsep', cursor, delims)).toBe(s);
    expect(k.ram.cString(s)).toBe('a');
    expect(await callU32(k, 'strsep', cursor, delims)).toBe(s + 2);
    expect(k.ram.u32(cursor)).toBe(0);
    expect(await callU32(k, 'strsep', cursor, delims)).toBe(0);
  });

  it('strim cuts trailing space in place and skips leading space; skip_spaces only skips', async () => {
    const s = cstr(k, '  start \n');
    const t = await callU32(k, 'strim', s);
    expect(t).toBe(s + 2);
    expect(k.ram.cString(t)).toBe('start');
    expect(await callU32(k, 'skip_spaces', cstr(k, '\t x'))).toBeGreaterThan(0);
  });

  it('sysfs_streq ignores one trailing newline; match_string and __sysfs_match_string find the index', async () => {
    expect(await callInt(k, 'sysfs_streq', cstr(k, 'start\n'), cstr(k, 'start'))).toBe(1);
    expect(await callInt(k, 'sysfs_streq', cstr(k, 'start\n\n'), cstr(k, 'start'))).toBe(0);
    const arr = k.kmalloc(12);
    ['reset', 'start', 'pause'].forEach((w, i) => k.ram.setU32(arr + 4 * i, cstr(k, w)));
    expect(await callInt(k, 'match_string', arr, 3, cstr(k, 'pause'))).toBe(2);
    expect(await callInt(k, 'match_string', arr, 3, cstr(k, 'pause\n'))).toBe(-22);
    expect(await callInt(k, '__sysfs_match_string', arr, 3, cstr(k, 'pause\n'))).toBe(2);
  });

  it('kstrdup, kstrndup, kmemdup and kmemdup_nul make kmalloc copies; NULL stays NULL', async () => {
    expect(k.ram.cString(await callU32(k, 'kstrdup', cstr(k, 'stopwatch'), 0xcc0))).toBe('stopwatch');
    expect(k.ram.cString(await callU32(k, 'kstrndup', cstr(k, 'stopwatch'), 4, 0xcc0))).toBe('stop');
    expect(k.ram.cString(await callU32(k, 'kmemdup_nul', cstr(k, 'abcdef'), 3, 0xcc0))).toBe('abc');
    expect(k.ram.bytes(await callU32(k, 'kmemdup', cstr(k, 'xyz'), 2, 0xcc0), 2)).toEqual(Uint8Array.from([120, 121]));
    expect(await callU32(k, 'kstrdup', 0, 0xcc0)).toBe(0);
  });
});
