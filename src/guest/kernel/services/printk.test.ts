// printk and the formats a driver writer compares with Linux's dmesg: log
// levels and KERN_CONT, dev_err's "<driver> <device>: " prefix, the %p
// extensions, the snprintf family's return values, sscanf and WARN.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext, fakeArgs } from '../fake-context.ts';
import { DEVICE, KOBJECT, RESOURCE } from './layouts.ts';
import { formatKernel } from './printk.ts';
import { hashPointer } from './vsprintf-pointer.ts';
import { callInt, cstr } from './testing.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

const fmt = (f: string, ...slots: number[]) => formatKernel(k, f, fakeArgs(k.ram, slots).varargs(0));
const lines = () => k.log.map((l) => `${l.level} ${l.text}`);

/** A struct device named `name`, bound to a driver named `driver` (as during probe). */
function device(name: string, driver?: string): number {
  const dev = k.kmalloc(DEVICE.size);
  k.ram.fill(dev, 0, DEVICE.size);
  k.ram.setU32(dev + DEVICE.kobj + KOBJECT.name, cstr(k, name));
  if (driver) {
    const drv = k.kmalloc(64);
    k.ram.fill(drv, 0, 64);
    k.ram.setU32(drv, cstr(k, driver));
    k.ram.setU32(dev + DEVICE.driver, drv);
  }
  return dev;
}

describe('printk', () => {
  it('takes the level from a KERN_SOH prefix, 4 (warning) without one, and returns the length', async () => {
    expect(await callInt(k, '_printk', cstr(k, '\x013stopwatch: bad %d\n'), 7)).toBe('stopwatch: bad 7\n'.length);
    await callInt(k, '_printk', cstr(k, 'no level\n'));
    expect(lines()).toEqual(['3 stopwatch: bad 7', '4 no level']);
  });

  it('joins a KERN_CONT piece to the unfinished line before it', async () => {
    await callInt(k, '_printk', cstr(k, '\x016values:'));
    await callInt(k, '_printk', cstr(k, '\x01c %d'), 1);
    await callInt(k, '_printk', cstr(k, '\x01c %d\n'), 2);
    expect(lines()).toEqual(['6 values: 1 2']);
  });

  it('logs an unfinished line when no continuation comes', async () => {
    await callInt(k, '_printk', cstr(k, '\x016half a line'));
    expect(lines()).toEqual([]);
    k.advance(20_000_000n);
    expect(lines()).toEqual(['6 half a line']);
  });

  it('logs one line per newline of one message', async () => {
    await callInt(k, '_printk', cstr(k, '\x016a\nb\n'));
    expect(lines()).toEqual(['6 a', '6 b']);
  });

  it('formats from a va_list in memory for vprintk, a 64-bit value on an 8-byte boundary', async () => {
    const va = k.kmalloc(32, 8);
    k.ram.setU32(va, 5);
    k.ram.setU64(va + 8, 0x1_0000_0000n);
    await callInt(k, 'vprintk', cstr(k, '\x016%d %llu\n'), va);
    expect(lines()).toEqual(['6 5 4294967296']);
  });
});

describe('dev_printk', () => {
  it('prefixes the driver and device names as Linux does', async () => {
    const dev = device('10001000.stopwatch', 'stopwatch');
    await callInt(k, '_dev_info', dev, cstr(k, 'stopwatch ready: irq %d, status %u\n'), 11, 1);
    await callInt(k, '_dev_err', 0, cstr(k, 'orphan\n'));
    expect(lines()).toEqual(['6 stopwatch 10001000.stopwatch: stopwatch ready: irq 11, status 1', '3 (NULL device *): orphan']);
  });

  it('uses the level string of _dev_printk', async () => {
    await callInt(k, '_dev_printk', cstr(k, '\x015'), device('d0', 'drv'), cstr(k, 'note\n'));
    expect(lines()).toEqual(['5 drv d0: note']);
  });

  it('dev_err_probe prints "error -ENAME: ..." and returns the error, but stays quiet for -EPROBE_DEFER', async () => {
    const dev = device('10001000.stopwatch', 'stopwatch');
    expect(await callInt(k, 'dev_err_probe', dev, -12, cstr(k, 'cannot map the registers (reg %d)\n'), 1)).toBe(-12);
    expect(await callInt(k, 'dev_err_probe', dev, -517, cstr(k, 'later\n'))).toBe(-517);
    expect(lines()).toEqual(['3 stopwatch 10001000.stopwatch: error -ENOMEM: cannot map the registers (reg 1)']);
  });
});

describe('the %p extensions', () => {
  it('prints symbols with and without offsets (%pS, %ps, %pB)', () => {
    const fn = k.defineGuestFunction('stopwatch_read+0x1c/0x60 [stopwatch]', () => 0);
    const next = k.defineGuestFunction('stopwatch_probe+0x0/0x80 [stopwatch]', () => 0);
    expect(fmt('%pS|%ps', fn, fn)).toBe('stopwatch_read+0x1c/0x60 [stopwatch]|stopwatch_read [stopwatch]');
    // %pB is for return addresses: it looks up addr-1 and adds the 1 back.
    expect(fmt('%pB', next + 1)).toBe('stopwatch_probe+0x1/0x80 [stopwatch]');
  });

  it('prints addresses by reference (%pa, %pad), raw (%px), errors (%pe) and hex dumps (%ph)', () => {
    const phys = k.kmalloc(8);
    k.ram.setU32(phys, 0x1000_1000);
    const bytes = cstr(k, '\x01\x02\xab\xff');
    expect(fmt('%pa %pad %px', phys, phys, 0x8000_1234)).toBe('0x10001000 0x10001000 80001234');
    expect(fmt('%pe %pe', -2 >>> 0, -1234 >>> 0)).toBe('-ENOENT -1234');
    expect(fmt('[%*ph] [%4phC] [%2phN] [%ph]', 4, bytes, bytes, bytes, bytes)).toBe('[01 02 ab ff] [01:02:ab:ff] [0102] [01]');
  });

  it('hashes plain %p and %pK (stable, 8 digits, not the address) but prints NULL and error pointers as they are', () => {
    const p = 0x8000_4000;
    expect(fmt('%p', p)).toBe(hashPointer(p).toString(16).padStart(8, '0'));
    expect(fmt('%p', p)).toBe(fmt('%pK', p));
    expect(fmt('%p', p)).not.toBe('80004000');
    expect(fmt('%p %p', 0, -22 >>> 0)).toBe('00000000 ffffffea');
  });

  it('prints struct resource as %pR and %pr do', () => {
    const res = k.kmalloc(RESOURCE.size);
    k.ram.fill(res, 0, RESOURCE.size);
    k.ram.setU32(res + RESOURCE.start, 0x1000_1000);
    k.ram.setU32(res + RESOURCE.end, 0x1000_1fff);
    k.ram.setU32(res + RESOURCE.flags, 0x200);
    expect(fmt('%pR %pr', res, res)).toBe('[mem 0x10001000-0x10001fff] [mem 0x10001000-0x10001fff flags 0x200]');
    k.ram.setU32(res + RESOURCE.start, 11);
    k.ram.setU32(res + RESOURCE.end, 11);
    k.ram.setU32(res + RESOURCE.flags, 0x400);
    expect(fmt('%pR', res)).toBe('[irq 11]');
  });

  it('prints (null) for a NULL string or %pa, and consumes the letters after %p as Linux does', () => {
    expect(fmt('%s|%pa|%pxyz.', 0, 0, 0x10)).toBe('(null)|(null)|00000010.');
  });
});

describe('where Linux and C differ', () => {
  it('prints "0x0" for %#x of 0, "0" for %.0d of 0, and zero-pads with a precision', () => {
    expect(fmt('%#x %.0d %05.3d', 0, 0, 7)).toBe('0x0 0 00007');
  });

  it('stops at %n and at an unknown conversion', () => {
    expect(fmt('a%nb', 0)).toBe('a');
    expect(fmt('x=%d %y %d', 1, 2)).toBe('x=1 ');
  });
});

describe('the snprintf family', () => {
  it('snprintf truncates and returns the length it wanted; scnprintf returns what it wrote', async () => {
    const buf = k.kmalloc(16);
    expect(await callInt(k, 'snprintf', buf, 5, cstr(k, '%s'), cstr(k, 'stopwatch'))).toBe(9);
    expect(k.ram.cString(buf)).toBe('stop');
    expect(await callInt(k, 'scnprintf', buf, 5, cstr(k, '%s'), cstr(k, 'stopwatch'))).toBe(4);
    expect(await callInt(k, 'scnprintf', buf, 0, cstr(k, 'x'))).toBe(0);
    expect(await callInt(k, 'sprintf', buf, cstr(k, '%u\n'), 42)).toBe(3);
    expect(k.ram.cString(buf)).toBe('42\n');
  });

  it('kasprintf returns a fresh block holding the text', async () => {
    const p = await callInt(k, 'kasprintf', 0xcc0, cstr(k, '%s-%d'), cstr(k, 'irq'), 11);
    expect(k.ram.cString(p >>> 0)).toBe('irq-11');
  });
});

describe('sscanf', () => {
  it('stores integers, strings and characters and counts them', async () => {
    const [a, b, s, c, n] = [0, 1, 2, 3, 4].map(() => k.kmalloc(32));
    expect(await callInt(k, 'sscanf', cstr(k, ' 12  0x1f name Zrest'), cstr(k, '%d %i %s %c%n'), a, b, s, c, n)).toBe(4);
    expect([k.ram.i32(a), k.ram.i32(b), k.ram.cString(s), k.ram.u8(c), k.ram.u32(n)]).toEqual([12, 31, 'name', 90, 16]);
  });

  it('stops at the first mismatch', async () => {
    const [a, b] = [k.kmalloc(8), k.kmalloc(8)];
    expect(await callInt(k, 'sscanf', cstr(k, 'timeout=5'), cstr(k, 'timeout:%d'), a)).toBe(0);
    expect(await callInt(k, 'sscanf', cstr(k, '7,x'), cstr(k, '%u,%u'), a, b)).toBe(1);
    expect(await callInt(k, 'sscanf', cstr(k, '-3 ff'), cstr(k, '%hhd %x'), a, b)).toBe(2);
    expect([k.ram.u8(a), k.ram.u32(b)]).toEqual([253, 255]);
    // As Linux: %x skips a "0x" even without digits after it; %d does not take a '+'.
    const rest = k.kmalloc(8);
    expect(await callInt(k, 'sscanf', cstr(k, '0xg'), cstr(k, '%x%s'), a, rest)).toBe(2);
    expect([k.ram.u32(a), k.ram.cString(rest)]).toEqual([0, 'g']);
    expect(await callInt(k, 'sscanf', cstr(k, '+5'), cstr(k, '%d'), a)).toBe(0);
  });
});

describe('hex_to_bin and WARN', () => {
  it('hex_to_bin reads one hex digit or answers -1', async () => {
    expect(await Promise.all(['0', '9', 'a', 'F', 'g', ' '].map((c) => callInt(k, 'hex_to_bin', c.charCodeAt(0))))).toEqual([0, 9, 10, 15, -1, -1]);
  });

  it('warn_slowpath_fmt prints Linux\'s WARNING block with the file, line and message', async () => {
    await callInt(k, 'warn_slowpath_fmt', cstr(k, 'drivers/stopwatch.c'), 42, 9, cstr(k, 'bad state %d\n'), 3);
    expect(k.log.map((l) => l.text)).toEqual([
      '------------[ cut here ]------------',
      'bad state 3',
      'WARNING: CPU: 0 PID: 1 at drivers/stopwatch.c:42',
      'CPU: 0 PID: 1 Comm: sh',
      '---[ end trace 0000000000000000 ]---',
    ]);
  });
});
