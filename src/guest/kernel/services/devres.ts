// Managed device resources (Linux's devres): what a driver got with a devm_*
// call is released by the kernel, newest first, when the driver's probe fails
// or the device is unbound, so a driver written the devm way needs no remove
// code for it. The list lives on the kernel's side, keyed by the struct
// device's guest address; each service file that hands out a devm_ resource
// (memory, I/O mappings, IRQs) adds its own release step here.

import type { KernelContext } from '../api.ts';

export interface Devres {
  /** What it is, for messages ("devm_kzalloc", "devm_request_irq 10"). */
  name: string;
  /** Identifies the resource for devm_kfree / devm_free_irq / devm_remove_action. */
  key: number;
  release(): void | Promise<void>;
}

type DevresLists = Map<number, Devres[]>;

function lists(k: KernelContext): DevresLists {
  return k.state<DevresLists>('devres', () => new Map());
}

export function devresAdd(k: KernelContext, dev: number, res: Devres): void {
  const l = lists(k);
  const list = l.get(dev) ?? [];
  list.push(res);
  l.set(dev, list);
}

/** Takes one resource off the device's list without releasing it; undefined if absent. */
export function devresRemove(k: KernelContext, dev: number, name: string, key: number): Devres | undefined {
  const list = lists(k).get(dev);
  const i = list ? list.findIndex((r) => r.name === name && r.key === key) : -1;
  return i < 0 ? undefined : list!.splice(i, 1)[0];
}

/** Releases everything the device holds, newest first (a failed probe, an unbind). */
export async function devresReleaseAll(k: KernelContext, dev: number): Promise<void> {
  const list = lists(k).get(dev) ?? [];
  lists(k).delete(dev);
  for (const res of list.reverse()) await res.release();
}

export function devresCount(k: KernelContext, dev: number): number {
  return lists(k).get(dev)?.length ?? 0;
}
