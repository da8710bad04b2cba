// Module references taken by open files: the default table, and the module
// loader's own counter installed in its place.
import { describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { moduleGet, modulePut, moduleRefCount, useModuleRefs } from './module-refs.ts';

describe('module references', () => {
  it('count gets and puts per struct module; built-in code (0) is always available', () => {
    const k = new FakeKernelContext();
    expect(moduleGet(k, 0x8000_1000)).toBe(true);
    expect(moduleGet(k, 0x8000_1000)).toBe(true);
    modulePut(k, 0x8000_1000);
    expect(moduleRefCount(k, 0x8000_1000)).toBe(1);
    expect(moduleGet(k, 0)).toBe(true);
  });

  it('use the loader\'s counter once installed, which may refuse a module going away', () => {
    const k = new FakeKernelContext();
    const counts = new Map<number, number>();
    useModuleRefs(k, {
      get: (m) => { if (m === 0x666) return false; counts.set(m, (counts.get(m) ?? 0) + 1); return true; },
      put: (m) => { counts.set(m, (counts.get(m) ?? 0) - 1); },
      count: (m) => counts.get(m) ?? 0,
    });
    expect(moduleGet(k, 0x100)).toBe(true);
    expect(moduleGet(k, 0x666)).toBe(false);
    expect(counts.get(0x100)).toBe(1);
    expect(() => useModuleRefs(k, { get: () => true, put: () => {}, count: () => 0 })).toThrow();
  });
});
