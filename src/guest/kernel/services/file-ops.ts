// The glue between the shell's files and a driver's struct file_operations
// (fs/open.c, fs/read_write.c, fs/ioctl.c): an open builds a struct inode and
// a struct file in guest RAM and calls fops->open; read and write go through
// a kernel buffer standing in for user memory (the guest has no MMU) with
// loff_t *ppos in RAM, as ksys_read passes it; the last close calls
// fops->release. While a file is open its module (fops->owner) is held.
// A negative return from the driver is the errno the shell prints.

import { GuestFault, TaskAborted, type KernelContext, type ServiceModule } from '../api.ts';
import type { FileProvider, InterruptSignal, OpenMode } from '../../fs/provider.ts';
import { copyFromUser, copyWithFaults } from './uaccess.ts';
import { FILE, FOPS, INODE } from './layouts.ts';
import { moduleGet, modulePut } from './module-refs.ts';

export const FMODE = { READ: 0x1, WRITE: 0x2, LSEEK: 0x4, PREAD: 0x8, PWRITE: 0x10, ATOMIC_POS: 0x8000, STREAM: 0x200000 } as const;
export const S_IFREG = 0o100000, S_IFCHR = 0o020000;
const O_WRONLY = 1, O_RDWR = 2;
const EFAULT = 14, EINTR = 4, EINVAL = 22, ENOMEM = 12, ENOTTY = 25, ESPIPE = 29, EIO = 5, ENXIO = 6, ENOIOCTLCMD = 515;
/** The most one read or write moves through the kernel buffer at a time. */
const MAX_TRANSFER = 64 * 1024;

export interface DriverFileOptions {
  fops: number;
  /** inode->i_private (debugfs: the data pointer given at creation). */
  iPrivate?: number;
  /** inode->i_rdev, for a character device. */
  rdev?: number;
  /** inode->i_mode: type and permission bits. */
  mode: number;
  ino?: number;
  /** inode->i_size (what default_llseek's SEEK_END uses). */
  size?: number;
  /** Runs once struct file exists, before fops->open (misc_open sets private_data). */
  beforeOpen?(file: number): void;
  /** false once the file was removed (debugfs_remove): its opens then fail with -EIO. */
  alive?(): boolean;
}

/** One open of a driver's file. */
export interface DriverFile {
  readonly file: number;
  readonly inode: number;
  read(count: number, signal?: InterruptSignal): Promise<Uint8Array | number>;
  write(data: Uint8Array, signal?: InterruptSignal): Promise<number>;
  /** vfs_llseek: the new position or -errno (32 bits: the files here are small). */
  llseek(offset: number, whence: number, signal?: InterruptSignal): Promise<number>;
  /** vfs_ioctl: fops->unlocked_ioctl, -ENOTTY without one. */
  ioctl(cmd: number, arg: number, signal?: InterruptSignal): Promise<number>;
  release(): Promise<void>;
}

/** What a guest call's failure means to the caller: the task was killed (Ctrl-C) or crashed. */
function callFailed(e: unknown): number {
  if (e instanceof TaskAborted) return e.why === 'killed' ? -EINTR : -EFAULT;
  if (e instanceof GuestFault) return -EFAULT;
  throw e;
}

/** The kernel-internal "restart" errnos (ERESTARTSYS...) that a driver returns when a
 * signal ends its wait: user space never sees them, Linux turns them into -EINTR. */
const RESTART_ERRNOS = new Set([-512, -513, -514, -516]);

/** Calls driver code for a process's file request; a crash or a kill comes back as an errno. */
export async function userCall(k: KernelContext, signal: InterruptSignal | undefined, fn: number, ...args: number[]): Promise<number> {
  return guest(k, signal, fn, ...args);
}

/** Runs a file request's kernel side; a bad pointer met on the way is -EFAULT for the process, not a crash of the shell. */
export async function faultsAsErrno<T>(body: () => Promise<T>): Promise<T | number> {
  try {
    return await body();
  } catch (e) {
    return callFailed(e);
  }
}

async function guest(k: KernelContext, signal: InterruptSignal | undefined, fn: number, ...args: number[]): Promise<number> {
  let r: number;
  try {
    r = await k.callGuestFromUser(signal, fn, ...args);
  } catch (e) {
    return callFailed(e);
  }
  return RESTART_ERRNOS.has(r) ? -EINTR : r;
}

function buildInode(k: KernelContext, o: DriverFileOptions): number {
  const inode = k.kmalloc(INODE.size);
  if (!inode) return 0;
  k.ram.fill(inode, 0, INODE.size);
  k.ram.setU16(inode + INODE.i_mode, o.mode);
  k.ram.setU32(inode + INODE.i_ino, o.ino ?? 0);
  k.ram.setU32(inode + INODE.i_rdev, o.rdev ?? 0);
  k.ram.setU64(inode + INODE.i_size, BigInt(o.size ?? 0));
  k.ram.setU32(inode + INODE.i_fop, o.fops);
  k.ram.setU32(inode + INODE.i_private, o.iPrivate ?? 0);
  return inode;
}

function buildFile(k: KernelContext, inode: number, fops: number, mode: OpenMode): number {
  const file = k.kmalloc(FILE.size);
  if (!file) return 0;
  k.ram.fill(file, 0, FILE.size);
  k.ram.setU32(file + FILE.f_inode, inode);
  k.ram.setU32(file + FILE.f_op, fops);
  k.ram.setU32(file + FILE.f_count, 1);
  k.ram.setU32(file + FILE.f_flags, mode.read && mode.write ? O_RDWR : mode.write ? O_WRONLY : 0);
  const fmode = (mode.read ? FMODE.READ : 0) | (mode.write ? FMODE.WRITE : 0) | FMODE.LSEEK | FMODE.PREAD | FMODE.PWRITE;
  k.ram.setU32(file + FILE.f_mode, fmode);
  return file;
}

/** Opens a driver's file: struct inode + struct file, module held, fops->open called. */
export async function openDriverFile(k: KernelContext, o: DriverFileOptions, mode: OpenMode, signal?: InterruptSignal): Promise<DriverFile | number> {
  if (o.alive && !o.alive()) return -EIO;
  const inode = buildInode(k, o);
  const file = inode ? buildFile(k, inode, o.fops, mode) : 0;
  if (!file) { k.kfree(inode); return -ENOMEM; }
  const owner = k.ram.u32(o.fops + FOPS.owner);
  if (!moduleGet(k, owner)) { k.kfree(file); k.kfree(inode); return -ENXIO; }
  const cleanup = () => { k.kfree(file); k.kfree(inode); modulePut(k, owner); };
  o.beforeOpen?.(file);
  const open = k.ram.u32(o.fops + FOPS.open);
  const r = open ? await guest(k, signal, open, inode, file) : 0;
  if (r < 0) { cleanup(); return r; }
  return driverFile(k, o, file, inode, cleanup);
}

function driverFile(k: KernelContext, o: DriverFileOptions, file: number, inode: number, cleanup: () => void): DriverFile {
  const op = (member: number) => k.ram.u32(k.ram.u32(file + FILE.f_op) + member);
  let released = false;
  return {
    file, inode,
    read: (count, signal) => transfer(k, o, file, op(FOPS.read), count, undefined, signal),
    write: async (data, signal) => {
      const r = await transfer(k, o, file, op(FOPS.write), data.length, data, signal);
      return typeof r === 'number' ? r : r.length;
    },
    async llseek(offset, whence, signal) {
      const fn = op(FOPS.llseek);
      if (!(k.ram.u32(file + FILE.f_mode) & FMODE.LSEEK) || !fn) return -ESPIPE;
      return guest(k, signal, fn, file, offset >>> 0, offset < 0 ? -1 : 0, whence);
    },
    async ioctl(cmd, arg, signal) {
      const fn = op(FOPS.unlocked_ioctl);
      if (!fn) return -ENOTTY;
      const r = await guest(k, signal, fn, file, cmd >>> 0, arg >>> 0);
      return r === -ENOIOCTLCMD ? -ENOTTY : r;
    },
    async release() {
      if (released) return;
      released = true;
      const fn = op(FOPS.release);
      if (fn) await guest(k, undefined, fn, inode, file);
      cleanup();
    },
  };
}

/** One read or write: the data crosses a kernel buffer; *ppos lives in RAM
 * (8-aligned, before the data), or is NULL for a stream (stream_open). */
async function transfer(k: KernelContext, o: DriverFileOptions, file: number, fn: number, count: number, data: Uint8Array | undefined, signal?: InterruptSignal): Promise<Uint8Array | number> {
  if (o.alive && !o.alive()) return -EIO;
  if (!fn) return -EINVAL;
  const n = Math.min(count, MAX_TRANSFER);
  const block = k.kmalloc(8 + n, 8);
  if (!block) return -ENOMEM;
  try {
    const buf = block + 8;
    const ppos = k.ram.u32(file + FILE.f_mode) & FMODE.STREAM ? 0 : block;
    if (data && n) k.ram.setBytes(buf, data.subarray(0, n));
    if (ppos) k.ram.setU64(ppos, k.ram.u64(file + FILE.f_pos));
    const r = await guest(k, signal, fn, file, buf, n, ppos);
    if (r < 0) return r;
    if (ppos) k.ram.setU64(file + FILE.f_pos, k.ram.u64(ppos));
    const done = Math.min(r, n);
    return data ? done : k.ram.bytes(buf, done);
  } finally {
    k.kfree(block);
  }
}

/** A VFS provider for a driver's file: each open gets its own struct file. */
export function driverFileProvider(k: KernelContext, o: DriverFileOptions, extra: { size?: number } = {}): FileProvider {
  const refuse = async () => -EINVAL;
  return {
    size: extra.size,
    async open(mode) {
      const f = await faultsAsErrno(() => openDriverFile(k, o, mode));
      if (typeof f === 'number') return f;
      return {
        read: (_offset, count, signal) => faultsAsErrno(() => f.read(count, signal)),
        write: async (data, _offset, signal) => faultsAsErrno(() => f.write(data, signal)),
        release: async () => { await faultsAsErrno(() => f.release()); },
      };
    },
    read: refuse,
    write: refuse,
  };
}

// --- Services: the llseek helpers, the open helpers, simple_*_buffer ---

const SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;

/** generic_file_llseek_size's core: the new position for whence, or -errno. */
function seekTarget(k: KernelContext, file: number, offset: bigint, whence: number, eof: bigint): bigint {
  const pos = BigInt.asIntN(64, k.ram.u64(file + FILE.f_pos));
  switch (whence) {
    case SEEK_SET: return offset;
    case SEEK_CUR: return pos + offset;
    case SEEK_END: return eof + offset;
    case SEEK_DATA: return offset >= eof ? BigInt(-ENXIO) : offset;
    case SEEK_HOLE: return offset >= eof ? BigInt(-ENXIO) : eof;
    default: return BigInt(-EINVAL);
  }
}

/** Sets f_pos (and clears f_version, as Linux does on a change); -EINVAL for a negative or too-far offset. */
function seekTo(k: KernelContext, file: number, target: bigint, max: bigint): bigint {
  if (target < 0n || target > max) return BigInt(-EINVAL);
  if (target !== BigInt.asIntN(64, k.ram.u64(file + FILE.f_pos))) {
    k.ram.setU64(file + FILE.f_pos, target);
    k.ram.setU64(file + FILE.f_version, 0n);
  }
  return target;
}

function inodeSize(k: KernelContext, file: number): bigint {
  return BigInt.asIntN(64, k.ram.u64(k.ram.u32(file + FILE.f_inode) + INODE.i_size));
}

function defaultLlseek(k: KernelContext, file: number, offset: bigint, whence: number): bigint {
  if (whence === SEEK_CUR && offset === 0n) return BigInt.asIntN(64, k.ram.u64(file + FILE.f_pos));
  const t = seekTarget(k, file, offset, whence, inodeSize(k, file));
  if ((whence === SEEK_DATA || whence === SEEK_HOLE || whence > SEEK_HOLE) && t < 0n) return t;
  return seekTo(k, file, t, (1n << 63n) - 1n);
}

/** simple_read_from_buffer / simple_write_to_buffer: the part of [pos, available) that fits count. */
function simpleBufferCopy(k: KernelContext, ppos: number, available: number, count: number, copy: (pos: number, n: number) => number): number {
  const pos = BigInt.asIntN(64, k.ram.u64(ppos));
  if (pos < 0n) return -EINVAL;
  if (pos >= BigInt(available) || !count) return 0;
  const p = Number(pos);
  const n = Math.min(count, available - p);
  const left = copy(p, n);
  if (left === n) return -EFAULT;
  k.ram.setU64(ppos, BigInt(p + n - left));
  return n - left;
}

export const fileOpsServices: ServiceModule = {
  services: {
    default_llseek: (k, a) => defaultLlseek(k, a.u32(0), a.i64(1), a.i32(3)),
    fixed_size_llseek: (k, a) => {
      const size = a.i64(4), whence = a.i32(3);
      if (whence === SEEK_CUR && a.i64(1) === 0n) return BigInt.asIntN(64, k.ram.u64(a.u32(0) + FILE.f_pos));
      const t = seekTarget(k, a.u32(0), a.i64(1), whence, size);
      return t < 0n && whence > SEEK_END ? t : seekTo(k, a.u32(0), t, size);
    },
    no_llseek: () => BigInt(-ESPIPE),
    noop_llseek: (k, a) => BigInt.asIntN(64, k.ram.u64(a.u32(0) + FILE.f_pos)),
    nonseekable_open: (k, a) => {
      const f = a.u32(1);
      k.ram.setU32(f + FILE.f_mode, k.ram.u32(f + FILE.f_mode) & ~(FMODE.LSEEK | FMODE.PREAD | FMODE.PWRITE));
      return 0;
    },
    stream_open: (k, a) => {
      const f = a.u32(1);
      const m = k.ram.u32(f + FILE.f_mode) & ~(FMODE.LSEEK | FMODE.PREAD | FMODE.PWRITE | FMODE.ATOMIC_POS);
      k.ram.setU32(f + FILE.f_mode, m | FMODE.STREAM);
      return 0;
    },
    simple_open: (k, a) => {
      const priv = k.ram.u32(a.u32(0) + INODE.i_private);
      if (priv) k.ram.setU32(a.u32(1) + FILE.private_data, priv);
      return 0;
    },
    simple_read_from_buffer: (k, a) => simpleBufferCopy(k, a.u32(2), a.u32(4), a.u32(1), (pos, n) => copyWithFaults(k, a.u32(0), a.u32(3) + pos, n)),
    simple_write_to_buffer: (k, a) => simpleBufferCopy(k, a.u32(2), a.u32(1), a.u32(4), (pos, n) => copyFromUser(k, a.u32(0) + pos, a.u32(3), n)),
  },
};
