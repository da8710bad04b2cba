import { describe, expect, it } from 'vitest';
import { EscapeFilter } from './stdin-forwarder.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('EscapeFilter (a terminal on run-elf, as QEMU -nographic)', () => {
  it('passes ordinary keys, Enter as CR and Ctrl-C to the guest', () => {
    const f = new EscapeFilter();
    expect([...f.filter(bytes('ls\r\x03'))]).toEqual([...bytes('ls\r\x03')]);
    expect(f.quitRequested).toBe(false);
  });

  it('Ctrl-A x quits, even split across two reads', () => {
    const f = new EscapeFilter();
    expect([...f.filter(bytes('a\x01'))]).toEqual([0x61]);
    expect([...f.filter(bytes('x'))]).toEqual([]);
    expect(f.quitRequested).toBe(true);
  });

  it('Ctrl-A Ctrl-A sends one Ctrl-A; Ctrl-A and another key sends nothing', () => {
    const f = new EscapeFilter();
    expect([...f.filter(bytes('\x01\x01b\x01zc'))]).toEqual([0x01, 0x62, 0x63]);
    expect(f.quitRequested).toBe(false);
  });
});
