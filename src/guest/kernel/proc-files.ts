// The engine's files in /proc, as Linux 6.1 formats them: modules (lsmod's
// source), meminfo (from the guest's heaps), uptime and version. Each is
// computed when read, from the kernel's state at that moment.

import { textProvider } from '../fs/provider.ts';
import type { GuestKernel } from './kernel.ts';

export const KERNEL_VERSION = 'Linux version 6.1.0-paravirt (kernel-C) #1 SMP';

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

function procModules(k: GuestKernel): string {
  return [...k.modules].reverse().map((m) => {
    const state = m.state === 'LIVE' ? 'Live' : m.state === 'COMING' ? 'Loading' : 'Unloading';
    const users = m.usedBy.length ? `${m.usedBy.join(',')},` : '-';
    return `${m.name} ${m.core.size} ${m.refcount} ${users} ${state} 0x${hex8(m.core.addr)}${m.taints.length ? ` (${m.taints.join('')})` : ''}\n`;
  }).join('');
}

function procMeminfo(k: GuestKernel): string {
  const kb = (n: number) => `${String(Math.floor(n / 1024)).padStart(8, ' ')} kB`;
  const total = k.cpu.ramSize;
  const used = k.heap.allocatedBytes + k.moduleHeap.allocatedBytes + (k.heap.start - k.cpu.ramBase >>> 0);
  const rows: Array<[string, number]> = [
    ['MemTotal', total], ['MemFree', total - used], ['MemAvailable', total - used], ['Buffers', 0], ['Cached', 0],
    ['Slab', k.heap.allocatedBytes], ['KernelStack', k.tasks.size * 8192], ['VmallocUsed', k.moduleHeap.allocatedBytes],
  ];
  return rows.map(([n, v]) => `${`${n}:`.padEnd(16)}${kb(v)}\n`).join('');
}

function procUptime(k: GuestKernel): string {
  const s = k.board.clock.nowNs() / 1e9;
  return `${s.toFixed(2)} ${s.toFixed(2)}\n`;
}

/** Adds /proc/modules, /proc/meminfo, /proc/uptime and /proc/version. */
export function addProcFiles(k: GuestKernel): void {
  const vfs = k.vfs;
  const files: Array<[string, () => string]> = [
    ['modules', () => procModules(k)], ['meminfo', () => procMeminfo(k)],
    ['uptime', () => procUptime(k)], ['version', () => `${KERNEL_VERSION}\n`],
  ];
  for (const [name, text] of files) vfs.addProviderFile(`/proc/${name}`, { ...textProvider(text), size: 0 }, 0o444);
}
