// The kernel's vsnprintf against the host C library's snprintf (built with
// gcc): a few thousand random integer, character and string conversions with
// flags, widths, precisions and length qualifiers, on the part of the format
// language where Linux and C agree. Where Linux differs on purpose, the unit
// tests in vsprintf.test.ts say how.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKernelContext, fakeArgs } from '../fake-context.ts';
import { formatKernel } from './vsprintf.ts';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

interface Case {
  fmt: string;
  /** The same conversion for the 64-bit host (long is 32 bits on the guest). */
  hostFmt: string;
  /** C expression of the argument, and the guest's argument slots. */
  cArg: string;
  slots: number[];
  /** For %s: the string at the pointer slot. */
  text?: string;
}

const INTERESTING = [0, 1, -1, 7, 8, 9, 10, 15, 16, 255, 256, 4095, 65535, 65536, 0x7fffffff, -0x80000000, 123456789, -42, 0xdeadbeef];

function pick<T>(r: () => number, a: readonly T[]): T { return a[Math.floor(r() * a.length)]; }

function integerCase(r: () => number): Case {
  const conv = pick(r, ['d', 'i', 'u', 'x', 'X', 'o'] as const);
  const qual = pick(r, ['', '', 'h', 'hh', 'l', 'll', 'z'] as const);
  const flags = [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(r, ['-', '+', ' ', '#', '0'])))].join('');
  const width = r() < 0.5 ? '' : String(Math.floor(r() * 14));
  let precision = r() < 0.7 ? '' : `.${Math.floor(r() * 12)}`;
  // Where Linux and C part ways: precision with '0' or with '#' for octal.
  if (flags.includes('0') || (flags.includes('#') && conv === 'o')) precision = '';
  const small = Math.floor(r() * 2 ** 32) | 0;
  let v = BigInt(r() < 0.5 ? pick(r, INTERESTING) : small);
  if (qual === 'll') v = (v << 32n) ^ BigInt(Math.floor(r() * 2 ** 32));
  v = BigInt.asIntN(qual === 'll' ? 64 : 32, v);
  // A zero with '#' or '.0': C prints "0" / nothing there, Linux "0x0" / "0".
  if ((v & 0xffn) === 0n && (precision === '.0' || flags.includes('#'))) v |= 5n;
  const fmt = `%${flags}${width}${precision}${qual}${conv}`;
  const hostQual = qual === 'l' || qual === 'z' ? '' : qual;
  const hostFmt = `%${flags}${width}${precision}${hostQual}${conv}`;
  const slots = qual === 'll' ? [Number(BigInt.asUintN(32, v)), Number(BigInt.asUintN(32, v >> 32n))] : [Number(BigInt.asUintN(32, v))];
  const cArg = qual === 'll' ? `(long long)${v}LL` : `(int)${v}`;
  return { fmt, hostFmt, cArg, slots };
}

function stringCase(r: () => number, i: number): Case {
  const text = pick(r, ['', 'a', 'stopwatch', 'hello world', '1.00 seconds', 'x'.repeat(20)]);
  const flags = r() < 0.3 ? '-' : '';
  const width = r() < 0.5 ? '' : String(Math.floor(r() * 16));
  const precision = r() < 0.5 ? '' : `.${Math.floor(r() * 12)}`;
  if (r() < 0.3) {
    const c = 33 + Math.floor(r() * 90);
    return { fmt: `%${flags}${width}c`, hostFmt: `%${flags}${width}c`, cArg: String(c), slots: [c] };
  }
  const fmt = `%${flags}${width}${precision}s`;
  return { fmt, hostFmt: fmt, cArg: `s${i}`, slots: [0], text };
}

function hostOutputs(cases: Case[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'vsprintf-'));
  const lines = ['#include <stdio.h>', 'int main(void) { char b[512];'];
  cases.forEach((c, i) => {
    if (c.text !== undefined) lines.push(`static const char s${i}[] = ${JSON.stringify(c.text)};`);
    lines.push(`snprintf(b, sizeof b, ${JSON.stringify(`[${c.hostFmt}]`)}, ${c.cArg}); puts(b);`);
  });
  lines.push('return 0; }');
  writeFileSync(join(dir, 'p.c'), lines.join('\n'));
  execFileSync('gcc', ['-w', '-O0', '-o', join(dir, 'p'), join(dir, 'p.c')]);
  return execFileSync(join(dir, 'p'), { encoding: 'latin1', maxBuffer: 1 << 24 }).split('\n').slice(0, cases.length);
}

describe('formatKernel against the C library', () => {
  it('prints integers, characters and strings as snprintf does on the conversions both share', () => {
    const r = rng(20261202);
    const cases = Array.from({ length: 3000 }, (_, i) => (r() < 0.75 ? integerCase(r) : stringCase(r, i)));
    const expected = hostOutputs(cases);
    const k = new FakeKernelContext();
    const textAddr = k.kmalloc(64);
    const got = cases.map((c) => {
      if (c.text !== undefined) { k.ram.setCString(textAddr, c.text); c.slots[0] = textAddr; }
      return formatKernel(k, `[${c.fmt}]`, fakeArgs(k.ram, c.slots).varargs(0));
    });
    const mismatches = cases.map((c, i) => ({ fmt: c.fmt, arg: c.cArg, linux: got[i], libc: expected[i] })).filter((m) => m.linux !== m.libc);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
