// The guest's file system at boot: a ramfs root with the mounts a small
// busybox system has (proc, sysfs, debugfs, devtmpfs, tmpfs on /tmp), the
// memory character devices (/dev/null 1:3, /dev/zero 1:5, as Linux numbers
// them) and the stopwatch scripts in /guest_fs.
import { STOPWATCH_CTRL_SH, STOPWATCH_TEST_SH } from './stopwatch-scripts.ts';
import type { FileProvider } from './provider.ts';
import { Vfs } from './vfs.ts';

/** /dev/null: reads end at once, writes vanish. */
export const devNull: FileProvider = {
  async read() { return new Uint8Array(0); },
  async write(data) { return data.length; },
};

/** /dev/zero: an endless run of zero bytes; writes vanish. */
export const devZero: FileProvider = {
  async read(_offset, count) { return new Uint8Array(Math.min(count, 65536)); },
  async write(data) { return data.length; },
};

export interface RootFsOptions {
  /** Extra RAM files: absolute path → contents (a byte string). */
  files?: Record<string, string>;
}

export function createRootFs(options: RootFsOptions = {}): Vfs {
  const vfs = new Vfs();
  for (const dir of ['/bin', '/dev', '/etc', '/proc', '/sys', '/sys/kernel', '/sys/kernel/debug', '/sys/module', '/tmp', '/root', '/guest_fs']) {
    vfs.mkdirp(dir);
  }
  vfs.mount('rootfs', '/', 'rootfs', 'rw');
  vfs.mount('devtmpfs', '/dev', 'devtmpfs', 'rw,relatime,mode=755');
  vfs.mount('proc', '/proc', 'proc', 'rw,relatime');
  vfs.mount('sysfs', '/sys', 'sysfs', 'rw,relatime');
  vfs.mount('debugfs', '/sys/kernel/debug', 'debugfs', 'rw,relatime');
  vfs.mount('tmpfs', '/tmp', 'tmpfs', 'rw,relatime');
  vfs.mknod('/dev/null', 1, 3);
  vfs.mknod('/dev/zero', 1, 5);
  vfs.registerCharDevice(1, 3, devNull);
  vfs.registerCharDevice(1, 5, devZero);
  vfs.writeFile('/guest_fs/stopwatch_ctrl.sh', STOPWATCH_CTRL_SH, 0o755);
  vfs.writeFile('/guest_fs/stopwatch_test.sh', STOPWATCH_TEST_SH, 0o755);
  for (const [path, text] of Object.entries(options.files ?? {})) {
    vfs.mkdirp(path.slice(0, path.lastIndexOf('/')) || '/');
    vfs.writeFile(path, text);
  }
  return vfs;
}
