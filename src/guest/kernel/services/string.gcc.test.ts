// The string services against the host C library (built with gcc) on random
// short strings: lengths, searches and spans must be equal, comparisons must
// agree in sign (Linux's strcmp answers -1/0/1, glibc any sign-carrying int).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKernelContext } from '../fake-context.ts';
import { callInt } from './testing.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

const ALPHABET = 'abAB c';
const word = (r: () => number) => Array.from({ length: Math.floor(r() * 7) }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]).join('');

interface Case { a: string; b: string; n: number; c: string }

/** Per case, one line: strlen strnlen strchr strrchr strstr strspn strcspn strpbrk strcmp strncmp strcasecmp strncasecmp memcmp. */
const C_LINE = `
  const char *p;
  printf("%zu %zu ", strlen(a), strnlen(a, n));
  p = strchr(a, c); printf("%ld ", p ? (long)(p - a) : -1L);
  p = strrchr(a, c); printf("%ld ", p ? (long)(p - a) : -1L);
  p = strstr(a, b); printf("%ld ", p ? (long)(p - a) : -1L);
  printf("%zu %zu ", strspn(a, b), strcspn(a, b));
  p = strpbrk(a, b); printf("%ld ", p ? (long)(p - a) : -1L);
  printf("%d %d %d %d ", sgn(strcmp(a, b)), sgn(strncmp(a, b, n)), sgn(strcasecmp(a, b)), sgn(strncasecmp(a, b, n)));
  printf("%d\\n", sgn(memcmp(a, b, n < sizeof a0 ? n : 0)));
`;

function hostResults(cases: Case[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'string-'));
  const body = cases.map((c) => `{ static const char a0[16] = ${JSON.stringify(c.a)}; static const char b0[16] = ${JSON.stringify(c.b)};
    const char *a = a0, *b = b0; size_t n = ${c.n}; int c = ${c.c.charCodeAt(0)}; ${C_LINE} }`).join('\n');
  writeFileSync(join(dir, 's.c'), `#include <stdio.h>\n#include <string.h>\n#include <strings.h>\nstatic int sgn(int x) { return (x > 0) - (x < 0); }\nint main(void) {\n${body}\nreturn 0; }\n`);
  execFileSync('gcc', ['-w', '-O0', '-fno-builtin', '-o', join(dir, 's'), join(dir, 's.c')]);
  return execFileSync(join(dir, 's'), { encoding: 'latin1' }).trim().split('\n');
}

async function ourResult(k: FakeKernelContext, c: Case): Promise<string> {
  const a = k.kmalloc(16), b = k.kmalloc(16);
  k.ram.fill(a, 0, 16); k.ram.fill(b, 0, 16);
  k.ram.setCString(a, c.a); k.ram.setCString(b, c.b);
  const off = async (name: string, ...args: number[]) => { const p = (await callInt(k, name, ...args)) >>> 0; return p ? p - a : -1; };
  const sgn = async (name: string, ...args: number[]) => Math.sign(await callInt(k, name, ...args));
  const cc = c.c.charCodeAt(0);
  const out = [
    await callInt(k, 'strlen', a), await callInt(k, 'strnlen', a, c.n),
    await off('strchr', a, cc), await off('strrchr', a, cc), await off('strstr', a, b),
    await callInt(k, 'strspn', a, b), await callInt(k, 'strcspn', a, b), await off('strpbrk', a, b),
    await sgn('strcmp', a, b), await sgn('strncmp', a, b, c.n), await sgn('strcasecmp', a, b), await sgn('strncasecmp', a, b, c.n),
    await sgn('memcmp', a, b, c.n < 16 ? c.n : 0),
  ];
  k.kfree(a); k.kfree(b);
  return out.join(' ');
}

describe('string services against the C library', () => {
  it('agree on 1500 random cases', async () => {
    const r = rng(7);
    const cases: Case[] = Array.from({ length: 1500 }, () => ({ a: word(r), b: word(r), n: Math.floor(r() * 9), c: ALPHABET[Math.floor(r() * ALPHABET.length)] }));
    const host = hostResults(cases);
    const k = new FakeKernelContext();
    const diffs: string[] = [];
    for (let i = 0; i < cases.length && diffs.length < 5; i++) {
      const ours = await ourResult(k, cases[i]);
      if (ours !== host[i]) diffs.push(`${JSON.stringify(cases[i])}: ours ${ours}, libc ${host[i]}`);
    }
    expect(diffs).toEqual([]);
  });
});
