// Helpers for the services' unit tests: call a service by its Linux name with
// word arguments on a FakeKernelContext, put strings in guest RAM, and make a
// service callable as a "guest function" (what a driver's fops table points
// at when it names simple_open or seq_read).

import type { ServiceValue } from '../api.ts';
import { fakeArgs, type FakeKernelContext } from '../fake-context.ts';
import { SERVICE_MODULES } from './index.ts';

export function serviceNamed(name: string) {
  for (const m of SERVICE_MODULES) if (name in m.services) return m.services[name];
  throw new Error(`no kernel service named ${name}`);
}

/** Calls service `name` with these argument slots (64-bit values as two slots, low word first). */
export async function callService(k: FakeKernelContext, name: string, ...slots: number[]): Promise<ServiceValue> {
  return serviceNamed(name)(k, fakeArgs(k.ram, slots));
}

/** As callService, for a service that returns a 32-bit value: that value as a signed int. */
export async function callInt(k: FakeKernelContext, name: string, ...slots: number[]): Promise<number> {
  const r = await callService(k, name, ...slots);
  return typeof r === 'bigint' ? Number(BigInt.asIntN(32, r)) : (r ?? 0) | 0;
}

/** A NUL-terminated copy of `text` in guest RAM. */
export function cstr(k: FakeKernelContext, text: string): number {
  const p = k.kmalloc(text.length + 1);
  k.ram.setCString(p, text);
  return p;
}

/** Makes service `name` callable at a guest address, as the kernel's symbol for it would be. */
export function serviceAddress(k: FakeKernelContext, name: string): number {
  const s = serviceNamed(name);
  return k.defineGuestFunction(name, async (kk, ...args) => {
    const r = await s(kk, fakeArgs(kk.ram, args));
    return typeof r === 'bigint' ? Number(BigInt.asIntN(32, r)) : (r ?? 0) | 0;
  });
}

/** Builds a word table (an ops struct) in guest RAM: words at byte offsets. */
export function wordTable(k: FakeKernelContext, size: number, words: Record<number, number>): number {
  const p = k.kmalloc(size);
  k.ram.fill(p, 0, size);
  for (const [off, v] of Object.entries(words)) k.ram.setU32(p + Number(off), v);
  return p;
}

/** As callService, for a service that returns a pointer or an unsigned word. */
export async function callU32(k: FakeKernelContext, name: string, ...slots: number[]): Promise<number> {
  return (await callInt(k, name, ...slots)) >>> 0;
}
