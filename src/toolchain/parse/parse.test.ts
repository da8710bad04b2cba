// What a student sees when the driver is wrong: each diagnostic at the offending
// token, in words that say what to do; and parsing that goes on after an error.
import { describe, it, expect } from 'vitest';
import { compileC, errorsOf, warningsOf, formatAll } from '../cc-test-util.ts';
import { compile } from '../compile.ts';

const PRELUDE = `
typedef unsigned int u32;
typedef unsigned long long u64;
struct StopWatch_regs { u64 command; u64 status; };
struct stopwatch { struct StopWatch_regs __iomem *regs; int count; };
int helper(int a, int b);
`;

function diagAt(src: string, severity: 'error' | 'warning', pattern: RegExp): { line: number; col: number; text: string } {
  const r = compileC(PRELUDE + src);
  const list = severity === 'error' ? errorsOf(r) : warningsOf(r);
  const d = list.find((x) => pattern.test(x.message));
  if (!d) throw new Error(`no ${severity} matching ${pattern}; got:\n${formatAll(r, PRELUDE + src)}`);
  const lines = (PRELUDE + src).split('\n');
  const text = lines[d.loc.line - 1].slice(d.loc.col - 1, d.loc.col - 1 + d.length);
  return { line: d.loc.line - PRELUDE.split('\n').length + 1, col: d.loc.col, text };
}

describe('errors point at the offending token', () => {
  it("suggests '->' when '.' is used on a pointer to a struct", () => {
    const d = diagAt('void f(struct StopWatch_regs *regs) { regs.command = 1; }', 'error',
      /'regs' is a pointer to struct StopWatch_regs; use '->' instead of '.'/);
    expect(d.text).toBe('.');
  });

  it("suggests '.' when '->' is used on a struct", () => {
    const d = diagAt('void f(void) { struct stopwatch s; s->count = 1; }', 'error', /'s' is a 'struct stopwatch', not a pointer; use '\.' instead of '->'/);
    expect(d.text).toBe('->');
  });

  it('names a close identifier for an undeclared one', () => {
    const d = diagAt('int f(int count) { return coutn + 1; }', 'error', /'coutn' is undeclared.*did you mean 'count'/);
    expect(d.text).toBe('coutn');
  });

  it('suggests a close member name', () => {
    const d = diagAt('int f(struct stopwatch *s) { return s->cuont; }', 'error', /struct stopwatch has no member named 'cuont'; did you mean 'count'\?/);
    expect(d.text).toBe('cuont');
  });

  it('counts arguments against the prototype', () => {
    expect(diagAt('int f(void) { return helper(1); }', 'error', /too few arguments to function 'helper' \(expected 2, got 1\)/).text).toBe(')');
    expect(diagAt('int f(void) { return helper(1, 2, 3); }', 'error', /too many arguments/).text).toBe('3');
  });

  it('refuses assignment to const', () => {
    const d = diagAt('void f(void) { const int k = 1; k = 2; }', 'error', /read-only location: 'k' is declared const/);
    expect(d.text).toBe('k');
  });

  it('refuses floating point with the kernel rule', () => {
    const d = diagAt('double half(int x) { return x / 2; }', 'error', /floating point is not available in kernel code/);
    expect(d.text).toBe('double');
  });

  it("reports a missing ';' right after the previous token", () => {
    const r = compileC('int f(int a)\n{\n\tint b = a\n\treturn b;\n}\n');
    const e = errorsOf(r)[0];
    expect(e.message).toMatch(/expected ';'|expected ','/);
    expect(e.loc.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects incompatible struct assignment', () => {
    diagAt('struct o { int x; }; void f(struct stopwatch *s) { struct o v; *s = v; }', 'error', /incompatible types in assignment/);
  });

  it('reports a bad inline asm instruction at the C line, never at the generated .s file', () => {
    const r = compile({ file: 'drv.c', source: 'int x;\nvoid f(void) {\n  asm volatile("nop\\n frobnicate a0");\n}\n' }, { output: 'object' });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) expect([d.loc.file, d.loc.line, d.message.startsWith('in inline assembly')]).toEqual(['drv.c', 3, true]);
  });

  it('reports an asm operand that does not fit its constraint', () => {
    const r = compileC('void f(int n) { asm volatile("addi a0, a0, %0" : : "I"(n)); }');
    expect(errorsOf(r).map((d) => d.message).join()).toMatch(/constraint "I" must be a constant/);
  });
});

describe('format checks follow format(printf, fmt, first)', () => {
  it('checks the arguments from `first` on, so __printf(1, 4) gives no false warning', () => {
    const decl = 'extern void dev_log(const char *fmt, int a, int b, ...) __attribute__((format(printf, 1, 4)));';
    expect(warningsOf(compileC(`${decl} void f(int x) { dev_log("%d %s", 1, 2, x, "s"); }`))).toEqual([]);
    const bad = warningsOf(compileC(`${decl} void f(int x) { dev_log("%s", 1, 2, x); }`));
    expect(bad.map((d) => d.message).join()).toMatch(/format '%s' expects .* argument 4 has type 'int'/);
  });
});

describe('warnings for common driver mistakes', () => {
  it('implicit function declaration', () => {
    expect(diagAt('int f(void) { return stopwatch_start(1); }', 'warning', /implicit declaration of function 'stopwatch_start'/).text).toBe('stopwatch_start');
  });

  it('direct dereference of an __iomem pointer', () => {
    const d = diagAt('void f(struct stopwatch *s) { s->regs->command = 1; }', 'warning', /__iomem pointer directly.*readl\(\)\/writel\(\)/);
    expect(d.text).toContain('regs');
  });

  it('no __iomem warning through a __force cast, as readl() does', () => {
    const r = compileC(`${PRELUDE} static inline u32 rd(const volatile void __iomem *a) { return *(const volatile u32 __force *)a; }`);
    expect(r.diags).toEqual([]);
  });

  it('non-void function without return at the end', () => {
    const d = diagAt('int f(int v) { if (v) return 1; }', 'warning', /control reaches the end of non-void function 'f'/);
    expect(d.text).toBe('}');
    const r = compileC('int g(int v) { if (v) return 1; else return 2; } int h(void) { for (;;) {} }');
    expect(warningsOf(r)).toEqual([]);
  });

  it('unused variable', () => {
    expect(diagAt('int f(void) { int spare; return 0; }', 'warning', /unused variable 'spare'/).text).toBe('spare');
    expect(warningsOf(compileC('int f(void) { int __attribute__((unused)) spare; return 0; }'))).toEqual([]);
  });
});

describe('error recovery', () => {
  it('reports errors in several functions, not just the first', () => {
    const r = compileC('int a(void) { return x1; }\nint b(void) { return y2 }\nint c(void) { return z3; }\n');
    const msgs = errorsOf(r).map((d) => `${d.loc.line}: ${d.message}`);
    expect(msgs.some((m) => m.startsWith('1:'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('2:'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('3:'))).toBe(true);
  });

  it('keeps going inside a function after a bad statement', () => {
    const r = compileC('void f(int *p) { p.x = 1; undeclared_thing = 2; }');
    expect(errorsOf(r).length).toBe(2);
  });

  it("an error inside braces the statement opened does not end the block at the wrong '}'", () => {
    const inLiteral = compileC('struct s { int a; };\nint f(void) { struct s v = (struct s){ .b = 1 }; return v.a; }\nint g(void) { return oops; }');
    expect(errorsOf(inLiteral).map((d) => `${d.loc.line}: ${d.message}`)).toEqual([
      "2: struct s has no member named 'b'", "3: 'oops' is undeclared (first use in this function)"]);
    const inStruct = compileC('struct a { struct a self; int x; };\nint y = 1;');
    expect(errorsOf(inStruct).map((d) => d.message)).toEqual(["member 'self' has incomplete type 'struct a'"]);
  });
});

describe('objects that cannot fit the board', () => {
  it('an array over 64 MiB is an error at its declarator, not an assembler message', () => {
    const d = diagAt('static char buf[1 << 30];\nint use(void) { return buf[0]; }', 'error', /this array takes 1073741824 bytes; the largest object is 67108864 bytes/);
    expect(d).toMatchObject({ line: 1, text: '[' });
    expect(errorsOf(compileC('static char ok[1 << 26];')).length).toBe(0);
  });
});

describe('accepts the GNU C that kernel headers use', () => {
  it('parses a driver-shaped file without diagnostics', () => {
    const src = `${PRELUDE}
#define container_of(ptr, type, member) ({ const typeof(((type *)0)->member) *__mptr = (ptr); (type *)((char *)__mptr - __builtin_offsetof(type, member)); })
#define likely(x) __builtin_expect(!!(x), 1)
struct file_operations { int (*open)(void *, void *); long (*read)(void *, char *, unsigned, long long *); };
struct misc { struct stopwatch sw; int minor; };
static int __init sw_init(void) __attribute__((cold));
static long sw_read(void *f, char *buf, unsigned n, long long *pos) { return n + (pos ? *pos : 0); }
static const struct file_operations fops = { .read = sw_read, };
static int sw_init(void) {
  struct misc m = { .minor = 3 };
  struct stopwatch *s = &m.sw;
  struct misc *back = container_of(s, struct misc, sw);
  if (likely(back == &m)) return fops.read(0, 0, 4, 0) + back->minor;
  return -22;
}
int init_module(void) { return sw_init(); }
`;
    const r = compileC(src);
    expect(r.diags, formatAll(r, src)).toEqual([]);
    expect(r.asm).toMatch(/\.globl init_module/);
    expect(r.asm).toMatch(/\.loc 1 \d+ \d+/);
  });
});

describe('__iomem warnings only for real loads and stores', () => {
  const regs = `${PRELUDE} struct blk { u32 ctrl; struct { u32 a, b; } sub; unsigned char data[8]; };
    u32 readl(const volatile void __iomem *addr);`;
  const iomemWarnings = (body: string): number => warningsOf(compileC(`${regs} u32 f(struct blk __iomem *r) { ${body} }`))
    .filter((d) => /__iomem/.test(d.message)).length;

  it('taking an address, sizeof and typeof do not warn', () => {
    expect(iomemWarnings('return readl(&r->ctrl) + readl(&r->sub.b) + sizeof(r->ctrl);')).toBe(0);
    expect(iomemWarnings('typeof(r->ctrl) v = 1; return readl(r->data + 2) + v;')).toBe(0);
  });

  it('reads and writes through the pointer warn', () => {
    expect(iomemWarnings('return r->ctrl;')).toBe(1);
    expect(iomemWarnings('r->sub.a = 1; return 0;')).toBe(1);
    expect(iomemWarnings('return r->data[3];')).toBe(1);
  });
});

describe('warnings for classic C slips', () => {
  it("'=' in a condition", () => {
    expect(diagAt('int f(int a) { if (a = 3) return 1; return 0; }', 'warning', /assignment used as a truth value; did you mean '=='/).text).toBe('a = 3');
    expect(warningsOf(compileC('int f(int a) { if ((a = 3)) return 1; while ((a = a - 1)) ; return 0; }'))).toEqual([]);
  });

  it('returning the address of a local', () => {
    diagAt('int *f(void) { int v = 1; return &v; }', 'warning', /returns the address of local variable 'v'/);
    diagAt('char *f(void) { char buf[8] = "x"; return buf; }', 'warning', /returns the address of local variable 'buf'/);
    expect(warningsOf(compileC('int *f(void) { static int v; return &v; }'))).toEqual([]);
  });
});

describe('diagnostics and headers', () => {
  const hdr = { 'kern.h': '#define GET_X(p) ((p).x)\nstatic inline int quiet(void) { int spare; return 0; }\n' };

  it('an error inside a header macro carries a note at the use in the student file', () => {
    const r = compileC('#include "kern.h"\nstruct s { int x; };\nint f(struct s *p)\n{\n\treturn GET_X(p);\n}\n', 'drv.c', hdr);
    const e = errorsOf(r)[0];
    expect(e.message).toMatch(/use '->' instead of '\.'/);
    const note = e.notes?.find((n) => /expansion of the macro/.test(n.message));
    expect(note?.loc.file).toBe('drv.c');
    expect(note?.loc.line).toBe(5);
  });

  it('warnings about header code are not shown, as gcc does for system headers', () => {
    const r = compileC('#include "kern.h"\nint f(void) { return quiet(); }\n', 'drv.c', hdr);
    expect(r.diags).toEqual([]);
  });
});

describe('defined but not used', () => {
  it('warns about static functions and variables nobody uses, as gcc -Wall does', () => {
    expect(diagAt('static int lonely(void) { return 1; } int f(void) { return 0; }', 'warning', /function 'lonely' defined but not used/).text).toBe('lonely');
    expect(diagAt('static int spare_count; int f(void) { return 0; }', 'warning', /variable 'spare_count' defined but not used/).text).toBe('spare_count');
  });

  it('stays quiet for used, inline and __attribute__((used)) definitions', () => {
    const r = compileC(`static int used_fn(void) { return 1; } static inline int idle(void) { return 0; }
      static const char lic[] __attribute__((used, section(".modinfo"))) = "license=GPL";
      static int counter; int f(void) { counter++; return used_fn(); }`);
    expect(warningsOf(r)).toEqual([]);
  });
});

describe('printf/printk format checks (gcc -Wformat)', () => {
  const pre = 'int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));\n';
  it('a 64-bit value printed with %d, and an int printed with %s', () => {
    expect(diagAt(`${pre} void f(u64 t) { printk("t=%d\\n", t); }`, 'warning', /format '%d' expects a 32-bit integer, but argument 2 has type 'u64' \(use %lld/).text).toBe('t');
    diagAt(`${pre} void f(int n) { printk("%s\\n", n); }`, 'warning', /format '%s' expects a string/);
  });

  it('argument count against the conversions', () => {
    diagAt(`${pre} void f(int a) { printk("%d %d\\n", a); }`, 'warning', /too few arguments for format/);
    diagAt(`${pre} void f(int a) { printk("%d\\n", a, a); }`, 'warning', /too many arguments for format/);
  });

  it('accepts correct kernel-style formats', () => {
    const r = compileC(`${PRELUDE}${pre} void f(u64 t, unsigned long l, char *s, void *p, unsigned n) {
      printk("\\0016" "%llu %lu %s %p %pOF %5d%% %*d %zu %c\\n", t, l, s, p, p, 3, 4, 5, n, 'x'); }`);
    expect(warningsOf(r)).toEqual([]);
  });
});

describe('precedence and no-effect slips', () => {
  it("'&' applied to an unparenthesized comparison", () => {
    const d = diagAt('int f(u32 status) { if (status & 0x4 == 0x4) return 1; return 0; }', 'warning', /'==' binds tighter than '&'/);
    expect(d.text).toBe('0x4 == 0x4');
    expect(warningsOf(compileC(`${PRELUDE} int f(u32 s) { return (s & 0x4) == 0x4 && (s | 1); }`))).toEqual([]);
  });

  it("'==' used as a statement", () => {
    expect(diagAt('void f(int x) { x == 5; }', 'warning', /statement with no effect; did you mean '=' \?/).text).toBe('x == 5');
    expect(warningsOf(compileC('void f(volatile int *r, int x) { *r; (void)x; x = 5; }'))).toEqual([]);
  });
});

describe('struct versus pointer confusions', () => {
  it("suggests '&x' when a struct is passed for a pointer, '*p' for the reverse", () => {
    diagAt('void use(struct stopwatch *s); void f(void) { struct stopwatch sw; use(sw); }', 'error', /expected 'struct stopwatch \*' but got 'struct stopwatch'; did you mean '&sw'\?/);
    diagAt('void take(struct stopwatch s); void f(struct stopwatch *p) { take(p); }', 'error', /did you mean '\*p'\?/);
  });
});

describe('type names', () => {
  it("unknown type names suggest the close typedef, as gcc does", () => {
    expect(diagAt('void f(void) { u3 x = 0; (void)x; }', 'error', /unknown type name 'u3'; did you mean 'u32'\?/).text).toBe('u3');
    expect(errorsOf(compileC(`${PRELUDE} void f(void) { uint32 x = 0; x++; }`)).length).toBe(1);
    diagAt('int f(u33 *p);', 'error', /unknown type name 'u33'; did you mean 'u32'\?/);
    diagAt('struct k { u46 v; };', 'error', /unknown type name 'u46'; did you mean 'u64'\?/);
  });

  it('a function without a return type', () => {
    diagAt('probe(void) { return 0; }', 'error', /'probe' has no return type; write 'int probe\(\.\.\.\)'/);
  });
});

describe('empty if body', () => {
  it("warns about 'if (x);' followed by code on the same line, not about an intentional empty branch", () => {
    diagAt('int f(int x) { if (x); return 1; }', 'warning', /empty body in an 'if' statement/);
    diagAt('int f(int x) {\n\tif (x);\n\t\treturn 1;\n\treturn 0;\n}', 'warning', /empty body in an 'if' statement/);
    expect(warningsOf(compileC('int f(int x) { if (x)\n\t;\n else return 2; return 1; }'))).toEqual([]);
  });
});
