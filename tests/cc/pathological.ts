// Programs that grow one construct without bound (25,000 locals, a switch of 10^4
// cases, a 1 MB string literal...), for the compiler's scaling benchmark and its
// regression tests: a compiler running as the student types must stay linear in each.

export interface Construct {
  name: string;
  /** What the construct stresses, for the benchmark's table. */
  what: string;
  /** A complete translation unit with `n` repetitions of the construct. */
  program(n: number): string;
}

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(line(i));
  return out.join('\n');
}

export const CONSTRUCTS: Construct[] = [
  {
    name: 'locals',
    what: 'unused locals in one function (a warning each)',
    program: (n) => `int main(void)\n{\n${lines(n, (i) => `\tint v${i};`)}\n\treturn 0;\n}\n`,
  },
  {
    name: 'used-locals',
    what: 'initialised locals, each read by the next',
    program: (n) => `int main(void)\n{\n\tint v0 = 1;\n${lines(n, (i) => `\tint v${i + 1} = v${i} + ${i};`)}\n\treturn v${n};\n}\n`,
  },
  {
    name: 'switch-dense',
    what: 'switch cases 0..n-1',
    program: (n) => `int f(int x)\n{\n\tswitch (x) {\n${lines(n, (i) => `\tcase ${i}: return ${(i * 7) % 1000};`)}\n\t}\n\treturn -1;\n}\nint main(void) { return f(3); }\n`,
  },
  {
    name: 'switch-sparse',
    what: 'switch cases spread over the int range',
    program: (n) => `int f(int x)\n{\n\tswitch (x) {\n${lines(n, (i) => `\tcase ${i * 104729 - 1000000000}: return ${i % 1000};`)}\n\tdefault: break;\n\t}\n\treturn -1;\n}\nint main(void) { return f(3); }\n`,
  },
  {
    name: 'string-concat',
    what: 'adjacent string literals joined into one',
    program: (n) => `const char *s =\n${lines(n, () => '\t"abcdef"')};\nint main(void) { return s[0]; }\n`,
  },
  {
    name: 'long-string',
    what: 'one string literal on one line',
    program: (n) => `const char *s = "${'abcdefgh'.repeat(n)}";\nint main(void) { return s[0]; }\n`,
  },
  {
    name: 'array-init',
    what: 'array initialiser elements',
    program: (n) => `int t[] = {\n${lines(n, (i) => `\t${i},`)}\n};\nint main(void) { return t[1]; }\n`,
  },
  {
    name: 'designated-init',
    what: 'designated initialisers in reverse order',
    program: (n) => `int t[${n}] = {\n${lines(n, (i) => `\t[${n - 1 - i}] = ${i},`)}\n};\nint main(void) { return t[1]; }\n`,
  },
  {
    name: 'macro-calls',
    what: 'function-like macro expansions',
    program: (n) => `#define TWICE(x) ((x) + (x))\n#define M(x) (TWICE(x) - (x) + 1)\nint main(void)\n{\n\tint a = 0;\n${lines(n, () => '\ta = M(a);')}\n\treturn a;\n}\n`,
  },
  {
    name: 'macro-defs',
    what: 'object-like macro definitions, each used once',
    program: (n) => `${lines(n, (i) => `#define K${i} ${i}`)}\nint t[] = {\n${lines(n, (i) => `\tK${i},`)}\n};\nint main(void) { return t[0]; }\n`,
  },
  {
    name: 'functions',
    what: 'small functions calling the previous one',
    program: (n) => `int f0(int x) { return x; }\n${lines(n, (i) => `int f${i + 1}(int x) { return f${i}(x) + 1; }`)}\nint main(void) { return f${n}(0); }\n`,
  },
  {
    name: 'globals',
    what: 'initialised global variables',
    program: (n) => `${lines(n, (i) => `int g${i} = ${i};`)}\nint main(void) { return g0; }\n`,
  },
  {
    name: 'statements',
    what: 'if statements in one function',
    program: (n) => `int main(void)\n{\n\tint a = 0;\n${lines(n, (i) => `\tif (a < ${i}) a += 3; else a -= 1;`)}\n\treturn a;\n}\n`,
  },
  {
    name: 'long-expression',
    what: 'one expression on one line',
    program: (n) => `int main(void)\n{\n\tint a = 1;\n\treturn a${' + a'.repeat(n)};\n}\n`,
  },
  {
    name: 'enum',
    what: 'enumeration constants',
    program: (n) => `enum big {\n${lines(n, (i) => `\tE${i} = ${i},`)}\n};\nint main(void) { return E1; }\n`,
  },
  {
    name: 'struct-members',
    what: 'members of one struct, each assigned',
    program: (n) => `struct s {\n${lines(n, (i) => `\tint m${i};`)}\n};\nstatic struct s v;\nint main(void)\n{\n${lines(n, (i) => `\tv.m${i} = ${i};`)}\n\treturn v.m0;\n}\n`,
  },
  {
    name: 'comments',
    what: 'comment lines',
    program: (n) => `${lines(n, (i) => `/* comment number ${i} */ // and another`)}\nint main(void) { return 0; }\n`,
  },
];

/** The construct repeated enough times for the program to be about `bytes` long. */
export function programOfSize(c: Construct, bytes: number): { n: number; source: string } {
  const probe = 1000;
  const base = c.program(0).length;
  const per = Math.max(1, (c.program(probe).length - base) / probe);
  const n = Math.max(1, Math.round((bytes - base) / per));
  return { n, source: c.program(n) };
}

/** `n` local variables in one function, all unused: the case that hung for minutes. */
export const manyLocals = (n: number): string => CONSTRUCTS[0].program(n);
/** A switch of `n` dense cases. */
export const bigSwitch = (n: number): string => CONSTRUCTS[2].program(n);
/** `n` adjacent string literals. */
export const manyStrings = (n: number): string => CONSTRUCTS[4].program(n);
