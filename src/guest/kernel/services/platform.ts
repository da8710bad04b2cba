// The platform bus (Linux's drivers/base/platform.c and dd.c): drivers
// register and bind to the devices created at boot from the device tree
// (platform-devices.ts) by their of_match_table's compatible, else by name.
// Probe runs on the vCPU on the registering task (the module's init); a
// failed probe releases the device's devm resources and logs "probe of X
// failed with error -N" as Linux does. Unregistering calls remove, then
// releases the devm resources. The getters hand out the struct resource
// entries and Linux IRQ numbers of a device, with Linux's messages.

import type { KernelContext, ServiceModule } from '../api.ts';
import { E } from './dev-errno.ts';
import { DEVICE, DEVICE_DRIVER, PLATFORM_DEVICE, PLATFORM_DRIVER, RESOURCE } from './dev-layouts.ts';
import { kernelWarn } from './dev-warn.ts';
import { devresReleaseAll } from './devres.ts';
import { IORESOURCE_IRQ, IORESOURCE_MEM, IORESOURCE_TYPE_BITS, devErr, devmIoremapResource } from './ioremap.ts';
import { matchNode } from './of.ts';
import { platformState, populatePlatformDevices, sysfsDevicePath, type PlatformDev } from './platform-devices.ts';
import { addDeviceGroups, removePaths } from './platform-sysfs.ts';

const KERN_WARNING = 4, KERN_DEBUG = 7;

interface Driver {
  /** Its struct device_driver. */
  addr: number;
  /** The struct platform_driver around it, or 0 for a bare driver_register. */
  pdrv: number;
  name: string;
  bound: Map<PlatformDev, string[]>;
}

function drivers(k: KernelContext): Map<number, Driver> {
  return k.state('platform-drivers', () => new Map<number, Driver>());
}

const driverDir = (name: string) => `/sys/bus/platform/drivers/${name}`;

function matches(k: KernelContext, drv: Driver, pd: PlatformDev): boolean {
  const table = k.ram.u32(drv.addr + DEVICE_DRIVER.of_match_table);
  if (table && matchNode(k, table, pd.np)) return true;
  return k.ram.cString(k.ram.u32(pd.addr + PLATFORM_DEVICE.name)) === drv.name;
}

function callProbe(k: KernelContext, drv: Driver, pd: PlatformDev): Promise<number> {
  const dev = pd.addr + PLATFORM_DEVICE.dev;
  const probe = drv.pdrv ? k.ram.u32(drv.pdrv + PLATFORM_DRIVER.probe) : k.ram.u32(drv.addr + DEVICE_DRIVER.probe);
  if (!probe) return Promise.resolve(0);
  return k.callGuest(probe, drv.pdrv ? pd.addr : dev);
}

function unbindState(k: KernelContext, pd: PlatformDev): void {
  const dev = pd.addr + PLATFORM_DEVICE.dev;
  k.ram.setU32(dev + DEVICE.driver, 0);
  k.ram.setU32(dev + DEVICE.driver_data, 0);
  pd.driver = 0;
}

function reportProbeFailure(k: KernelContext, drv: Driver, pd: PlatformDev, ret: number): void {
  if (ret === -E.EPROBE_DEFER) k.printk(KERN_DEBUG, `${drv.name} ${pd.name}: Driver ${drv.name} requests probe deferral`);
  else if (ret === -E.ENODEV || ret === -E.ENXIO) k.printk(KERN_DEBUG, `${drv.name}: probe of ${pd.name} rejects match ${ret}`);
  else k.printk(KERN_WARNING, `${drv.name}: probe of ${pd.name} failed with error ${ret}`);
}

/** really_probe: binds, probes, adds dev_groups; on failure undoes everything. */
async function bind(k: KernelContext, drv: Driver, pd: PlatformDev): Promise<boolean> {
  const dev = pd.addr + PLATFORM_DEVICE.dev;
  k.ram.setU32(dev + DEVICE.driver, drv.addr);
  pd.driver = drv.addr;
  let ret: number;
  let files: string[] = [];
  try {
    ret = await callProbe(k, drv, pd);
    const groups = k.ram.u32(drv.addr + DEVICE_DRIVER.dev_groups);
    if (ret === 0 && groups) files = await addDeviceGroups(k, dev, groups, sysfsDevicePath(pd.name));
  } catch (e) {
    // The probe faulted or locked up: Linux would leave the device half bound
    // forever; here it is released, so the system stays usable and a fixed
    // driver can bind after insmod again.
    await devresReleaseAll(k, dev);
    unbindState(k, pd);
    throw e;
  }
  if (ret !== 0) {
    await devresReleaseAll(k, dev);
    unbindState(k, pd);
    reportProbeFailure(k, drv, pd, ret);
    return false;
  }
  drv.bound.set(pd, files);
  k.vfs.mkdirp(`${driverDir(drv.name)}/${pd.name}`);
  return true;
}

async function unbind(k: KernelContext, drv: Driver, pd: PlatformDev): Promise<void> {
  const dev = pd.addr + PLATFORM_DEVICE.dev;
  const remove = drv.pdrv ? k.ram.u32(drv.pdrv + PLATFORM_DRIVER.remove) : k.ram.u32(drv.addr + DEVICE_DRIVER.remove);
  removePaths(k, drv.bound.get(pd) ?? []);
  drv.bound.delete(pd);
  if (k.vfs.exists(`${driverDir(drv.name)}/${pd.name}`)) k.vfs.removeTree(`${driverDir(drv.name)}/${pd.name}`);
  try {
    const ret = remove ? await k.callGuest(remove, drv.pdrv ? pd.addr : dev) : 0;
    if (drv.pdrv && ret) k.printk(KERN_WARNING, `${drv.name} ${pd.name}: remove callback returned a non-zero value. This will be ignored.`);
  } finally {
    await devresReleaseAll(k, dev);
    unbindState(k, pd);
  }
}

/** driver_register on the platform bus: binds every matching device that has no driver; the number bound. */
async function registerDriver(k: KernelContext, addr: number, pdrv: number, owner: number): Promise<number> {
  const name = k.ram.cString(k.ram.u32(addr + DEVICE_DRIVER.name));
  const regs = drivers(k);
  if ([...regs.values()].some((d) => d.name === name)) {
    k.printk(3, `Error: Driver '${name}' is already registered, aborting...`);
    return -E.EBUSY;
  }
  k.ram.setU32(addr + DEVICE_DRIVER.bus, platformState(k).busType);
  if (owner) k.ram.setU32(addr + DEVICE_DRIVER.owner, owner);
  const drv: Driver = { addr, pdrv, name, bound: new Map() };
  regs.set(addr, drv);
  k.vfs.mkdirp(driverDir(name));
  let n = 0;
  for (const pd of platformState(k).devices) {
    if (!pd.driver && matches(k, drv, pd) && await bind(k, drv, pd)) n++;
  }
  return n;
}

async function unregisterDriver(k: KernelContext, addr: number): Promise<void> {
  const drv = drivers(k).get(addr);
  if (!drv) {
    kernelWarn(k, 'Unexpected driver unregister!', 'drivers/base/driver.c:274 driver_unregister');
    return;
  }
  for (const pd of [...drv.bound.keys()]) await unbind(k, drv, pd);
  drivers(k).delete(addr);
  if (k.vfs.exists(driverDir(drv.name))) k.vfs.removeTree(driverDir(drv.name));
}

async function platformDriverProbe(k: KernelContext, pdrv: number, probe: number, owner: number): Promise<number> {
  k.ram.setU32(pdrv + PLATFORM_DRIVER.probe, probe);
  const n = await registerDriver(k, pdrv + PLATFORM_DRIVER.driver, pdrv, owner);
  if (n < 0) return n;
  if (n === 0) {
    await unregisterDriver(k, pdrv + PLATFORM_DRIVER.driver);
    return -E.ENODEV;
  }
  return 0;
}

// --- A device's resources and IRQs ------------------------------------------------

function resources(k: KernelContext, pdev: number): number[] {
  const n = k.ram.u32(pdev + PLATFORM_DEVICE.num_resources), table = k.ram.u32(pdev + PLATFORM_DEVICE.resource);
  return Array.from({ length: n }, (_, i) => table + i * RESOURCE.size);
}

const typeOf = (k: KernelContext, r: number) => k.ram.u32(r + RESOURCE.flags) & IORESOURCE_TYPE_BITS;

export function getResource(k: KernelContext, pdev: number, type: number, num: number): number {
  return resources(k, pdev).filter((r) => typeOf(k, r) === type)[num] ?? 0;
}

function getResourceByName(k: KernelContext, pdev: number, type: number, name: string): number {
  return resources(k, pdev).find((r) => typeOf(k, r) === type && k.ram.u32(r + RESOURCE.name) && k.ram.cString(k.ram.u32(r + RESOURCE.name)) === name) ?? 0;
}

function irqOptional(k: KernelContext, pdev: number, num: number): number {
  const r = getResource(k, pdev, IORESOURCE_IRQ, num);
  return r ? k.ram.u32(r + RESOURCE.start) : -E.ENXIO;
}

function irqByNameOptional(k: KernelContext, pdev: number, name: string): number {
  const r = getResourceByName(k, pdev, IORESOURCE_IRQ, name);
  return r ? k.ram.u32(r + RESOURCE.start) : -E.ENXIO;
}

/** dev_err_probe's line: "error -ENXIO: <text>" (silent for -EPROBE_DEFER). */
function errProbe(k: KernelContext, dev: number, err: number, text: string): number {
  const names: Record<number, string> = { [E.ENXIO]: 'ENXIO', [E.EINVAL]: 'EINVAL', [E.ENODATA]: 'ENODATA' };
  if (err !== -E.EPROBE_DEFER) devErr(k, dev, `error -${names[-err] ?? -err}: ${text}`);
  return err;
}

function ioremapByIndex(k: KernelContext, pdev: number, index: number, out = 0): number {
  const r = getResource(k, pdev, IORESOURCE_MEM, index);
  if (out) k.ram.setU32(out, r);
  return devmIoremapResource(k, pdev + PLATFORM_DEVICE.dev, r);
}

export const platformServices: ServiceModule = {
  variables: {
    platform_bus_type: {
      size: 64,
      init(k, addr) {
        const name = k.kmalloc(9, 1);
        k.ram.setCString(name, 'platform');
        k.ram.setU32(addr, name);
      },
    },
  },
  boot(k) {
    populatePlatformDevices(k, k.symbolAddress('platform_bus_type'));
  },
  services: {
    async __platform_driver_register(k, a) {
      const n = await registerDriver(k, a.u32(0) + PLATFORM_DRIVER.driver, a.u32(0), a.u32(1));
      return n < 0 ? n : 0;
    },
    __platform_driver_probe: (k, a) => platformDriverProbe(k, a.u32(0), a.u32(1), a.u32(2)),
    platform_driver_unregister: (k, a) => unregisterDriver(k, a.u32(0) + PLATFORM_DRIVER.driver),
    async driver_register(k, a) {
      const n = await registerDriver(k, a.u32(0), 0, 0);
      return n < 0 ? n : 0;
    },
    driver_unregister: (k, a) => unregisterDriver(k, a.u32(0)),
    platform_get_resource: (k, a) => getResource(k, a.u32(0), a.u32(1), a.u32(2)),
    platform_get_resource_byname: (k, a) => getResourceByName(k, a.u32(0), a.u32(1), k.ram.cString(a.u32(2))),
    platform_get_irq_optional: (k, a) => irqOptional(k, a.u32(0), a.u32(1)),
    platform_get_irq(k, a) {
      const irq = irqOptional(k, a.u32(0), a.u32(1));
      return irq < 0 ? errProbe(k, a.u32(0) + PLATFORM_DEVICE.dev, irq, `IRQ index ${a.u32(1)} not found`) : irq;
    },
    platform_get_irq_byname(k, a) {
      const name = k.ram.cString(a.u32(1));
      const irq = irqByNameOptional(k, a.u32(0), name);
      return irq < 0 ? errProbe(k, a.u32(0) + PLATFORM_DEVICE.dev, irq, `IRQ ${name} not found`) : irq;
    },
    platform_irq_count(k, a) {
      let n = 0;
      while (irqOptional(k, a.u32(0), n) >= 0) n++;
      return n;
    },
    devm_platform_ioremap_resource: (k, a) => ioremapByIndex(k, a.u32(0), a.u32(1)),
    devm_platform_get_and_ioremap_resource: (k, a) => ioremapByIndex(k, a.u32(0), a.u32(1), a.u32(2)),
    devm_platform_ioremap_resource_byname(k, a) {
      const r = getResourceByName(k, a.u32(0), IORESOURCE_MEM, k.ram.cString(a.u32(1)));
      return devmIoremapResource(k, a.u32(0) + PLATFORM_DEVICE.dev, r);
    },
    of_find_device_by_node: (k, a) => platformState(k).devices.find((d) => d.np === a.u32(0))?.addr ?? 0,
    get_device: (_k, a) => a.u32(0),
    put_device() {},
  },
};
