// debugfs (fs/debugfs/inode.c and file.c, Linux 6.1): directories and files
// under /sys/kernel/debug. A file created with debugfs_create_file is served
// by the driver's file_operations with inode->i_private = data; the
// debugfs_create_u32 & co. files read and write a variable in guest RAM with
// Linux's formats ("%llu\n", "0x%08llx\n", "Y\n"). A struct dentry is opaque
// to drivers: we hand out a small kernel block per entry as its identity.

import type { KernelContext, ServiceModule } from '../api.ts';
import type { FileProvider } from '../../fs/provider.ts';
import { FsError } from '../../fs/errno.ts';
import { driverFileProvider, faultsAsErrno, S_IFREG } from './file-ops.ts';
import { kstrtobool, kstrtoull } from './kstrtox.ts';
import { printkText } from './printk.ts';
import { errPtr } from './uaccess.ts';

export const DEBUGFS_ROOT = '/sys/kernel/debug';
const EEXIST = 17, ENOMEM = 12, EINVAL = 22, EACCES = 13;
const isErr = (p: number) => (p >>> 0) >= 0xffff_f001;

interface Dentry { path: string; dir: boolean; alive: boolean }
interface DebugfsState { byAddr: Map<number, Dentry>; byPath: Map<string, number> }
const debugfs = (k: KernelContext) => k.state<DebugfsState>('debugfs', () => ({ byAddr: new Map(), byPath: new Map() }));

/** The path of a parent dentry (NULL: the root), or undefined for one debugfs never gave out. */
function parentPath(k: KernelContext, parent: number): string | undefined {
  if (!parent) return DEBUGFS_ROOT;
  return debugfs(k).byAddr.get(parent >>> 0)?.path;
}

function newDentry(k: KernelContext, path: string, dir: boolean): number {
  const addr = k.kmalloc(16);
  if (!addr) return 0;
  k.ram.fill(addr, 0, 16);
  const st = debugfs(k);
  st.byAddr.set(addr, { path, dir, alive: true });
  st.byPath.set(path, addr);
  return addr;
}

/** Where a new entry goes, or an ERR_PTR: an error parent is passed on, as Linux does. */
function placeFor(k: KernelContext, name: string, parent: number, dir: boolean): string | number {
  if (isErr(parent)) return parent;
  const base = parentPath(k, parent);
  if (base === undefined) return errPtr(EINVAL);
  const path = `${base}/${name}`;
  if (k.vfs.exists(path)) {
    const where = base === DEBUGFS_ROOT ? '/' : base.slice(base.lastIndexOf('/') + 1);
    printkText(k, dir ? `debugfs: Directory '${name}' with parent '${where}' already present!\n` : `debugfs: File '${name}' in directory '${where}' already present!\n`, 3);
    return errPtr(EEXIST);
  }
  return path;
}

function createDir(k: KernelContext, name: string, parent: number): number {
  const path = placeFor(k, name, parent, true);
  if (typeof path === 'number') return path;
  const d = newDentry(k, path, true);
  if (!d) return errPtr(ENOMEM);
  k.vfs.mkdir(path, 0o755);
  return d;
}

function createFile(k: KernelContext, name: string, mode: number, parent: number, make: (alive: () => boolean) => FileProvider): number {
  const path = placeFor(k, name, parent, false);
  if (typeof path === 'number') return path;
  const d = newDentry(k, path, false);
  if (!d) return errPtr(ENOMEM);
  const alive = () => debugfs(k).byAddr.get(d)?.alive === true;
  k.vfs.addProviderFile(path, { ...make(alive), size: 0 }, mode & 0o777);
  return d;
}

/** A file showing a variable of `bytes` bytes at `ptr`; writable if the mode says so. */
function valueProvider(k: KernelContext, mode: number, show: () => string, store: (text: string) => number): FileProvider {
  let text = '';
  const p: FileProvider = {
    read: (offset, count) => faultsAsErrno(async () => {
      if (offset === 0) text = show();
      return Uint8Array.from(text.slice(offset, offset + count), (c) => c.charCodeAt(0));
    }),
  };
  if (mode & 0o222) {
    p.write = (data) => faultsAsErrno(async () => {
      const r = store(String.fromCharCode(...data.subarray(0, 23)));
      return r < 0 ? r : data.length;
    });
  }
  return p;
}

type Width = 1 | 2 | 4 | 8;
function readUnsigned(k: KernelContext, ptr: number, w: Width): bigint {
  return w === 8 ? k.ram.u64(ptr) : BigInt(w === 4 ? k.ram.u32(ptr) : w === 2 ? k.ram.u16(ptr) : k.ram.u8(ptr));
}
function writeUnsigned(k: KernelContext, ptr: number, w: Width, v: bigint): void {
  if (w === 8) k.ram.setU64(ptr, v);
  else if (w === 4) k.ram.setU32(ptr, Number(BigInt.asUintN(32, v)));
  else if (w === 2) k.ram.setU16(ptr, Number(BigInt.asUintN(16, v)));
  else k.ram.setU8(ptr, Number(BigInt.asUintN(8, v)));
}

/** debugfs_create_u8/u16/u32/u64/ulong/x32/atomic_t: simple_attr files over a variable. */
function numberFile(w: Width, format: (v: bigint) => string, signed = false) {
  return (k: KernelContext, a: { u32(i: number): number }) => {
    const [name, mode, parent, ptr] = [k.ram.cString(a.u32(0), 256), a.u32(1), a.u32(2), a.u32(3)];
    createFile(k, name, mode, parent, () => valueProvider(k, mode,
      () => { const v = readUnsigned(k, ptr, w); return format(signed ? BigInt.asIntN(w * 8, v) : v); },
      (text) => {
        if (!(mode & 0o222)) return -EACCES;
        const v = kstrtoull(text, 0);
        if (typeof v === 'number') return v;
        writeUnsigned(k, ptr, w, v);
        return 0;
      }));
  };
}

function boolFile(k: KernelContext, a: { u32(i: number): number }): void {
  const [name, mode, parent, ptr] = [k.ram.cString(a.u32(0), 256), a.u32(1), a.u32(2), a.u32(3)];
  createFile(k, name, mode, parent, () => valueProvider(k, mode,
    () => (k.ram.u8(ptr) ? 'Y\n' : 'N\n'),
    (text) => { const v = kstrtobool(text); if (typeof v === 'number') return v; k.ram.setU8(ptr, v ? 1 : 0); return 0; }));
}

/** Removes a dentry and everything under it; NULL and error pointers are ignored. */
export function debugfsRemove(k: KernelContext, dentry: number): void {
  if (!dentry || isErr(dentry)) return;
  const st = debugfs(k);
  const d = st.byAddr.get(dentry >>> 0);
  if (!d) return;
  for (const [addr, e] of [...st.byAddr]) {
    if (e.path !== d.path && !e.path.startsWith(`${d.path}/`)) continue;
    e.alive = false;
    st.byAddr.delete(addr);
    st.byPath.delete(e.path);
    k.kfree(addr);
  }
  try { k.vfs.removeTree(d.path); } catch (err) { if (!(err instanceof FsError)) throw err; }
}

function lookup(k: KernelContext, name: string, parent: number): number {
  const base = isErr(parent) ? undefined : parentPath(k, parent);
  return base === undefined ? 0 : debugfs(k).byPath.get(`${base}/${name}`) ?? 0;
}

const hex8 = (v: bigint) => `0x${v.toString(16).padStart(8, '0')}\n`;

export const debugfsServices: ServiceModule = {
  services: {
    debugfs_create_dir: (k, a) => createDir(k, k.ram.cString(a.u32(0), 256), a.u32(1)),
    debugfs_create_file: (k, a) => createFile(k, k.ram.cString(a.u32(0), 256), a.u32(1), a.u32(2),
      (alive) => driverFileProvider(k, { fops: a.u32(4), iPrivate: a.u32(3), mode: S_IFREG | (a.u32(1) & 0o777), alive })),
    debugfs_create_file_unsafe: (k, a) => createFile(k, k.ram.cString(a.u32(0), 256), a.u32(1), a.u32(2),
      (alive) => driverFileProvider(k, { fops: a.u32(4), iPrivate: a.u32(3), mode: S_IFREG | (a.u32(1) & 0o777), alive })),
    debugfs_create_u8: numberFile(1, (v) => `${v}\n`),
    debugfs_create_u16: numberFile(2, (v) => `${v}\n`),
    debugfs_create_u32: numberFile(4, (v) => `${v}\n`),
    debugfs_create_u64: numberFile(8, (v) => `${v}\n`),
    debugfs_create_ulong: numberFile(4, (v) => `${v}\n`),
    debugfs_create_x32: numberFile(4, hex8),
    debugfs_create_atomic_t: numberFile(4, (v) => `${v}\n`, true),
    debugfs_create_bool: (k, a) => boolFile(k, a),
    debugfs_remove: (k, a) => debugfsRemove(k, a.u32(0)),
    debugfs_lookup: (k, a) => lookup(k, k.ram.cString(a.u32(0), 256), a.u32(1)),
    debugfs_lookup_and_remove: (k, a) => debugfsRemove(k, lookup(k, k.ram.cString(a.u32(0), 256), a.u32(1))),
    // These serve DEFINE_DEBUGFS_ATTRIBUTE files, which need simple_attr_open(); the guest's
    // headers do not offer it, so no file can reach them with an attribute: refuse.
    debugfs_attr_read: () => -EINVAL,
    debugfs_attr_write: () => -EINVAL,
  },
};
