// Character device numbers (fs/char_dev.c, Linux 6.1): register_chrdev
// and alloc_chrdev_region reserve a major's minors, dynamic majors are
// handed out from 254 down, /proc/devices lists them; a region registered
// with file_operations serves its nodes (made with mknod) through them.

import type { KernelContext, ServiceModule } from '../api.ts';
import { textProvider } from '../../fs/provider.ts';
import { driverFileProvider, S_IFCHR } from './file-ops.ts';

const EBUSY = 16;
const MINORBITS = 20;

interface ChrdevRegion { major: number; baseminor: number; count: number; name: string }
const chrdevs = (k: KernelContext) => k.state<ChrdevRegion[]>('chrdevs', () => [
  { major: 1, baseminor: 0, count: 256, name: 'mem' }, { major: 10, baseminor: 0, count: 256, name: 'misc' },
]);

/** Linux hands out dynamic majors from 254 down to 234 (fs/char_dev.c). */
function dynamicMajor(k: KernelContext): number {
  for (let m = 254; m >= 234; m--) if (!chrdevs(k).some((r) => r.major === m)) return m;
  return -EBUSY;
}

function overlaps(k: KernelContext, major: number, baseminor: number, count: number): boolean {
  return chrdevs(k).some((r) => r.major === major && r.baseminor < baseminor + count && baseminor < r.baseminor + r.count);
}

/** Reserves minors [baseminor, baseminor+count) of a major (0: a dynamic one); returns the major or -errno. */
export function registerChrdevRegion(k: KernelContext, major: number, baseminor: number, count: number, name: string): number {
  if (major === 0) major = dynamicMajor(k);
  if (major < 0) return major;
  if (major > 511 || overlaps(k, major, baseminor, count)) return -EBUSY;
  chrdevs(k).push({ major, baseminor, count, name });
  return major;
}

export function unregisterChrdevRegion(k: KernelContext, major: number, baseminor: number, count: number): void {
  const list = chrdevs(k);
  const i = list.findIndex((r) => r.major === major && r.baseminor === baseminor && r.count === count);
  if (i >= 0) list.splice(i, 1);
}

/** The "Character devices:" part of /proc/devices, as Linux prints it. */
export function procDevicesText(k: KernelContext): string {
  const seen = new Map<number, string>();
  for (const r of [...chrdevs(k)].sort((a, b) => a.major - b.major)) if (!seen.has(r.major)) seen.set(r.major, r.name);
  return `Character devices:\n${[...seen].map(([m, n]) => `${String(m).padStart(3)} ${n}\n`).join('')}\nBlock devices:\n`;
}

export const chrdevServices: ServiceModule = {
  services: {
    __register_chrdev: (k, a) => {
      const [major0, baseminor, count, fops] = [a.u32(0), a.u32(1), a.u32(2), a.u32(4)];
      const major = registerChrdevRegion(k, major0, baseminor, count, k.ram.cString(a.u32(3), 64));
      if (major < 0) return major;
      for (let m = baseminor; m < baseminor + count; m++) {
        k.vfs.registerCharDevice(major, m, driverFileProvider(k, { fops, mode: S_IFCHR | 0o600, rdev: (major << MINORBITS) | m }));
      }
      return major0 === 0 ? major : 0;
    },
    __unregister_chrdev: (k, a) => {
      const [major, baseminor, count] = [a.u32(0), a.u32(1), a.u32(2)];
      for (let m = baseminor; m < baseminor + count; m++) k.vfs.unregisterCharDevice(major, m);
      unregisterChrdevRegion(k, major, baseminor, count);
    },
    alloc_chrdev_region: (k, a) => {
      const major = registerChrdevRegion(k, 0, a.u32(1), a.u32(2), k.ram.cString(a.u32(3), 64));
      if (major < 0) return major;
      k.ram.setU32(a.u32(0), (major << MINORBITS) | a.u32(1));
      return 0;
    },
    unregister_chrdev_region: (k, a) => {
      const dev = a.u32(0);
      unregisterChrdevRegion(k, dev >>> MINORBITS, dev & ((1 << MINORBITS) - 1), a.u32(1));
    },
  },
  boot(k) {
    k.vfs.addProviderFile('/proc/devices', textProvider(() => procDevicesText(k)), 0o444);
  },
};
