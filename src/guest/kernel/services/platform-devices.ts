// The platform devices the kernel creates at boot from the device tree, as
// Linux's of_platform_populate does: one struct platform_device per node
// with a compatible among the root's children and, recursively, the children
// of simple buses (/soc, the platform bus). Interrupt controllers are set up
// by the kernel itself and get none. Each device is named as Linux names it
// (of_device_make_bus_id: "4000000.stopwatch", "soc"), has MEM resources from
// its translated `reg` and IRQ resources from its `interrupts`, and appears
// in /sys/bus/platform/devices.

import { ofBaseName, ofCells, ofProp, ofRegs, ofStrings, ofTranslate, type OfNode } from '../../of/fdt.ts';
import type { KernelContext } from '../api.ts';
import { DEVICE, DEVICE_NODE, KOBJECT, PLATFORM_DEVICE, RESOURCE } from './dev-layouts.ts';
import { IORESOURCE_IRQ, IORESOURCE_MEM, insertDeviceResource } from './ioremap.ts';
import { irqDesc, mapPlicIrq, IRQ_TYPE_SENSE_MASK } from './irq-table.ts';
import { ofState } from './of.ts';

export const PLATFORM_DEVID_NONE = -1;
const SIMPLE_BUSES = ['simple-bus', 'simple-mfd', 'isa', 'arm,amba-bus'];

export interface PlatformDev {
  addr: number;
  name: string;
  node: OfNode;
  np: number;
  /** The bound driver (its struct platform_driver or device_driver registration). */
  driver: number;
}

export interface PlatformBusState {
  devices: PlatformDev[];
  busType: number;
}

export function platformState(k: KernelContext): PlatformBusState {
  return k.state<PlatformBusState>('platform', () => ({ devices: [], busType: 0 }));
}

export const sysfsDevicePath = (name: string) => `/sys/bus/platform/devices/${name}`;

function kstrdup(k: KernelContext, text: string): number {
  const p = k.kmalloc(text.length + 1, 1);
  k.ram.setCString(p, text);
  return p;
}

/** Linux's of_device_make_bus_id. */
export function busId(node: OfNode): string {
  let name = '';
  for (let n: OfNode = node; n.parent; n = n.parent) {
    const regs = ofProp(n, 'reg');
    if (regs && regs.length) {
      const addr = ofRegs(n)[0]?.start ?? ofTranslate(n.parent, 0);
      return `${addr.toString(16)}.${ofBaseName(n)}${name ? `:${name}` : ''}`;
    }
    name = name ? `${n.name}:${name}` : n.name;
  }
  return name;
}

function writeResources(k: KernelContext, node: OfNode, np: number, pdev: number): void {
  const regs = ofRegs(node);
  const regNames = ofStrings(node, 'reg-names') ?? [];
  const irqCells = ofCells(node, 'interrupts') ?? [];
  const irqNames = ofStrings(node, 'interrupt-names') ?? [];
  const n = regs.length + irqCells.length;
  const table = n ? k.kmalloc(n * RESOURCE.size, 4) : 0;
  if (n) k.ram.fill(table, 0, n * RESOURCE.size);
  const fullName = k.ram.u32(np + DEVICE_NODE.full_name);
  regs.forEach((r, i) => {
    const res = table + i * RESOURCE.size;
    k.ram.setU32(res + RESOURCE.start, r.start);
    k.ram.setU32(res + RESOURCE.end, r.start + r.size - 1);
    k.ram.setU32(res + RESOURCE.flags, IORESOURCE_MEM);
    k.ram.setU32(res + RESOURCE.name, regNames[i] !== undefined ? kstrdup(k, regNames[i]) : fullName);
    insertDeviceResource(k, r.start, r.start + r.size - 1, regNames[i] ?? node.name);
  });
  irqCells.forEach((hwirq, i) => {
    const res = table + (regs.length + i) * RESOURCE.size;
    const virq = mapPlicIrq(k, hwirq);
    k.ram.setU32(res + RESOURCE.start, virq);
    k.ram.setU32(res + RESOURCE.end, virq);
    k.ram.setU32(res + RESOURCE.flags, IORESOURCE_IRQ | (irqDesc(k, virq)!.trigger & IRQ_TYPE_SENSE_MASK));
    k.ram.setU32(res + RESOURCE.name, irqNames[i] !== undefined ? kstrdup(k, irqNames[i]) : fullName);
  });
  k.ram.setU32(pdev + PLATFORM_DEVICE.num_resources, n);
  k.ram.setU32(pdev + PLATFORM_DEVICE.resource, table);
}

function createDevice(k: KernelContext, node: OfNode, parentDev: number): PlatformDev {
  const st = platformState(k);
  const np = ofState(k).addr.get(node)!;
  const name = busId(node);
  const pdev = k.kmalloc(PLATFORM_DEVICE.size, 8);
  k.ram.fill(pdev, 0, PLATFORM_DEVICE.size);
  k.ram.setU32(pdev + PLATFORM_DEVICE.name, kstrdup(k, ''));
  k.ram.setU32(pdev + PLATFORM_DEVICE.id, PLATFORM_DEVID_NONE);
  const dev = pdev + PLATFORM_DEVICE.dev;
  k.ram.setU32(dev + DEVICE.kobj + KOBJECT.name, kstrdup(k, name));
  k.ram.setU32(dev + DEVICE.parent, parentDev);
  k.ram.setU32(dev + DEVICE.bus, st.busType);
  k.ram.setU32(dev + DEVICE.of_node, np);
  k.ram.setU32(dev + DEVICE.fwnode, np + DEVICE_NODE.fwnode);
  writeResources(k, node, np, pdev);
  const pd: PlatformDev = { addr: pdev, name, node, np, driver: 0 };
  st.devices.push(pd);
  k.vfs.mkdirp(sysfsDevicePath(name));
  const compat = ofStrings(node, 'compatible') ?? [];
  k.vfs.writeFile(`${sysfsDevicePath(name)}/modalias`, `of:N${ofBaseName(node)}T(null)${compat.map((c) => `C${c}`).join('')}\n`, 0o444);
  return pd;
}

function available(node: OfNode): boolean {
  const status = ofStrings(node, 'status')?.[0];
  return status === undefined || status === 'okay' || status === 'ok';
}

/** of_platform_bus_create for `bus`'s children. */
function populateChildren(k: KernelContext, bus: OfNode, parentDev: number): void {
  for (const node of bus.children) {
    const compat = ofStrings(node, 'compatible');
    if (!compat || !available(node) || ofProp(node, 'interrupt-controller')) continue;
    const pd = createDevice(k, node, parentDev);
    if (compat.some((c) => SIMPLE_BUSES.includes(c))) populateChildren(k, node, pd.addr + PLATFORM_DEVICE.dev);
  }
}

export function populatePlatformDevices(k: KernelContext, busType: number): void {
  platformState(k).busType = busType;
  k.vfs.mkdirp('/sys/bus/platform/devices');
  k.vfs.mkdirp('/sys/bus/platform/drivers');
  populateChildren(k, ofState(k).root, 0);
}

export function deviceOf(k: KernelContext, pdev: number): PlatformDev | undefined {
  return platformState(k).devices.find((d) => d.addr === pdev);
}

export function deviceOfDev(k: KernelContext, dev: number): PlatformDev | undefined {
  return deviceOf(k, dev - PLATFORM_DEVICE.dev);
}
