// The __sync_/__atomic_ builtins' argument checks: a student's mistake is reported at the
// builtin or at the offending argument, in words that say what to do.
import { describe, it, expect } from 'vitest';
import { compileC, errorsOf, formatAll } from '../cc-test-util.ts';

function firstError(src: string): { message: string; text: string } {
  const r = compileC(src);
  const d = errorsOf(r)[0];
  if (!d) throw new Error(`no error; got:\n${formatAll(r, src)}`);
  const line = src.split('\n')[d.loc.line - 1];
  return { message: d.message, text: line.slice(d.loc.col - 1, d.loc.col - 1 + d.length) };
}

describe('atomic builtin diagnostics', () => {
  it('reports a wrong argument count at the builtin name', () => {
    const d = firstError('int v;\nint f(void) { return __atomic_fetch_add(&v, 1); }');
    expect(d.message).toBe("'__atomic_fetch_add' takes 3 arguments, but 2 were given");
    expect(d.text).toBe('__atomic_fetch_add');
    expect(firstError('int v;\nvoid f(void) { __sync_synchronize(v); }').message).toMatch(/takes 0 arguments, but 1 was given/);
  });

  it('asks for a pointer when the first argument is the variable itself', () => {
    const d = firstError('int v;\nint f(void) { return __sync_fetch_and_add(v, 1); }');
    expect(d.message).toMatch(/first argument of '__sync_fetch_and_add' must be a pointer .* not 'int'; did you forget '&'\?/);
    expect(d.text).toBe('v');
  });

  it('refuses 64-bit operands, which RV32A cannot update atomically', () => {
    const d = firstError('long long v;\nlong long f(void) { return __atomic_load_n(&v, __ATOMIC_SEQ_CST); }');
    expect(d.message).toMatch(/^64-bit atomics are not available on RV32/);
    expect(d.text).toBe('&v');
  });

  it('refuses structs and wants a pointer for the expected value of compare-exchange', () => {
    expect(firstError('struct s { int a; } x;\nvoid f(void) { __atomic_store_n(&x, x, 5); }').message)
      .toMatch(/works on integers and pointers, not on 'struct s'/);
    const d = firstError('int v, e;\nint f(void) { return __atomic_compare_exchange_n(&v, e, 1, 0, 5, 5); }');
    expect(d.message).toMatch(/second argument of '__atomic_compare_exchange_n' must be a pointer to the expected value/);
    expect(d.text).toBe('e');
  });

  it('accepts every form the kernel headers use without diagnostics', () => {
    const src = `int v; unsigned short h; int *p;
int f(int x) {
  int e = 0;
  __sync_synchronize(); __atomic_thread_fence(__ATOMIC_ACQUIRE);
  __sync_lock_release(&v);
  __atomic_store_n(&p, &v, __ATOMIC_RELEASE);
  return __sync_fetch_and_add(&v, x) + __sync_or_and_fetch(&h, 1) + __sync_bool_compare_and_swap(&v, 1, 2)
    + __atomic_compare_exchange_n(&v, &e, x, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED) + *__atomic_exchange_n(&p, &v, 5);
}`;
    const r = compileC(src);
    expect(r.diags, formatAll(r, src)).toEqual([]);
    expect(r.asm).toMatch(/amoadd\.w\.aq/);
  });
});
