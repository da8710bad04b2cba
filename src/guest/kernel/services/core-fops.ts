// Minimal glue from a VFS file to a driver's struct file_operations, and a
// minimal debugfs, so the engine runs a driver end to end before the file
// services land (a stand-in: the debugfs and fs services replace this file).
// Each open gets a struct inode and struct file in guest RAM; read and write
// go through a kernel buffer standing in for the user buffer.

import type { FileProvider, InterruptSignal } from '../../fs/provider.ts';
import type { KernelContext, ServiceModule } from '../api.ts';
import { engineOf } from './engine.ts';

const INODE = { size: 48, i_mode: 0, i_private: 44, i_fop: 40 };
const FILE = { size: 72, f_inode: 8, f_op: 12, f_pos: 48, private_data: 64 };
const FOPS = { llseek: 4, read: 8, write: 12, open: 56, release: 64 };
const EFAULT = 14, EINVAL = 22;

/** A file whose operations are guest code (fops) with `priv` as the inode's i_private. */
export function guestFileProvider(k: KernelContext, fops: number, priv: number): FileProvider {
  let inode = 0, file = 0;
  const fn = (off: number) => k.ram.u32(fops + off);
  return {
    async open() {
      inode = k.kmalloc(INODE.size);
      file = k.kmalloc(FILE.size);
      k.ram.fill(inode, 0, INODE.size);
      k.ram.fill(file, 0, FILE.size);
      k.ram.setU32(inode + INODE.i_private, priv);
      k.ram.setU32(inode + INODE.i_fop, fops);
      k.ram.setU32(file + FILE.f_inode, inode);
      k.ram.setU32(file + FILE.f_op, fops);
      const owner = engineOf(k).modules.find((m) => m.structAddr === k.ram.u32(fops));
      if (owner) owner.refcount++; // fops->owner stays loaded while the file is open
      if (!fn(FOPS.open)) return 0;
      const r = await k.callGuestFromUser(undefined, fn(FOPS.open), inode, file).catch(() => -EFAULT);
      if (r < 0 && owner) owner.refcount--;
      return r < 0 ? r : 0;
    },
    async read(offset: number, count: number, signal?: InterruptSignal) {
      if (!fn(FOPS.read)) return -EINVAL;
      const n = Math.min(count, 4096);
      const buf = k.kmalloc(n + 8);
      const ppos = buf + n;
      k.ram.setU64(ppos, BigInt(offset));
      try {
        const r = await k.callGuestFromUser(signal, fn(FOPS.read), file, buf, n, ppos).catch(() => -EFAULT);
        return r < 0 ? r : k.ram.bytes(buf, Math.min(r, n));
      } finally {
        k.kfree(buf);
      }
    },
    async write(data: Uint8Array, offset: number, signal?: InterruptSignal) {
      if (!fn(FOPS.write)) return -EINVAL;
      const buf = k.kmalloc(data.length + 8);
      const ppos = buf + data.length;
      k.ram.setBytes(buf, data);
      k.ram.setU64(ppos, BigInt(offset));
      try {
        return await k.callGuestFromUser(signal, fn(FOPS.write), file, buf, data.length, ppos).catch(() => -EFAULT);
      } finally {
        k.kfree(buf);
      }
    },
    async release() {
      if (fn(FOPS.release)) await k.callGuestFromUser(undefined, fn(FOPS.release), inode, file).catch(() => -EFAULT);
      const owner = engineOf(k).modules.find((m) => m.structAddr === k.ram.u32(fops));
      if (owner && owner.refcount > 0) owner.refcount--;
      k.kfree(file);
      k.kfree(inode);
    },
  };
}

/** dentry address → debugfs path. */
function dentries(k: KernelContext): Map<number, string> {
  return k.state('core-debugfs', () => new Map<number, string>());
}

function dentryFor(k: KernelContext, path: string): number {
  const d = k.kmalloc(16);
  dentries(k).set(d, path);
  return d;
}

function parentPath(k: KernelContext, parent: number): string {
  return parent ? dentries(k).get(parent) ?? '/sys/kernel/debug' : '/sys/kernel/debug';
}

export const coreFops: ServiceModule = {
  services: {
    debugfs_create_dir: (k, a) => {
      const path = `${parentPath(k, a.u32(1))}/${k.ram.cString(a.u32(0))}`;
      k.vfs.mkdirp(path);
      return dentryFor(k, path);
    },
    debugfs_create_file: (k, a) => {
      const path = `${parentPath(k, a.u32(2))}/${k.ram.cString(a.u32(0))}`;
      k.vfs.addProviderFile(path, guestFileProvider(k, a.u32(4), a.u32(3)), a.u32(1) & 0o7777);
      return dentryFor(k, path);
    },
    debugfs_remove: (k, a) => {
      const path = dentries(k).get(a.u32(0));
      if (path && k.vfs.exists(path)) k.vfs.removeTree(path);
    },
  },
};
