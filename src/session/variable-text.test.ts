// Values and types as the Variables view words them, on hand-made DWARF types
// (the frame reader's test covers them on a real stop).
import { describe, expect, it } from 'vitest';
import type { DebugType } from '../toolchain/obj/dwarf-info-read.ts';
import { typeText, valueText } from './variable-text.ts';

const char: DebugType = { kind: 'base', name: 'char', encoding: 0x08, size: 1 };
const int: DebugType = { kind: 'base', name: 'int', encoding: 0x05, size: 4 };
const u16: DebugType = { kind: 'typedef', name: 'u16', target: { kind: 'base', name: 'unsigned short', encoding: 0x07, size: 2 } };
const constChar: DebugType = { kind: 'qualified', qualifier: 'const', target: char };
const noMemory = () => null;
const le = (...words: number[]) => new Uint8Array(new Uint32Array(words).buffer);

describe('typeText', () => {
  it('writes pointers, qualifiers, typedefs and arrays as C does', () => {
    expect(typeText({ kind: 'pointer', target: constChar })).toBe('const char *');
    expect(typeText({ kind: 'qualified', qualifier: 'const', target: { kind: 'pointer', target: char } })).toBe('char * const');
    expect(typeText({ kind: 'pointer', target: { kind: 'pointer', target: char } })).toBe('char **');
    expect(typeText({ kind: 'array', target: u16, count: 3 })).toBe('u16 [3]');
    expect(typeText({ kind: 'pointer', target: null })).toBe('void *');
  });
});

describe('valueText', () => {
  it('shows an unsigned in decimal and hex, a char with its character, a char array as a string', () => {
    expect(valueText(u16, new Uint8Array([0x01, 0x80]), 0, noMemory)).toBe('32769 (0x8001)');
    expect(valueText(char, new Uint8Array([10]), 0, noMemory)).toBe("10 '\\n'");
    expect(valueText({ kind: 'array', target: char, count: 8 }, new Uint8Array([104, 105, 0, 0, 0, 0, 0, 0]), 0, noMemory)).toBe('"hi"');
  });

  it('follows a char pointer to its text when memory can be read, and never guesses when it cannot', () => {
    const ptr: DebugType = { kind: 'pointer', target: constChar };
    const memory = (addr: number, size: number) => (addr === 0x80001000 ? new Uint8Array([111, 107, 0, ...new Array(size - 3).fill(0)]) : null);
    expect(valueText(ptr, le(0x80001000), 0, memory)).toBe('0x80001000 "ok"');
    expect(valueText(ptr, le(0x80002000), 0, memory)).toBe('0x80002000');
    expect(valueText(ptr, le(0), 0, memory)).toBe('NULL');
    expect(valueText(int, new Uint8Array(2), 0, noMemory)).toBe('unavailable'); // fewer bytes than the type has
    expect(valueText(null, le(1), 0, noMemory)).toBe('unavailable');
  });

  it('shows a struct\'s first members, nested aggregates folded', () => {
    const inner: DebugType = { kind: 'struct', union: false, name: 'in', size: 4, members: [{ name: 'v', type: int, offset: 0 }] };
    const outer: DebugType = { kind: 'struct', union: false, name: 'out', size: 8, members: [
      { name: 'n', type: int, offset: 0 }, { name: 'i', type: inner, offset: 4 },
    ] };
    expect(valueText(outer, le(-3, 4), 0, noMemory)).toBe('{n = -3, i = {…}}');
  });

  it('names an enum value by its constant, and shows a value no constant has as the number', () => {
    const state: DebugType = { kind: 'enum', name: 'stopwatch_state', size: 4, enumerators: [
      { name: 'STOPPED', value: 0 }, { name: 'RESET', value: 1 }, { name: 'BROKEN', value: -2 },
    ] };
    expect(typeText(state)).toBe('enum stopwatch_state');
    expect(valueText(state, le(1), 0, noMemory)).toBe('RESET (1)');
    expect(valueText(state, le(-2), 0, noMemory)).toBe('BROKEN (-2)');
    expect(valueText(state, le(9), 0, noMemory)).toBe('9');
  });
});
