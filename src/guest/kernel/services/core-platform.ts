// Minimal platform bus, IRQ table and devm_* so the engine runs a driver end
// to end before the device services land (a stand-in: the FDT, platform,
// ioremap and irq services replace this file). Devices come from the device
// tree the boot ROM left in RAM; a driver binds by `compatible`.

import { parseFdt } from '../../../machine/fdt/fdt-parse.ts';
import type { FdtNode } from '../../../machine/fdt/fdt.ts';
import type { KernelContext, ServiceModule } from '../api.ts';
import { devresAdd, devresReleaseAll } from './devres.ts';
import { textProvider } from '../../fs/provider.ts';

const PDEV = { size: 192, name: 0, id: 4, dev: 16, num_resources: 172, resource: 176 };
const DEV = { kobjName: 0, driver: 56, driver_data: 64 };
const RES = { size: 32, start: 0, end: 4, name: 8, flags: 12 };
const PDRV = { probe: 0, remove: 4, driver: 20 };
const DRV = { name: 0, of_match_table: 24 };
const OF_ID = { size: 196, compatible: 64 };
const IORESOURCE_MEM = 0x200, IORESOURCE_IRQ = 0x400;
const ENXIO = 6, ENOMEM = 12, EBUSY = 16, EINVAL = 22;

interface PlatformDevice { node: FdtNode; pdev: number; name: string; irqs: number[]; driver?: number }
interface IrqAction { handler: number; devId: number; name: string; count: number; enabled: boolean }

interface Bus { devices: PlatformDevice[] | null; irqs: Map<number, IrqAction> }

function bus(k: KernelContext): Bus {
  return k.state<Bus>('core-platform', () => ({ devices: null, irqs: new Map() }));
}

function devices(k: KernelContext): PlatformDevice[] {
  const b = bus(k);
  if (b.devices) return b.devices;
  const header = k.ram.bytes(k.dtbAddr, 40);
  const size = new DataView(header.buffer).getUint32(4, false);
  const tree = parseFdt(k.ram.bytes(k.dtbAddr, size));
  b.devices = [];
  walk(k, tree.root, 0, b.devices);
  return b.devices;
}

function walk(k: KernelContext, node: FdtNode, base: number, out: PlatformDevice[]): void {
  for (const child of node.children) {
    const ranges = child.cells('ranges');
    const childBase = ranges && ranges.length >= 4 ? ranges[2] : base;
    if (child.strings('compatible') && child.cells('reg') && node.strings('compatible')?.includes('simple-bus')) out.push(makeDevice(k, child, base));
    walk(k, child, childBase, out);
  }
}

function makeDevice(k: KernelContext, node: FdtNode, base: number): PlatformDevice {
  const reg = node.cells('reg') ?? [];
  const irqs = node.cells('interrupts') ?? [];
  const nodeName = node.name.replace(/@.*/, '');
  const name = `${(base + reg[0]).toString(16)}.${nodeName}`;
  const nres = reg.length / 2 + irqs.length;
  const pdev = k.kmalloc(PDEV.size), res = k.kmalloc(RES.size * nres), nameAddr = k.kmalloc(name.length + 1);
  k.ram.fill(pdev, 0, PDEV.size);
  k.ram.fill(res, 0, RES.size * nres);
  k.ram.setCString(nameAddr, name);
  k.ram.setU32(pdev + PDEV.name, nameAddr);
  k.ram.setU32(pdev + PDEV.id, -1);
  k.ram.setU32(pdev + PDEV.dev + DEV.kobjName, nameAddr);
  k.ram.setU32(pdev + PDEV.num_resources, nres);
  k.ram.setU32(pdev + PDEV.resource, res);
  let r = res;
  for (let i = 0; i + 1 < reg.length; i += 2, r += RES.size) {
    k.ram.setU32(r + RES.start, base + reg[i]);
    k.ram.setU32(r + RES.end, base + reg[i] + reg[i + 1] - 1);
    k.ram.setU32(r + RES.flags, IORESOURCE_MEM);
  }
  for (const irq of irqs) {
    k.ram.setU32(r + RES.start, irq);
    k.ram.setU32(r + RES.end, irq);
    k.ram.setU32(r + RES.flags, IORESOURCE_IRQ);
    r += RES.size;
  }
  return { node, pdev, name, irqs };
}

function matches(k: KernelContext, drv: number, d: PlatformDevice): boolean {
  let id = k.ram.u32(drv + PDRV.driver + DRV.of_match_table);
  const compat = d.node.strings('compatible') ?? [];
  for (; id && (k.ram.u8(id) || k.ram.u8(id + OF_ID.compatible)); id += OF_ID.size) {
    if (compat.includes(k.ram.cString(id + OF_ID.compatible, 128))) return true;
  }
  return false;
}

async function probe(k: KernelContext, drv: number, d: PlatformDevice): Promise<void> {
  const dev = d.pdev + PDEV.dev;
  k.ram.setU32(dev + DEV.driver, drv + PDRV.driver);
  const ret = await k.callGuest(k.ram.u32(drv + PDRV.probe), d.pdev);
  if (ret === 0) {
    d.driver = drv;
    return;
  }
  await devresReleaseAll(k, dev);
  k.ram.setU32(dev + DEV.driver, 0);
  const drvName = k.ram.cString(k.ram.u32(drv + PDRV.driver + DRV.name));
  if (ret !== -19 && ret !== -6) k.printk(4, `${drvName}: probe of ${d.name} failed with error ${ret}`);
}

function resource(k: KernelContext, pdev: number, type: number, index: number): number {
  const n = k.ram.u32(pdev + PDEV.num_resources), res = k.ram.u32(pdev + PDEV.resource);
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const r = res + i * RES.size;
    if ((k.ram.u32(r + RES.flags) & type) && seen++ === index) return r;
  }
  return 0;
}

/** Calls the handlers of a claimed interrupt (the engine's irq hook). */
async function handleIrq(k: KernelContext, hwirq: number): Promise<void> {
  const action = bus(k).irqs.get(hwirq);
  if (!action || !action.enabled) return;
  action.count++;
  await k.callGuest(action.handler, hwirq, action.devId);
}

/** /proc/interrupts, in the columns Linux prints (a stand-in for the irq services' own). */
function procInterrupts(k: KernelContext): string {
  const rows = [...bus(k).irqs].sort((a, b) => a[0] - b[0]).map(([irq, a]) =>
    `${String(irq).padStart(3)}: ${String(a.count).padStart(10)}  SiFive PLIC ${String(irq).padStart(3)} Level     ${a.name}\n`);
  return `           CPU0       \n${rows.join('')}`;
}

export const corePlatform: ServiceModule = {
  irq: handleIrq,
  boot: (k) => {
    if (!k.vfs.exists('/proc/interrupts')) k.vfs.addProviderFile('/proc/interrupts', { ...textProvider(() => procInterrupts(k)), size: 0 }, 0o444);
  },
  services: {
    __platform_driver_register: async (k, a) => {
      const drv = a.u32(0);
      for (const d of devices(k)) if (!d.driver && matches(k, drv, d)) await probe(k, drv, d);
      return 0;
    },
    platform_driver_unregister: async (k, a) => {
      const drv = a.u32(0);
      for (const d of devices(k).filter((x) => x.driver === drv)) {
        const remove = k.ram.u32(drv + PDRV.remove);
        if (remove) await k.callGuest(remove, d.pdev);
        await devresReleaseAll(k, d.pdev + PDEV.dev);
        d.driver = undefined;
        k.ram.setU32(d.pdev + PDEV.dev + DEV.driver, 0);
      }
    },
    platform_get_irq: (k, a) => {
      const r = resource(k, a.u32(0), IORESOURCE_IRQ, a.u32(1));
      return r ? k.ram.u32(r + RES.start) : -ENXIO;
    },
    devm_platform_ioremap_resource: (k, a) => {
      const r = resource(k, a.u32(0), IORESOURCE_MEM, a.u32(1));
      return r ? k.ram.u32(r + RES.start) : -EINVAL;
    },
    devm_kmalloc: (k, a) => {
      const dev = a.u32(0), size = a.u32(1);
      const p = k.kmalloc(size);
      if (!p) return 0;
      if (a.u32(2) & 0x100) k.ram.fill(p, 0, size); // __GFP_ZERO
      devresAdd(k, dev, { name: 'devm_kzalloc', key: p, release: () => k.kfree(p) });
      return p;
    },
    devm_request_threaded_irq: (k, a) => {
      const dev = a.u32(0), irq = a.u32(1), handler = a.u32(2);
      const irqs = bus(k).irqs;
      if (irqs.has(irq)) return -EBUSY;
      if (!handler) return -EINVAL;
      irqs.set(irq, { handler, devId: a.u32(6), name: k.ram.cString(a.u32(5)), count: 0, enabled: true });
      k.setIrqEnabled(irq, true);
      devresAdd(k, dev, { name: 'devm_request_irq', key: irq, release: () => { irqs.delete(irq); k.setIrqEnabled(irq, false); } });
      return 0;
    },
    disable_irq: (k, a) => {
      const action = bus(k).irqs.get(a.u32(0));
      if (action) action.enabled = false;
      k.setIrqEnabled(a.u32(0), false);
    },
    kmalloc: (k, a) => k.kmalloc(a.u32(0)) || 0,
    kfree: (k, a) => k.kfree(a.u32(0)),
  },
};

export { ENOMEM };
