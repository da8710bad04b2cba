// Robustness: whatever the student types, the compiler answers with diagnostics or
// assembly — never an exception and never an "internal compiler error".
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileC } from '../cc-test-util.ts';

const VALID = `
struct dev { int irq; unsigned long long t; struct dev *next; char name[8]; unsigned f : 3; };
static int table[4] = { 1, 2, [3] = 4 };
static const char *msg = "hello";
static long long acc(struct dev *d, int n, ...)
{
	long long s = 0;
	for (int i = 0; i < n && d; i++, d = d->next) {
		switch (d->irq) {
		case 0: s += d->t; break;
		case 1 ... 3: s -= table[d->irq]; /* fall through */
		default: s ^= d->f;
		}
	}
	return s ? s : ({ int q = msg[0]; q * 2; });
}
int main(void)
{
	struct dev a = { .irq = 2, .t = 1ULL << 40, .name = "x" }, b = { 0, 5, &a };
	unsigned char c = (unsigned char)acc(&b, 2);
	do { c >>= 1; } while (c > 3);
	if (sizeof(struct dev) > 20 || !c) goto out;
	c = c ? c + 1 : table[c % 4];
out:
	return (int)c + (int)(b.t % 7);
}
`;

const WORDS = ['int', 'struct', '{', '}', '(', ')', '[', ']', ';', ',', '*', '&', '->', '.', '=', '+', '-', '?', ':',
  'return', 'if', 'else', 'for', 'while', 'switch', 'case', 'default', 'break', 'goto', 'sizeof', 'typedef', 'static',
  'unsigned', 'long', 'char', 'void', 'x', 'd', '0', '1', '"s"', "'c'", '...', '__attribute__', 'asm', '({', '})', '#', '<<=', '++'];

function tokensOf(src: string): string[] {
  return src.match(/"[^"\n]*"|'[^'\n]*'|\/\*[\s\S]*?\*\/|[A-Za-z_]\w*|\d\w*|->|\+\+|--|<<=?|>>=?|[<>=!&|^+\-*/%]=|&&|\|\||\.\.\.|\S|\n/g) ?? [];
}

type Mutation = { at: number; kind: 'delete' | 'insert' | 'duplicate' | 'swap'; word: string };

function mutate(toks: string[], ms: Mutation[]): string {
  const t = [...toks];
  for (const m of ms) {
    const i = m.at % Math.max(1, t.length);
    if (m.kind === 'delete') t.splice(i, 1);
    else if (m.kind === 'insert') t.splice(i, 0, m.word);
    else if (m.kind === 'duplicate') t.splice(i, 0, t[i] ?? m.word);
    else if (i + 1 < t.length) [t[i], t[i + 1]] = [t[i + 1], t[i]];
  }
  return t.join(' ');
}

function internalErrors(src: string): string[] {
  const r = compileC(src);
  const bad = r.diags.filter((d) => /internal/.test(d.message)).map((d) => d.message);
  if (r.asm === undefined && !r.diags.some((d) => d.severity === 'error')) bad.push('no assembly and no error');
  return bad;
}

describe('the compiler never crashes', () => {
  it('the unmutated program compiles cleanly', () => {
    expect(compileC(VALID).diags).toEqual([]);
  });

  it('mutated valid programs give diagnostics, not exceptions', () => {
    const toks = tokensOf(VALID);
    const mutation = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'duplicate', 'swap'),
      word: fc.constantFrom(...WORDS),
    });
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      const src = mutate(toks, ms);
      expect(internalErrors(src), src).toEqual([]);
    }), { numRuns: 300 });
  });

  it('random token soup gives diagnostics, not exceptions', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (ws) => {
      const src = ws.join(' ');
      expect(internalErrors(src), src).toEqual([]);
    }), { numRuns: 300 });
  });
});
