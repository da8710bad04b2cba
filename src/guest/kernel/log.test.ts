// The kernel log: dmesg's time stamps, the console's level filter, the ring's size.
import { describe, expect, it } from 'vitest';
import { KernelLog, timestamp } from './log.ts';

describe('the kernel log', () => {
  it("stamps lines as Linux's printk does: seconds padded to 5, microseconds to 6", () => {
    expect(timestamp(0n)).toBe('[    0.000000] ');
    expect(timestamp(1_234_567_891n)).toBe('[    1.234567] ');
    expect(timestamp(123_456_000_000_000n)).toBe('[123456.000000] ');
  });

  it('keeps every level for dmesg, and sends only those under the console level to the console', () => {
    let now = 0n;
    const log = new KernelLog(() => now);
    const console: string[] = [];
    log.onConsole = (l) => console.push(l);
    log.write(6, 'info line\nsecond line\n');
    now = 2_000_000n;
    log.write(7, 'debug line');
    expect(log.dmesg()).toBe('[    0.000000] info line\n[    0.000000] second line\n[    0.002000] debug line\n');
    expect(console).toEqual(['[    0.000000] info line\n', '[    0.000000] second line\n']);
  });

  it('drops the oldest lines once the ring buffer is full', () => {
    const log = new KernelLog(() => 0n);
    for (let i = 0; i < 5000; i++) log.write(6, `line ${i} ${'x'.repeat(40)}`);
    expect(log.records.length).toBeLessThan(5000);
    expect(log.records[log.records.length - 1].text).toMatch(/^line 4999 /);
  });
});
