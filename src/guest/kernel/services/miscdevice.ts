// Misc character devices (drivers/char/misc.c): major 10, a minor of the
// driver's choice or, for MISC_DYNAMIC_MINOR, one handed out from 127
// downwards (Linux 6.1 keeps 128 dynamic minors and gives the highest free
// one), a /dev/NAME node as devtmpfs makes it, and /proc/misc. Opening the
// node sets file->private_data to the struct miscdevice before the driver's
// open runs, as misc_open does.

import type { KernelContext, ServiceModule } from '../api.ts';
import { textProvider } from '../../fs/provider.ts';
import { FsError } from '../../fs/errno.ts';
import { DEVICE, FILE, KOBJECT, MISCDEVICE } from './layouts.ts';
import { driverFileProvider, S_IFCHR } from './file-ops.ts';

export const MISC_MAJOR = 10;
export const MISC_DYNAMIC_MINOR = 255;
const DYNAMIC_MINORS = 128;
const EBUSY = 16, EEXIST = 17, ENOMEM = 12;

interface MiscEntry { minor: number; name: string; node: string; thisDevice: number }
interface MiscState { byAddr: Map<number, MiscEntry>; classBlock: number }

const miscState = (k: KernelContext) => k.state<MiscState>('misc', () => ({ byAddr: new Map(), classBlock: 0 }));

function minorInUse(k: KernelContext, minor: number): boolean {
  return [...miscState(k).byAddr.values()].some((e) => e.minor === minor);
}

function pickMinor(k: KernelContext, wanted: number): number {
  if (wanted !== MISC_DYNAMIC_MINOR) return minorInUse(k, wanted) ? -EBUSY : wanted;
  for (let m = DYNAMIC_MINORS - 1; m >= 0; m--) if (!minorInUse(k, m)) return m;
  return -EBUSY;
}

/** A struct class named "misc" for the devices' this_device (dev_printk prints "misc NAME: "). */
function miscClass(k: KernelContext): number {
  const st = miscState(k);
  if (!st.classBlock) {
    st.classBlock = k.kmalloc(16);
    if (!st.classBlock) return 0;
    k.ram.setU32(st.classBlock, st.classBlock + 4);
    k.ram.setCString(st.classBlock + 4, 'misc');
  }
  return st.classBlock;
}

/** misc->this_device: a struct device named after the node, in class misc, child of misc->parent. */
function makeThisDevice(k: KernelContext, misc: number, name: string, minor: number): number {
  const dev = k.kmalloc(DEVICE.size + name.length + 1);
  if (!dev) return 0;
  k.ram.fill(dev, 0, DEVICE.size);
  k.ram.setCString(dev + DEVICE.size, name);
  k.ram.setU32(dev + DEVICE.kobj + KOBJECT.name, dev + DEVICE.size);
  k.ram.setU32(dev + DEVICE.parent, k.ram.u32(misc + MISCDEVICE.parent));
  k.ram.setU32(dev + DEVICE.class, miscClass(k));
  k.ram.setU32(dev + DEVICE.devt, (MISC_MAJOR << 20) | minor);
  return dev;
}

function miscRegister(k: KernelContext, misc: number): number {
  const st = miscState(k);
  const name = k.ram.cString(k.ram.u32(misc + MISCDEVICE.name), 64);
  const nodename = k.ram.u32(misc + MISCDEVICE.nodename);
  const node = `/dev/${nodename ? k.ram.cString(nodename, 64) : name}`;
  const minor = pickMinor(k, k.ram.i32(misc + MISCDEVICE.minor));
  if (minor < 0) return minor;
  if (k.vfs.exists(node)) return -EEXIST;
  const thisDevice = makeThisDevice(k, misc, name, minor);
  if (!thisDevice) return -ENOMEM;
  const mode = k.ram.u16(misc + MISCDEVICE.mode) || 0o600;
  const fops = k.ram.u32(misc + MISCDEVICE.fops);
  k.ram.setU32(misc + MISCDEVICE.minor, minor);
  k.ram.setU32(misc + MISCDEVICE.this_device, thisDevice);
  k.vfs.registerCharDevice(MISC_MAJOR, minor, driverFileProvider(k, {
    fops, mode: S_IFCHR | mode, rdev: (MISC_MAJOR << 20) | minor,
    beforeOpen: (file) => k.ram.setU32(file + FILE.private_data, misc),
  }));
  k.vfs.mknod(node, MISC_MAJOR, minor, mode);
  st.byAddr.set(misc >>> 0, { minor, name, node, thisDevice });
  return 0;
}

function miscDeregister(k: KernelContext, misc: number): void {
  const st = miscState(k);
  const e = st.byAddr.get(misc >>> 0);
  if (!e) return;
  st.byAddr.delete(misc >>> 0);
  k.vfs.unregisterCharDevice(MISC_MAJOR, e.minor);
  try { k.vfs.unlink(e.node); } catch (err) { if (!(err instanceof FsError)) throw err; }
  k.kfree(e.thisDevice);
  k.ram.setU32(misc + MISCDEVICE.this_device, 0);
}

/** /proc/misc: "minor name" per device, newest first as Linux lists them. */
function procMiscText(k: KernelContext): string {
  return [...miscState(k).byAddr.values()].reverse().map((e) => `${String(e.minor).padStart(3)} ${e.name}\n`).join('');
}

export const miscServices: ServiceModule = {
  services: {
    misc_register: (k, a) => miscRegister(k, a.u32(0)),
    misc_deregister: (k, a) => miscDeregister(k, a.u32(0)),
  },
  boot(k) {
    k.vfs.addProviderFile('/proc/misc', textProvider(() => procMiscText(k)), 0o444);
  },
};
