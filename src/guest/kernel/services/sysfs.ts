// sysfs attributes and kobjects (fs/sysfs/file.c, group.c, lib/kobject.c,
// drivers/base/core.c's device_create_file, Linux 6.1): a file per attribute
// whose read calls show(kobj, attr, page) and whose write calls
// store(kobj, attr, page, count); device attributes appear under
// /sys/bus/platform/devices/<dev_name>/ (struct device starts with its
// kobject, so one call serves both kinds), kobjects made with
// kobject_create_and_add under their parent's directory.

import type { CallArgs, KernelContext, ServiceModule } from '../api.ts';
import type { FileProvider, InterruptSignal } from '../../fs/provider.ts';
import { FsError } from '../../fs/errno.ts';
import { devresAdd } from './devres.ts';
import { userCall } from './file-ops.ts';
import { ATTRIBUTE, ATTRIBUTE_GROUP, DEVICE_ATTRIBUTE, KOBJECT } from './layouts.ts';
import { deviceName, formatKernel, printkText, printWarning, readFormat } from './printk.ts';

const PAGE_SIZE = 4096;
const EEXIST = 17, ENOMEM = 12, EINVAL = 22;
export const PLATFORM_DEVICES = '/sys/bus/platform/devices';

/** Paths of the kobjects sysfs knows (kobject_create_and_add, kernel_kobj); other
 * kobjects are taken for a platform device's. Other service files may add theirs. */
export const kobjectPaths = (k: KernelContext) => k.state<Map<number, string>>('sysfs-kobjects', () => new Map());

export function kobjectPath(k: KernelContext, kobj: number): string {
  return kobjectPaths(k).get(kobj >>> 0) ?? `${PLATFORM_DEVICES}/${deviceName(k, kobj)}`;
}

/** A page-aligned kernel page for show/store, freed after the call. */
async function withPage<T>(k: KernelContext, body: (page: number) => Promise<T>): Promise<T | number> {
  const page = k.kmalloc(PAGE_SIZE, PAGE_SIZE);
  if (!page) return -ENOMEM;
  k.ram.fill(page, 0, PAGE_SIZE);
  try {
    return await body(page);
  } finally {
    k.kfree(page);
  }
}

/** The file of one attribute: show on a read from offset 0, store on each write. */
function attributeProvider(k: KernelContext, kobj: number, attr: number, mode: number): FileProvider {
  const show = k.ram.u32(attr + DEVICE_ATTRIBUTE.show), store = k.ram.u32(attr + DEVICE_ATTRIBUTE.store);
  let text: Uint8Array = new Uint8Array(0);
  const p: FileProvider = { size: PAGE_SIZE };
  if (mode & 0o444 && show) {
    p.read = async (offset, count, signal) => {
      if (offset === 0) {
        const r = await withPage(k, async (page) => {
          const n = await userCall(k, signal, show, kobj, attr, page);
          if (n < 0) return n;
          if (n > PAGE_SIZE) printWarning(k, 'fs/sysfs/file.c:74 sysfs_kf_seq_show', `fill_read_buffer: ${k.symbolize(show)} returned bad count`);
          text = k.ram.bytes(page, Math.min(n, PAGE_SIZE));
          return 0;
        });
        if (r < 0) return r;
      }
      return text.subarray(offset, offset + count);
    };
  }
  if (mode & 0o222 && store) {
    p.write = async (data: Uint8Array, _offset: number, signal?: InterruptSignal) => {
      if (!data.length) return 0;
      const len = Math.min(data.length, PAGE_SIZE - 1);
      return withPage(k, async (page) => {
        k.ram.setBytes(page, data.subarray(0, len));
        return userCall(k, signal, store, kobj, attr, page, len);
      });
    };
  }
  return p;
}

/** sysfs_create_file: the attribute's file in the kobject's directory (mode: the attribute's unless given). */
function createFile(k: KernelContext, kobj: number, attr: number, dir = kobjectPath(k, kobj), modeOverride?: number): number {
  const name = k.ram.cString(k.ram.u32(attr + ATTRIBUTE.name), 256);
  const mode = (modeOverride ?? k.ram.u16(attr + ATTRIBUTE.mode)) & 0o777;
  const path = `${dir}/${name}`;
  if (k.vfs.exists(path)) {
    printWarning(k, 'fs/sysfs/dir.c:31 sysfs_warn_dup', `sysfs: cannot create duplicate filename '${path}'`);
    return -EEXIST;
  }
  k.vfs.addProviderFile(path, attributeProvider(k, kobj, attr, mode), mode);
  return 0;
}

function removeFile(k: KernelContext, kobj: number, attr: number, dir = kobjectPath(k, kobj)): void {
  const path = `${dir}/${k.ram.cString(k.ram.u32(attr + ATTRIBUTE.name), 256)}`;
  try { k.vfs.unlink(path); } catch (e) { if (!(e instanceof FsError)) throw e; }
}

/** The attributes of a group (its NULL-terminated attrs array). */
function groupAttrs(k: KernelContext, grp: number): number[] {
  const out: number[] = [];
  const attrs = k.ram.u32(grp + ATTRIBUTE_GROUP.attrs);
  for (let i = 0; attrs && i < 1024; i++) {
    const a = k.ram.u32(attrs + 4 * i);
    if (!a) break;
    out.push(a);
  }
  return out;
}

function groupDir(k: KernelContext, kobj: number, grp: number): string {
  const name = k.ram.u32(grp + ATTRIBUTE_GROUP.name);
  return name ? `${kobjectPath(k, kobj)}/${k.ram.cString(name, 256)}` : kobjectPath(k, kobj);
}

/** sysfs_create_group: is_visible (a guest call) may hide a file (0) or change its mode.
 * The platform bus calls it for a driver's dev_groups before probe returns. */
export async function createGroup(k: KernelContext, kobj: number, grp: number): Promise<number> {
  if (!grp) return -EINVAL;
  const dir = groupDir(k, kobj, grp);
  k.vfs.mkdirp(dir);
  const isVisible = k.ram.u32(grp + ATTRIBUTE_GROUP.is_visible);
  const attrs = groupAttrs(k, grp);
  for (let i = 0; i < attrs.length; i++) {
    const mode = isVisible ? await k.callGuest(isVisible, kobj, attrs[i], i) : undefined;
    if (mode === 0) continue;
    const r = createFile(k, kobj, attrs[i], dir, mode);
    if (r < 0) { removeGroup(k, kobj, grp); return r; }
  }
  return 0;
}

export function removeGroup(k: KernelContext, kobj: number, grp: number): void {
  if (!grp) return;
  const dir = groupDir(k, kobj, grp);
  for (const a of groupAttrs(k, grp)) removeFile(k, kobj, a, dir);
  if (k.ram.u32(grp + ATTRIBUTE_GROUP.name)) {
    try { k.vfs.removeTree(dir); } catch (e) { if (!(e instanceof FsError)) throw e; }
  }
}

async function devmAddGroups(k: KernelContext, dev: number, groups: number[]): Promise<number> {
  for (let i = 0; i < groups.length; i++) {
    const r = await createGroup(k, dev, groups[i]);
    if (r < 0) { for (const g of groups.slice(0, i)) removeGroup(k, dev, g); return r; }
  }
  devresAdd(k, dev, { name: 'devm_attr_groups_remove', key: groups[0] ?? 0, release: () => { for (const g of groups) removeGroup(k, dev, g); } });
  return 0;
}

function nullTerminated(k: KernelContext, array: number): number[] {
  const out: number[] = [];
  for (let i = 0; array && i < 256; i++) { const g = k.ram.u32(array + 4 * i); if (!g) break; out.push(g); }
  return out;
}

/** kobject_create_and_add: a kobject (kref 1) and its directory; NULL if the name is taken. */
function kobjectCreateAndAdd(k: KernelContext, name: string, parent: number): number {
  const path = `${parent ? kobjectPath(k, parent) : '/sys'}/${name}`;
  if (k.vfs.exists(path)) {
    printkText(k, `kobject_add_internal failed for ${name} with -EEXIST, don't try to register things with the same name in the same directory.\n`, 3);
    return 0;
  }
  const kobj = k.kmalloc(KOBJECT.size + name.length + 1);
  if (!kobj) return 0;
  k.ram.fill(kobj, 0, KOBJECT.size);
  k.ram.setCString(kobj + KOBJECT.size, name);
  k.ram.setU32(kobj + KOBJECT.name, kobj + KOBJECT.size);
  k.ram.setU32(kobj + KOBJECT.parent, parent);
  k.ram.setU32(kobj + KOBJECT.kref, 1);
  kobjectPaths(k).set(kobj, path);
  k.vfs.mkdirp(path);
  return kobj;
}

function kobjectPut(k: KernelContext, kobj: number): void {
  if (!kobj) return;
  const n = k.ram.u32(kobj + KOBJECT.kref) - 1;
  k.ram.setU32(kobj + KOBJECT.kref, Math.max(n, 0));
  const path = kobjectPaths(k).get(kobj);
  if (n > 0 || !path || path === '/sys/kernel') return;
  kobjectPaths(k).delete(kobj);
  try { k.vfs.removeTree(path); } catch (e) { if (!(e instanceof FsError)) throw e; }
  k.kfree(kobj);
}

/** sysfs_emit/sysfs_emit_at: vscnprintf into the page from `at`; 0 (and a WARN) for a bad buffer. */
function emit(k: KernelContext, buf: number, at: number, fmtPtr: number, va: ReturnType<CallArgs['varargs']>): number {
  if (!buf || buf % PAGE_SIZE || at < 0 || at >= PAGE_SIZE) {
    printWarning(k, 'fs/sysfs/file.c:734 sysfs_emit', `invalid sysfs_emit: buf:${(buf >>> 0).toString(16).padStart(8, '0')}${at ? ` at:${at}` : ''}`);
    return 0;
  }
  const text = formatKernel(k, readFormat(k, fmtPtr), va).slice(0, PAGE_SIZE - at - 1);
  k.ram.setCString(buf + at, text);
  return text.length;
}

export const sysfsServices: ServiceModule = {
  services: {
    sysfs_emit: (k, a) => emit(k, a.u32(0), 0, a.u32(1), a.varargs(2)),
    sysfs_emit_at: (k, a) => emit(k, a.u32(0), a.i32(1), a.u32(2), a.varargs(3)),
    device_create_file: (k, a) => {
      const dev = a.u32(0);
      k.vfs.mkdirp(kobjectPath(k, dev));
      return a.u32(1) ? createFile(k, dev, a.u32(1)) : -EINVAL;
    },
    device_remove_file: (k, a) => { if (a.u32(1)) removeFile(k, a.u32(0), a.u32(1)); },
    sysfs_create_file_ns: (k, a) => (a.u32(0) && a.u32(1) ? createFile(k, a.u32(0), a.u32(1)) : -EINVAL),
    sysfs_remove_file_ns: (k, a) => { if (a.u32(0) && a.u32(1)) removeFile(k, a.u32(0), a.u32(1)); },
    sysfs_create_group: (k, a) => createGroup(k, a.u32(0), a.u32(1)),
    sysfs_remove_group: (k, a) => removeGroup(k, a.u32(0), a.u32(1)),
    devm_device_add_group: (k, a) => devmAddGroups(k, a.u32(0), [a.u32(1)]),
    devm_device_add_groups: (k, a) => devmAddGroups(k, a.u32(0), nullTerminated(k, a.u32(1))),
    // Nothing in the guest polls a sysfs file, so there is nobody to wake.
    sysfs_notify: () => {},
    kobject_create_and_add: (k, a) => kobjectCreateAndAdd(k, k.ram.cString(a.u32(0), 256), a.u32(1)),
    kobject_get: (k, a) => {
      const kobj = a.u32(0);
      if (kobj) k.ram.setU32(kobj + KOBJECT.kref, k.ram.u32(kobj + KOBJECT.kref) + 1);
      return kobj;
    },
    kobject_put: (k, a) => kobjectPut(k, a.u32(0)),
  },
  variables: {
    kernel_kobj: {
      size: 4, align: 4,
      init(k, addr) {
        const kobj = k.kmalloc(KOBJECT.size + 8);
        if (!kobj) return;
        k.ram.fill(kobj, 0, KOBJECT.size);
        k.ram.setCString(kobj + KOBJECT.size, 'kernel');
        k.ram.setU32(kobj + KOBJECT.name, kobj + KOBJECT.size);
        k.ram.setU32(kobj + KOBJECT.kref, 1);
        kobjectPaths(k).set(kobj, '/sys/kernel');
        k.ram.setU32(addr, kobj);
      },
    },
  },
};

