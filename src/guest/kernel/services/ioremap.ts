// I/O memory services (Linux's kernel/resource.c, lib/devres.c and the
// arch's ioremap): the kernel runs without an MMU, so a mapping is the
// physical address itself, but only a device's MMIO region (a `reg` range of
// a device-tree node) may be mapped, and the answer to anything else says so.
// Regions are claimed in a resource tree as request_mem_region does: a
// device's own ranges (inserted at boot by the platform bus) may be claimed
// once, and a second claim is refused ("can't request region for
// resource"). /proc/iomem prints the tree.

import { ofWalk, ofRegs, ofStrings } from '../../of/fdt.ts';
import type { KernelContext, ServiceModule } from '../api.ts';
import { textProvider } from '../../fs/provider.ts';
import { E, errPtr } from './dev-errno.ts';
import { DEVICE, DEVICE_DRIVER, KOBJECT, RESOURCE } from './dev-layouts.ts';
import { kernelWarn } from './dev-warn.ts';
import { devresAdd, devresRemove } from './devres.ts';
import { ofState } from './of.ts';

export const IORESOURCE_TYPE_BITS = 0x1f00, IORESOURCE_MEM = 0x200, IORESOURCE_IRQ = 0x400, IORESOURCE_BUSY = 0x8000_0000;
const KERN_ERR = 3, KERN_WARNING = 4;

interface Res {
  start: number;
  end: number;
  name: string;
  busy: boolean;
  /** Its struct resource in guest RAM (0 for the tree's own nodes). */
  addr: number;
  children: Res[];
}

/** One live ioremap: the physical range and the address the driver got for it. */
export interface IoMapping {
  phys: number;
  size: number;
  virt: number;
}

interface IoState {
  iomem: Res;
  /** Where each guest struct resource sits in the tree. */
  byAddr: Map<number, Res>;
  /** The mappings drivers hold now (the Device pane links a `reg` range to its ioremap). */
  mappings: IoMapping[];
}

function ioState(k: Pick<KernelContext, 'state'>): IoState {
  return k.state<IoState>('iomem', () => {
    const iomem: Res = { start: 0, end: 0xffff_ffff, name: 'PCI mem', busy: false, addr: 0, children: [] };
    return { iomem, byAddr: new Map(), mappings: [] };
  });
}

/** The ioremaps drivers hold now, oldest first (read by the page's Device pane; changes nothing). */
export function ioMappings(k: Pick<KernelContext, 'state'>): readonly IoMapping[] {
  return ioState(k).mappings;
}

function unmap(k: KernelContext, virt: number): void {
  const list = ioState(k).mappings;
  const i = list.findIndex((m) => m.virt === virt >>> 0);
  if (i >= 0) list.splice(i, 1);
}

const hex8 = (v: number) => (v >>> 0).toString(16).padStart(8, '0');

/** %pR of a memory range, as Linux prints a resource. */
export function formatMemResource(start: number, end: number): string {
  return `[mem 0x${hex8(start)}-0x${hex8(end)}]`;
}

/** Inserts `res` under `parent`, descending into a free (not busy) range that holds it; the conflict if any. */
function insert(parent: Res, res: Res): Res | undefined {
  for (const c of parent.children) {
    if (c.end < res.start || c.start > res.end) continue;
    if (!c.busy && c.start <= res.start && c.end >= res.end && !(c.start === res.start && c.end === res.end && !res.busy)) return insert(c, res);
    return c;
  }
  parent.children.push(res);
  parent.children.sort((a, b) => a.start - b.start);
  return undefined;
}

function remove(parent: Res, start: number, end: number): Res | undefined {
  for (const [i, c] of parent.children.entries()) {
    if (c.start === start && c.end === end && c.busy) return parent.children.splice(i, 1)[0];
    if (c.start <= start && c.end >= end) return remove(c, start, end);
  }
  return undefined;
}

/** A device range at boot (insert_resource by the platform bus): not busy, so a driver may claim it. */
export function insertDeviceResource(k: KernelContext, start: number, end: number, name: string): void {
  insert(ioState(k).iomem, { start, end, name, busy: false, addr: 0, children: [] });
}

/** __request_region: a new busy struct resource, or 0 if the range is taken. */
export function requestRegion(k: KernelContext, start: number, n: number, namePtr: number): number {
  const st = ioState(k);
  const res: Res = { start, end: start + n - 1, name: namePtr ? k.ram.cString(namePtr) : '', busy: true, addr: 0, children: [] };
  if (insert(st.iomem, res)) return 0;
  res.addr = k.kmalloc(RESOURCE.size, 4);
  k.ram.fill(res.addr, 0, RESOURCE.size);
  k.ram.setU32(res.addr + RESOURCE.start, start);
  k.ram.setU32(res.addr + RESOURCE.end, res.end);
  k.ram.setU32(res.addr + RESOURCE.name, namePtr);
  k.ram.setU32(res.addr + RESOURCE.flags, IORESOURCE_MEM | IORESOURCE_BUSY);
  st.byAddr.set(res.addr, res);
  return res.addr;
}

export function releaseRegion(k: KernelContext, start: number, n: number): void {
  const st = ioState(k);
  const res = remove(st.iomem, start, start + n - 1);
  if (!res) {
    k.printk(KERN_WARNING, `Trying to free nonexistent resource <0x${hex8(start)}-0x${hex8(start + n - 1)}>`);
    return;
  }
  st.byAddr.delete(res.addr);
  k.kfree(res.addr);
}

/** Every device's MMIO ranges, from the device tree's `reg` (not RAM, not CPUs). */
function mmioRanges(k: KernelContext): Array<{ start: number; size: number; path: string }> {
  return k.state('mmio-ranges', () => {
    const out: Array<{ start: number; size: number; path: string }> = [];
    for (const node of ofWalk(ofState(k).root)) {
      if (ofStrings(node, 'device_type')?.[0] === 'memory' || ofStrings(node, 'device_type')?.[0] === 'cpu') continue;
      for (const r of ofRegs(node)) if (r.size) out.push({ ...r, path: node.fullPath });
    }
    return out;
  });
}

/** ioremap: the physical address (no MMU) when [phys, phys+size) is inside one device's region. */
export function ioremap(k: KernelContext, phys: number, size: number): number {
  const end = phys + size;
  if (size > 0 && mmioRanges(k).some((r) => phys >= r.start && end <= r.start + r.size)) {
    ioState(k).mappings.push({ phys: phys >>> 0, size, virt: phys >>> 0 });
    return phys >>> 0;
  }
  k.printk(KERN_ERR, `ioremap: 0x${hex8(phys)}-0x${hex8(end - 1)} is not the MMIO region of any device in the device tree; nothing mapped (check the address and size, e.g. from platform_get_resource)`);
  return 0;
}

// --- What a driver's device is called in messages ------------------------------

export function devName(k: KernelContext, dev: number): string {
  const p = k.ram.u32(dev + DEVICE.init_name) || k.ram.u32(dev + DEVICE.kobj + KOBJECT.name);
  return p ? k.ram.cString(p) : '(null)';
}

/** dev_driver_string: the bound driver's name, else the bus's ("platform"). */
export function devDriverString(k: KernelContext, dev: number): string {
  const drv = k.ram.u32(dev + DEVICE.driver);
  if (drv) return k.ram.cString(k.ram.u32(drv + DEVICE_DRIVER.name));
  const bus = k.ram.u32(dev + DEVICE.bus);
  return bus ? k.ram.cString(k.ram.u32(bus)) : '';
}

export function devErr(k: KernelContext, dev: number, text: string): void {
  k.printk(KERN_ERR, `${devDriverString(k, dev)} ${devName(k, dev)}: ${text}`);
}

// --- Managed versions -------------------------------------------------------------

function devmIoremap(k: KernelContext, dev: number, phys: number, size: number): number {
  const addr = ioremap(k, phys, size);
  if (addr) devresAdd(k, dev, { name: 'devm_ioremap', key: addr, release: () => unmap(k, addr) });
  return addr;
}

function devmRequestRegion(k: KernelContext, dev: number, start: number, n: number, namePtr: number): number {
  const res = requestRegion(k, start, n, namePtr);
  if (res) devresAdd(k, dev, { name: 'devm_request_region', key: res, release: () => releaseRegion(k, start, n) });
  return res;
}

function kstrdup(k: KernelContext, text: string): number {
  const p = k.kmalloc(text.length + 1, 1);
  k.ram.setCString(p, text);
  return p;
}

/** devm_ioremap_resource: claims the range for the device, then maps it; ERR_PTR on failure. */
export function devmIoremapResource(k: KernelContext, dev: number, res: number): number {
  if (!res || (k.ram.u32(res + RESOURCE.flags) & IORESOURCE_TYPE_BITS) !== IORESOURCE_MEM) {
    devErr(k, dev, res ? 'invalid resource (not IORESOURCE_MEM)' : 'invalid resource (null)');
    return errPtr(E.EINVAL);
  }
  const start = k.ram.u32(res + RESOURCE.start), end = k.ram.u32(res + RESOURCE.end);
  const resName = k.ram.u32(res + RESOURCE.name);
  const name = kstrdup(k, resName ? `${devName(k, dev)} ${k.ram.cString(resName)}` : devName(k, dev));
  devresAdd(k, dev, { name: 'devm_kstrdup', key: name, release: () => k.kfree(name) });
  if (!devmRequestRegion(k, dev, start, end - start + 1, name)) {
    devErr(k, dev, `can't request region for resource ${formatMemResource(start, end)}`);
    return errPtr(E.EBUSY);
  }
  const addr = devmIoremap(k, dev, start, end - start + 1);
  if (!addr) {
    devErr(k, dev, `ioremap failed for resource ${formatMemResource(start, end)}`);
    return errPtr(E.ENOMEM);
  }
  return addr;
}

function procIomem(k: KernelContext): string {
  let out = '';
  const walk = (r: Res, depth: number) => {
    for (const c of r.children) {
      out += `${' '.repeat(depth * 2)}${hex8(c.start)}-${hex8(c.end)} : ${c.name}\n`;
      walk(c, depth + 1);
    }
  };
  walk(ioState(k).iomem, 0);
  return out;
}

function systemRam(k: KernelContext): void {
  for (const node of ofWalk(ofState(k).root)) {
    if (ofStrings(node, 'device_type')?.[0] !== 'memory') continue;
    for (const r of ofRegs(node)) insertDeviceResource(k, r.start, r.start + r.size - 1, 'System RAM');
  }
}

export const ioremapServices: ServiceModule = {
  variables: {
    iomem_resource: {
      size: RESOURCE.size,
      init(k, addr) {
        k.ram.setU32(addr + RESOURCE.start, 0);
        k.ram.setU32(addr + RESOURCE.end, 0xffff_ffff);
        k.ram.setU32(addr + RESOURCE.name, kstrdup(k, 'PCI mem'));
        k.ram.setU32(addr + RESOURCE.flags, IORESOURCE_MEM);
      },
    },
  },
  boot(k) {
    systemRam(k);
    k.vfs.addProviderFile('/proc/iomem', { ...textProvider(() => procIomem(k)), size: 0 }, 0o444);
  },
  services: {
    ioremap_prot: (k, a) => ioremap(k, a.u32(0), a.u32(1)),
    iounmap(k, a) { unmap(k, a.u32(0)); },
    devm_ioremap: (k, a) => devmIoremap(k, a.u32(0), a.u32(1), a.u32(2)),
    devm_ioremap_uc: (k, a) => devmIoremap(k, a.u32(0), a.u32(1), a.u32(2)),
    devm_ioremap_wc: (k, a) => devmIoremap(k, a.u32(0), a.u32(1), a.u32(2)),
    devm_iounmap(k, a) {
      if (!devresRemove(k, a.u32(0), 'devm_ioremap', a.u32(1))) {
        kernelWarn(k, `devm_iounmap: 0x${hex8(a.u32(1))} was not mapped with devm_ioremap for this device`, 'lib/devres.c:109 devm_iounmap');
        return;
      }
      unmap(k, a.u32(1));
    },
    devm_ioremap_resource: (k, a) => devmIoremapResource(k, a.u32(0), a.u32(1)),
    __request_region: (k, a) => requestRegion(k, a.u32(1), a.u32(2), a.u32(3)),
    __release_region(k, a) { releaseRegion(k, a.u32(1), a.u32(2)); },
    __devm_request_region: (k, a) => devmRequestRegion(k, a.u32(0), a.u32(2), a.u32(3), a.u32(4)),
  },
};
