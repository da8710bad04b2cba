import { describe, expect, it } from 'vitest';
import { identifierAt, indexSymbols, lookupSymbol } from './symbols.ts';

const HEADER = `#define SCALE(x) ((x) * 4)
typedef unsigned int u32;
int request_irq(unsigned int irq, void *dev, unsigned long flags);
`;

const MAIN = `#include "dev.h"
static int count;
static u32 scaled(u32 value)
{
\tint doubled = value * 2;
\treturn SCALE(doubled) + count;
}
int probe(void)
{
\treturn request_irq(3, 0, 0) + scaled(1);
}
`;

const index = indexSymbols({ file: 'main.c', source: MAIN, readFile: (p) => (p === 'dev.h' ? HEADER : undefined) });
const at = (line: number, col: number) => ({ file: 'main.c', line, col });

describe('the symbol index', () => {
  it("gives a header function's prototype, with parameter names, and where it is declared", () => {
    expect(lookupSymbol(index, 'request_irq', at(10, 9))).toEqual({
      name: 'request_irq', kind: 'function',
      detail: 'int request_irq(unsigned int irq, void *dev, unsigned long flags)',
      loc: expect.objectContaining({ file: 'dev.h', line: 3, col: 5 }),
    });
  });

  it("gives a macro's definition where it was #defined", () => {
    const s = lookupSymbol(index, 'SCALE', at(6, 9));
    expect(s?.detail).toBe('#define SCALE(x) ((x) * 4)');
    expect(s?.loc).toMatchObject({ file: 'dev.h', line: 1, col: 9 });
  });

  it('gives a typedef, a static variable and a function defined in the file', () => {
    expect(lookupSymbol(index, 'u32', at(3, 8))).toMatchObject({ kind: 'typedef', detail: 'typedef unsigned int u32', loc: { line: 2 } });
    expect(lookupSymbol(index, 'count', at(6, 26))).toMatchObject({ kind: 'variable', detail: 'static int count', loc: { file: 'main.c', line: 2 } });
    expect(lookupSymbol(index, 'scaled', at(10, 33))).toMatchObject({ kind: 'function', detail: 'static u32 scaled(u32 value)', loc: { line: 3, col: 12 } });
  });

  it("finds a function's parameters and locals only inside that function", () => {
    expect(lookupSymbol(index, 'doubled', at(6, 15))).toMatchObject({ kind: 'local', detail: 'int doubled', loc: { line: 5, col: 6 } });
    expect(lookupSymbol(index, 'value', at(5, 16))).toMatchObject({ kind: 'parameter', detail: 'u32 value', loc: { line: 3, col: 23 } });
    expect(lookupSymbol(index, 'doubled', at(10, 2))).toBeUndefined();
  });

  it('picks the identifier under a column, and none on a number or a blank', () => {
    expect(identifierAt(MAIN, 10, 12)).toEqual({ name: 'request_irq', col: 9 });
    expect(identifierAt(MAIN, 10, 19)).toEqual({ name: 'request_irq', col: 9 });
    expect(identifierAt(MAIN, 4, 1)).toBeUndefined();
  });

  it('still indexes what came before a syntax error', () => {
    const broken = indexSymbols({ file: 'b.c', source: 'int ok(int a) { return a; }\nint bad( { \n' });
    expect(lookupSymbol(broken, 'ok', { file: 'b.c', line: 3, col: 1 })?.detail).toBe('int ok(int a)');
  });
});
