// copy_to_user and friends: the guest has no MMU, so a "user" pointer is a RAM
// address; one that runs off the end of RAM makes the copy partial (bytes
// not copied are reported), never an Oops.
import { beforeEach, describe, expect, it } from 'vitest';
import { FAKE_RAM_BASE, FakeKernelContext } from '../fake-context.ts';
import { callInt, callU32, cstr } from './testing.ts';

let k: FakeKernelContext;
let ramEnd: number;
beforeEach(() => { k = new FakeKernelContext(); ramEnd = FAKE_RAM_BASE + k.ramSize; });

describe('uaccess', () => {
  it('copy_to_user returns 0 when all went, else how many bytes did not', async () => {
    const src = cstr(k, 'abcdefgh');
    const dst = k.kmalloc(8);
    expect(await callInt(k, '_copy_to_user', dst, src, 8)).toBe(0);
    expect(k.ram.cString(dst, 8)).toBe('abcdefgh');
    expect(await callInt(k, '_copy_to_user', ramEnd - 3, src, 8)).toBe(5);
    expect(k.ram.cString(ramEnd - 3, 3)).toBe('abc');
    expect(await callInt(k, '_copy_to_user', 0, src, 8)).toBe(8);
  });

  it('copy_from_user zeroes the part of the kernel buffer it could not fill', async () => {
    k.ram.setBytes(ramEnd - 2, Uint8Array.from([7, 8]));
    const dst = k.kmalloc(6);
    k.ram.fill(dst, 0xff, 6);
    expect(await callInt(k, '_copy_from_user', dst, ramEnd - 2, 6)).toBe(4);
    expect([...k.ram.bytes(dst, 6)]).toEqual([7, 8, 0, 0, 0, 0]);
  });

  it('memdup_user_nul copies and terminates; a bad pointer gives ERR_PTR(-EFAULT)', async () => {
    const p = await callU32(k, 'memdup_user_nul', cstr(k, 'start\n'), 5);
    expect(k.ram.cString(p)).toBe('start');
    expect(await callInt(k, 'memdup_user', 0x10, 4)).toBe(-14);
  });

  it('strncpy_from_user, strnlen_user and strndup_user follow Linux\'s counting', async () => {
    const s = cstr(k, 'stopwatch'), d = k.kmalloc(16);
    expect(await callInt(k, 'strncpy_from_user', d, s, 16)).toBe(9);
    expect(await callInt(k, 'strncpy_from_user', d, s, 4)).toBe(4);
    expect(await callInt(k, 'strncpy_from_user', d, 0x10, 4)).toBe(-14);
    expect(await callInt(k, 'strnlen_user', s, 16)).toBe(10);
    expect(await callInt(k, 'strnlen_user', s, 4)).toBe(5);
    expect(await callInt(k, 'strnlen_user', 0x10, 4)).toBe(0);
    expect(k.ram.cString(await callU32(k, 'strndup_user', s, 16))).toBe('stopwatch');
    expect(await callInt(k, 'strndup_user', s, 4)).toBe(-22);
  });
});
