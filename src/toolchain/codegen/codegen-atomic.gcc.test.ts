// Word-sized atomics must use the RV32A instructions, ordering bits and fences that
// riscv64-unknown-elf-gcc -O1 emits for the same builtin and memory order.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { compileC, formatAll } from '../cc-test-util.ts';
import { KERNEL_C_TARGET } from '../../../tests/support/oracles.ts';

const GCC = [...KERNEL_C_TARGET, '-ffreestanding', '-O1', '-S', '-x', 'c', '-', '-o', '-'];

/** The fences, AMOs and lr/sc of an assembly listing, in order, with fence sets. */
function atomicInsns(asm: string): string[] {
  return asm.split(/[\n;]/).map((l) => l.trim().replace(/^\d+:\s*/, '').replace(/,\s+/g, ','))
    .filter((l) => /^(fence|amo|lr\.|sc\.)/.test(l))
    .map((l) => (l.startsWith('fence') ? l.replace(/\s+/, ' ') : l.split(/\s+/)[0]));
}

const BODIES: Record<string, string> = {
  'seq_cst load': 'return __atomic_load_n(&w, __ATOMIC_SEQ_CST);',
  'acquire load': 'return __atomic_load_n(&w, __ATOMIC_ACQUIRE);',
  'seq_cst store': '__atomic_store_n(&w, v, __ATOMIC_SEQ_CST); return 0;',
  'release store': '__atomic_store_n(&w, v, __ATOMIC_RELEASE); return 0;',
  'relaxed fetch_add': 'return __atomic_fetch_add(&w, v, __ATOMIC_RELAXED);',
  'sync fetch_and_sub': 'return __sync_fetch_and_sub(&w, v);',
  'acq_rel fetch_or': 'return __atomic_fetch_or(&w, v, __ATOMIC_ACQ_REL);',
  'sync and_and_fetch': 'return __sync_and_and_fetch(&w, v);',
  'release xor_fetch': 'return __atomic_xor_fetch(&w, v, __ATOMIC_RELEASE);',
  'exchange': 'return __atomic_exchange_n(&w, v, __ATOMIC_SEQ_CST);',
  'test_and_set': 'return __sync_lock_test_and_set(&w, v);',
  'lock_release': '__sync_lock_release(&w); return 0;',
  'val_compare_and_swap': 'return __sync_val_compare_and_swap(&w, v, 7);',
  'compare_exchange': 'return __atomic_compare_exchange_n(&w, &v, 7, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);',
  'synchronize': '__sync_synchronize(); return 0;',
  'acquire fence': '__atomic_thread_fence(__ATOMIC_ACQUIRE); return 0;',
};

describe('word atomics match gcc instruction for instruction', () => {
  it.each(Object.entries(BODIES))('%s', (_name, body) => {
    const src = `int w;\nint f(int v) { ${body} }\n`;
    const ours = compileC(src);
    expect(ours.asm, formatAll(ours, src)).toBeDefined();
    const gcc = execFileSync('riscv64-unknown-elf-gcc', GCC, { input: src, encoding: 'utf8' });
    const want = atomicInsns(gcc);
    expect(want.length).toBeGreaterThan(0);
    expect(atomicInsns(ours.asm ?? '')).toEqual(want);
  });
});

describe('compiler-only barriers', () => {
  it('emits no instruction for __atomic_signal_fence or a relaxed thread fence, as gcc', () => {
    const src = 'void f(void) { __atomic_signal_fence(__ATOMIC_SEQ_CST); __atomic_thread_fence(__ATOMIC_RELAXED); }\n';
    const gcc = execFileSync('riscv64-unknown-elf-gcc', GCC, { input: src, encoding: 'utf8' });
    expect(atomicInsns(compileC(src).asm ?? 'missing')).toEqual(atomicInsns(gcc));
    expect(atomicInsns(compileC('void f(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }').asm ?? '')).toEqual(['fence iorw,iorw']);
  });
});
