// The kernel's symbol table: one window slot per service, variables in the
// data area, the first file to define a symbol owning it.
import { describe, expect, it } from 'vitest';
import { ServiceWindow } from './service-table.ts';
import { FIRST_SERVICE_SLOT, KERNEL_DATA, WINDOW_SLOT } from './layout.ts';

describe('the service window', () => {
  const w = new ServiceWindow([
    { services: { printk: () => 0, kmalloc: () => 0 }, gplOnly: ['kmalloc'], variables: { jiffies: { size: 4 } } },
    { services: { printk: () => 1, kfree: () => undefined }, variables: { jiffies_64: { size: 8 } } },
  ]);

  it('gives each service a slot, in order, and the first definition wins', () => {
    expect(w.lookup('printk')).toEqual({ address: FIRST_SERVICE_SLOT, gplOnly: false });
    expect(w.lookup('kmalloc')).toEqual({ address: FIRST_SERVICE_SLOT + WINDOW_SLOT, gplOnly: true });
    expect(w.lookup('kfree')?.address).toBe(FIRST_SERVICE_SLOT + 2 * WINDOW_SLOT);
    expect(w.serviceAt(FIRST_SERVICE_SLOT)?.service).toBe(w.slots[0].service);
    expect(w.slots).toHaveLength(3);
    expect(w.lookup('nothing')).toBeUndefined();
  });

  it('places variables in the data area, aligned, and names addresses for call traces', () => {
    expect(w.lookup('jiffies')?.address).toBe(KERNEL_DATA);
    expect(w.lookup('jiffies_64')?.address).toBe(KERNEL_DATA + 8);
    expect(w.describe(FIRST_SERVICE_SLOT + WINDOW_SLOT)).toBe('kmalloc+0x0/0x4');
    expect(w.describe(KERNEL_DATA + 12)).toBe('jiffies_64+0x4/0x8');
    expect(w.describe(0x1234)).toBeUndefined();
  });
});
