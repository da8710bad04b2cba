// A bound driver's dev_groups as sysfs files of its device (Linux's
// device_add_groups in really_probe): each struct device_attribute of each
// group becomes /sys/bus/platform/devices/<dev>/[<group>/]<attr>, read with
// its show() into a page and written with its store(), both run on the vCPU.

import type { FileProvider } from '../../fs/provider.ts';
import type { KernelContext } from '../api.ts';
import { ATTRIBUTE, ATTRIBUTE_GROUP, DEVICE_ATTRIBUTE } from './dev-layouts.ts';

const PAGE_SIZE = 4096;

function attributeFile(k: KernelContext, dev: number, attr: number): FileProvider {
  const show = k.ram.u32(attr + DEVICE_ATTRIBUTE.show), store = k.ram.u32(attr + DEVICE_ATTRIBUTE.store);
  let text: Uint8Array = new Uint8Array(0);
  return {
    size: PAGE_SIZE,
    async read(offset, count, signal) {
      if (!show) return -5; // EIO, as sysfs answers a file without show()
      if (offset === 0) {
        const page = k.kmalloc(PAGE_SIZE, 8);
        k.ram.fill(page, 0, PAGE_SIZE);
        try {
          const n = await k.callGuestFromUser(signal, show, dev, attr, page);
          if (n < 0) return n;
          text = k.ram.bytes(page, Math.min(n, PAGE_SIZE));
        } finally {
          k.kfree(page);
        }
      }
      return text.subarray(offset, offset + count);
    },
    async write(data, _offset, signal) {
      if (!store) return -5;
      const page = k.kmalloc(PAGE_SIZE, 8);
      k.ram.fill(page, 0, PAGE_SIZE);
      const n = Math.min(data.length, PAGE_SIZE - 1);
      k.ram.setBytes(page, data.subarray(0, n));
      try {
        return await k.callGuestFromUser(signal, store, dev, attr, page, n);
      } finally {
        k.kfree(page);
      }
    },
  };
}

/** Creates the files of a NULL-terminated array of attribute_group pointers; returns the paths made. */
export async function addDeviceGroups(k: KernelContext, dev: number, groups: number, dir: string): Promise<string[]> {
  const made: string[] = [];
  for (let g = groups; g && k.ram.u32(g); g += 4) {
    const group = k.ram.u32(g);
    const groupName = k.ram.u32(group + ATTRIBUTE_GROUP.name);
    const gdir = groupName ? `${dir}/${k.ram.cString(groupName)}` : dir;
    if (groupName) { k.vfs.mkdirp(gdir); made.push(gdir); }
    const isVisible = k.ram.u32(group + ATTRIBUTE_GROUP.is_visible);
    const attrs = k.ram.u32(group + ATTRIBUTE_GROUP.attrs);
    for (let i = 0; attrs && k.ram.u32(attrs + 4 * i); i++) {
      const attr = k.ram.u32(attrs + 4 * i);
      let mode = k.ram.u16(attr + ATTRIBUTE.mode);
      if (isVisible) mode = (await k.callGuest(isVisible, dev, attr, i)) & 0xffff;
      if (!mode) continue;
      const path = `${gdir}/${k.ram.cString(k.ram.u32(attr + ATTRIBUTE.name))}`;
      k.vfs.addProviderFile(path, attributeFile(k, dev, attr), mode & 0o777);
      made.push(path);
    }
  }
  return made;
}

export function removePaths(k: KernelContext, paths: string[]): void {
  for (const p of [...paths].reverse()) if (k.vfs.exists(p)) k.vfs.removeTree(p);
}
