// The guest's virtual file system: one tree of directories, in-memory regular
// files (ramfs/tmpfs), character devices and provider-backed files (sysfs,
// procfs, debugfs), with the mount table Linux's /proc/mounts shows. Errors
// are Linux errnos (FsError), so the shell prints them as Linux tools do.
import { Errno, FsError } from './errno.ts';
import { bytesToBinary } from './bytes.ts';
import type { FileProvider, InterruptSignal, OpenMode } from './provider.ts';

export interface DirNode { kind: 'dir'; ino: number; mode: number; children: Map<string, FsNode>; parent: DirNode | null }
export interface FileNode { kind: 'file'; ino: number; mode: number; data: Uint8Array; size: number; provider?: FileProvider }
export interface CharDevNode { kind: 'chr'; ino: number; mode: number; major: number; minor: number }
export type FsNode = DirNode | FileNode | CharDevNode;

export interface Mount { source: string; target: string; type: string; options: string }

export interface Stat {
  kind: FsNode['kind']; ino: number; mode: number; size: number; nlink: number;
  major: number; minor: number;
}

export interface OpenFlags { read?: boolean; write?: boolean; create?: boolean; truncate?: boolean; append?: boolean; mode?: number }

/** An open file description: its offset moves with each read and write. */
export interface OpenFile {
  readonly path: string;
  read(count: number, signal?: InterruptSignal): Promise<Uint8Array>;
  write(data: Uint8Array, signal?: InterruptSignal): Promise<number>;
  close(): Promise<void>;
}

/** Joins `path` to `cwd` and removes `.`, `..` and repeated slashes. */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class Vfs {
  private nextIno = 1;
  readonly root: DirNode = this.newDir(null, 0o755);
  readonly mounts: Mount[] = [];
  private readonly devices = new Map<string, FileProvider>();

  private newDir(parent: DirNode | null, mode: number): DirNode {
    const dir: DirNode = { kind: 'dir', ino: this.nextIno++, mode, children: new Map(), parent };
    return dir;
  }

  /** The node at absolute `path`, or throws ENOENT/ENOTDIR. */
  lookup(path: string): FsNode {
    let node: FsNode = this.root;
    for (const part of normalizePath(path).split('/').filter(Boolean)) {
      if (node.kind !== 'dir') throw new FsError(Errno.ENOTDIR, path);
      const next = node.children.get(part);
      if (!next) throw new FsError(Errno.ENOENT, path);
      node = next;
    }
    return node;
  }

  exists(path: string): boolean {
    try { this.lookup(path); return true; } catch { return false; }
  }

  private parentDir(path: string): { dir: DirNode; name: string } {
    const norm = normalizePath(path);
    if (norm === '/') throw new FsError(Errno.EEXIST, path);
    const dir = this.lookup(dirname(norm));
    if (dir.kind !== 'dir') throw new FsError(Errno.ENOTDIR, path);
    return { dir, name: basename(norm) };
  }

  mkdir(path: string, mode = 0o755): DirNode {
    const { dir, name } = this.parentDir(path);
    if (dir.children.has(name)) throw new FsError(Errno.EEXIST, path);
    const made = this.newDir(dir, mode);
    dir.children.set(name, made);
    return made;
  }

  /** `mkdir -p`: every missing directory of `path`. */
  mkdirp(path: string): DirNode {
    let node: FsNode = this.root;
    let at = '';
    for (const part of normalizePath(path).split('/').filter(Boolean)) {
      at += `/${part}`;
      if (node.kind !== 'dir') throw new FsError(Errno.ENOTDIR, at);
      node = node.children.get(part) ?? this.mkdir(at);
    }
    if (node.kind !== 'dir') throw new FsError(Errno.ENOTDIR, path);
    return node;
  }

  /** Creates (or replaces) a regular file with `content` (bytes or a byte string). */
  writeFile(path: string, content: Uint8Array | string, mode = 0o644): FileNode {
    const data = typeof content === 'string' ? Uint8Array.from(content, (c) => c.charCodeAt(0) & 0xff) : content;
    const { dir, name } = this.parentDir(path);
    const old = dir.children.get(name);
    if (old?.kind === 'dir') throw new FsError(Errno.EISDIR, path);
    const file: FileNode = { kind: 'file', ino: this.nextIno++, mode, data, size: data.length };
    dir.children.set(name, file);
    return file;
  }

  /** A provider-backed file (a sysfs attribute, a debugfs file), with parents made. */
  addProviderFile(path: string, provider: FileProvider, mode = 0o644): FileNode {
    this.mkdirp(dirname(normalizePath(path)));
    const file = this.writeFile(path, new Uint8Array(0), mode);
    file.provider = provider;
    return file;
  }

  /** The contents of a RAM file as a byte string. */
  readFileText(path: string): string {
    const node = this.lookup(path);
    if (node.kind === 'dir') throw new FsError(Errno.EISDIR, path);
    if (node.kind !== 'file' || node.provider) throw new FsError(Errno.EINVAL, path);
    return bytesToBinary(node.data.subarray(0, node.size));
  }

  mknod(path: string, major: number, minor: number, mode = 0o666): CharDevNode {
    const { dir, name } = this.parentDir(path);
    if (dir.children.has(name)) throw new FsError(Errno.EEXIST, path);
    const node: CharDevNode = { kind: 'chr', ino: this.nextIno++, mode, major, minor };
    dir.children.set(name, node);
    return node;
  }

  /** What a character device (major, minor) does when opened. */
  registerCharDevice(major: number, minor: number, provider: FileProvider): void {
    this.devices.set(`${major}:${minor}`, provider);
  }

  unregisterCharDevice(major: number, minor: number): void {
    this.devices.delete(`${major}:${minor}`);
  }

  unlink(path: string): void {
    const { dir, name } = this.parentDir(path);
    const node = dir.children.get(name);
    if (!node) throw new FsError(Errno.ENOENT, path);
    if (node.kind === 'dir') throw new FsError(Errno.EISDIR, path);
    dir.children.delete(name);
  }

  /** Removes `path` and everything under it (for a module's sysfs directory). */
  removeTree(path: string): void {
    const { dir, name } = this.parentDir(path);
    if (!dir.children.delete(name)) throw new FsError(Errno.ENOENT, path);
  }

  rmdir(path: string): void {
    const { dir, name } = this.parentDir(path);
    const node = dir.children.get(name);
    if (!node) throw new FsError(Errno.ENOENT, path);
    if (node.kind !== 'dir') throw new FsError(Errno.ENOTDIR, path);
    if (node.children.size) throw new FsError(Errno.ENOTEMPTY, path);
    dir.children.delete(name);
  }

  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (node.kind !== 'dir') throw new FsError(Errno.ENOTDIR, path);
    return [...node.children.keys()].sort();
  }

  stat(path: string): Stat {
    const node = this.lookup(path);
    const size = node.kind === 'file' ? (node.provider ? node.provider.size ?? 4096 : node.size) : node.kind === 'dir' ? 0 : 0;
    const nlink = node.kind === 'dir' ? 2 + [...node.children.values()].filter((c) => c.kind === 'dir').length : 1;
    const dev = node.kind === 'chr' ? node : { major: 0, minor: 0 };
    return { kind: node.kind, ino: node.ino, mode: node.mode, size, nlink, major: dev.major, minor: dev.minor };
  }

  /** Records a mount (making the mount point if needed), as `mount -t`. */
  mount(source: string, target: string, type: string, options = 'rw,relatime'): void {
    const norm = normalizePath(target);
    if (this.mounts.some((m) => m.target === norm)) throw new FsError(Errno.EBUSY, target);
    if (norm !== '/' ) {
      const node = this.lookup(norm);
      if (node.kind !== 'dir') throw new FsError(Errno.ENOTDIR, target);
    }
    this.mounts.push({ source, target: norm, type, options });
  }

  /** The file system type `path` is on (the longest mount prefix). */
  fsTypeOf(path: string): string {
    const norm = normalizePath(path);
    let best: Mount | undefined;
    for (const m of this.mounts) {
      const under = m.target === '/' || norm === m.target || norm.startsWith(`${m.target}/`);
      if (under && (!best || m.target.length > best.target.length)) best = m;
    }
    return best?.type ?? 'rootfs';
  }

  async open(path: string, flags: OpenFlags): Promise<OpenFile> {
    let node: FsNode;
    try {
      node = this.lookup(path);
    } catch (e) {
      if (!(e instanceof FsError) || e.errno !== Errno.ENOENT || !flags.create) throw e;
      node = this.writeFile(path, new Uint8Array(0), flags.mode ?? 0o644);
    }
    if (node.kind === 'dir') {
      if (flags.write) throw new FsError(Errno.EISDIR, path);
      throw new FsError(Errno.EISDIR, path);
    }
    const mode: OpenMode = { read: !!flags.read, write: !!flags.write };
    if (node.kind === 'chr') {
      const provider = this.devices.get(`${node.major}:${node.minor}`);
      if (!provider) throw new FsError(Errno.ENXIO, path);
      return openProvider(path, provider, mode);
    }
    if (node.provider) {
      if (mode.write && !node.provider.write) throw new FsError(Errno.EACCES, path);
      if (mode.read && !node.provider.read) throw new FsError(Errno.EACCES, path);
      return openProvider(path, node.provider, mode);
    }
    if (flags.truncate) node.size = 0;
    return openRamFile(path, node, !!flags.append);
  }
}

async function openProvider(path: string, shared: FileProvider, mode: OpenMode): Promise<OpenFile> {
  const r = await shared.open?.(mode);
  if (typeof r === 'number' && r < 0) throw new FsError(-r, path);
  const provider = typeof r === 'object' ? r : shared;
  let offset = 0;
  return {
    path,
    async read(count, signal) {
      if (!provider.read) throw new FsError(Errno.EINVAL, path);
      const got = await provider.read(offset, count, signal);
      if (typeof got === 'number') throw new FsError(-got, path);
      offset += got.length;
      return got;
    },
    async write(data, signal) {
      if (!provider.write) throw new FsError(Errno.EINVAL, path);
      const n = await provider.write(data, offset, signal);
      if (n < 0) throw new FsError(-n, path);
      offset += n;
      return n;
    },
    async close() { await provider.release?.(); },
  };
}

function openRamFile(path: string, file: FileNode, append: boolean): OpenFile {
  let offset = 0;
  return {
    path,
    async read(count) {
      const out = file.data.slice(offset, Math.min(file.size, offset + count));
      offset += out.length;
      return out;
    },
    async write(data) {
      if (append) offset = file.size;
      const end = offset + data.length;
      if (end > file.data.length) {
        const grown = new Uint8Array(Math.max(end, file.data.length * 2, 64));
        grown.set(file.data.subarray(0, file.size));
        file.data = grown;
      }
      file.data.set(data, offset);
      offset = end;
      file.size = Math.max(file.size, end);
      return data.length;
    },
    async close() {},
  };
}
