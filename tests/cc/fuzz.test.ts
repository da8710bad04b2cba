// Fuzzing the compiler as the page uses it, compiling on every pause in typing: programs
// built from C's grammar, and byte mutations of the corpus programs. Each input is
// compiled in a worker with a time bound (a compile past it is a failing input, not a
// hung run), and must end in diagnostics or code: never an exception, never an internal
// compiler error, never more than the capped number of messages. Fixed seed
// (tests/fast-check-seed.ts); FC_SEED=... explores others.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BoundedCompiler, type BoundedReply } from './bounded-compile.ts';
import { MAX_SHOWN_WARNINGS } from '../../src/toolchain/compile.ts';

/** Per input: generous (inputs are a few KB and compile in milliseconds) so a loaded
 * machine never trips it; only a hang or a blow-up far from linear does. */
const BOUND_MS = 15_000;
const MAX_ERRORS_SHOWN = 30;

const corpusDir = join(import.meta.dirname, 'corpus');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.c')).sort().map((f) => readFileSync(join(corpusDir, f), 'latin1'));

let cc: BoundedCompiler;
beforeAll(() => { cc = new BoundedCompiler(BOUND_MS); });
afterAll(async () => { await cc.close(); });

/** What is wrong with a compile's answer, or [] when it is a proper answer. */
function problems(r: BoundedReply): string[] {
  if ('timedOut' in r) return [`the compile ran past ${BOUND_MS} ms`];
  const out: string[] = [];
  if (r.thrown !== undefined) out.push(`compile() threw: ${r.thrown}`);
  for (const d of r.diagnostics) {
    if (/internal compiler error/.test(d.message)) out.push(d.message);
    if (d.line < 1 || d.col < 1) out.push(`diagnostic at ${d.line}:${d.col}: ${d.message}`);
    if (d.message.length > 1000) out.push(`a message of ${d.message.length} characters`);
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > MAX_ERRORS_SHOWN || warnings > MAX_SHOWN_WARNINGS) out.push(`${errors} errors and ${warnings} warnings shown`);
  if (!r.ok && errors === 0) out.push('failed without an error');
  return out;
}

// ---- programs shaped by C's grammar ----
const ident = fc.constantFrom('a', 'b', 'n', 'p', 'x', 'main', 's', 'f');
const typeName = fc.constantFrom('int', 'char', 'unsigned', 'long long', 'short', 'void *', 'struct s', 'unsigned char');
const literal = fc.oneof(fc.integer({ min: -5, max: 70000 }).map(String), fc.constantFrom('"str"', "'c'", '0x7fffffffffffffff', '1u', "'\\n'", '""'));

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ident, literal,
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '<<', '>>', '&&', '||', '==', '<', '&', '|', '^', '=', '+=', ','), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', '!', '~', '*', '&', '++', 'sizeof '), tie('expr')).map(([op, a]) => `${op}${a}`),
    tie('expr').map((a) => `(${a})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a}[${b}]`),
    fc.tuple(ident, fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(typeName, tie('expr')).map(([t, a]) => `(${t})${a}`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    tie('expr').map((a) => `${a}.m`),
  ),
}));

const { stmt } = fc.letrec<{ stmt: string }>((tie) => ({
  stmt: fc.oneof(
    { depthSize: 'small' },
    expr.map((e) => `${e};`),
    fc.tuple(typeName, ident, fc.option(expr)).map(([t, n, e]) => `${t} ${n}${e === null ? '' : ` = ${e}`};`),
    expr.map((e) => `return ${e};`),
    fc.tuple(expr, tie('stmt'), fc.option(tie('stmt'))).map(([c, a, b]) => `if (${c}) ${a}${b === null ? '' : ` else ${b}`}`),
    fc.tuple(expr, tie('stmt')).map(([c, s]) => `while (${c}) ${s}`),
    fc.tuple(expr, tie('stmt')).map(([c, s]) => `for (int i = 0; ${c}; i++) ${s}`),
    fc.tuple(expr, fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), tie('stmt')), { maxLength: 4 })).map(([c, cs]) => `switch (${c}) { ${cs.map(([v, s]) => `case ${v}: ${s}`).join(' ')} default: break; }`),
    fc.array(tie('stmt'), { maxLength: 4 }).map((ss) => `{ ${ss.join(' ')} }`),
    fc.constantFrom('break;', 'continue;', 'goto out;', 'out: ;', ';'),
  ),
}));

const topLevel = fc.oneof(
  fc.tuple(typeName, ident, fc.array(fc.tuple(typeName, ident), { maxLength: 3 }), fc.array(stmt, { maxLength: 6 }))
    .map(([t, n, ps, body]) => `${t} ${n}(${ps.map(([pt, pn]) => `${pt} ${pn}`).join(', ') || 'void'})\n{\n\t${body.join('\n\t')}\n}`),
  fc.tuple(typeName, ident, fc.option(expr)).map(([t, n, e]) => `${t} ${n}${e === null ? '' : ` = ${e}`};`),
  fc.array(fc.tuple(typeName, ident), { maxLength: 4 }).map((ms) => `struct s { ${ms.map(([t, n]) => `${t} ${n};`).join(' ')} int m; };`),
  fc.tuple(ident, expr).map(([n, e]) => `#define ${n.toUpperCase()}(v) (${e} + (v))`),
  fc.tuple(ident, expr).map(([n, e]) => `enum { E_${n} = ${e} };`),
);

// ---- byte mutations of the corpus ----
const HOSTILE = ['"', "'", '/*', '#if 1\n', '#include __FILE__\n', '(', '{', '\\\n', '\0', '??/', '#define X X\n', '...', '[[', '0x', '__attribute__((', '\n#'];

type Mutation = { at: number; kind: 'flip' | 'delete' | 'duplicate' | 'insert'; len: number; byte: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(), len: fc.integer({ min: 1, max: 200 }), byte: fc.integer({ min: 0, max: 255 }),
  kind: fc.constantFrom<Mutation['kind']>('flip', 'delete', 'duplicate', 'insert'),
  text: fc.constantFrom(...HOSTILE),
});

function mutate(src: string, ms: Mutation[]): string {
  let s = src;
  for (const m of ms) {
    const i = m.at % Math.max(1, s.length);
    if (m.kind === 'flip') s = s.slice(0, i) + String.fromCharCode(m.byte) + s.slice(i + 1);
    else if (m.kind === 'delete') s = s.slice(0, i) + s.slice(i + m.len);
    else if (m.kind === 'duplicate') s = s.slice(0, i) + s.slice(i, i + m.len).repeat(3) + s.slice(i);
    else s = s.slice(0, i) + m.text + s.slice(i);
  }
  return s;
}

describe('the compiler answers every input within its bound', () => {
  it('programs shaped by C grammar', async () => {
    await fc.assert(fc.asyncProperty(fc.array(topLevel, { minLength: 1, maxLength: 5 }), async (tops) => {
      const source = `${tops.join('\n')}\nint main(void) { return 0; }\n`;
      expect(problems(await cc.compile({ file: 'g.c', source })), source).toEqual([]);
    }), { numRuns: 120 });
  }, 600_000);

  it('byte mutations of the corpus programs', async () => {
    await fc.assert(fc.asyncProperty(fc.nat(corpus.length - 1), fc.array(mutation, { minLength: 1, maxLength: 5 }), async (k, ms) => {
      const source = mutate(corpus[k], ms);
      const r = await cc.compile({ file: 'm.c', source, dir: corpusDir });
      expect(problems(r), `corpus program ${k}, mutations ${JSON.stringify(ms)}`).toEqual([]);
    }), { numRuns: 120 });
  }, 600_000);
});
