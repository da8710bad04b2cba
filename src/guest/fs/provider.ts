// What the VFS asks of a file whose contents live elsewhere: a sysfs or
// procfs attribute, a debugfs file or a character device. The kernel
// implements these with calls into guest driver code, which may take virtual
// time; errors are negative Linux errno values, as a driver returns them.

/** A stop request for a blocking operation (Ctrl-C on the foreground job). */
export interface InterruptSignal {
  readonly interrupted: boolean;
  /** Calls `listener` once when the job is interrupted; returns an unsubscribe. */
  onInterrupt(listener: () => void): () => void;
}

export interface OpenMode {
  read: boolean;
  write: boolean;
}

export interface FileProvider {
  /** Called at each open; a negative errno refuses it. A provider whose opens
   * each need their own state (a driver's struct file) returns a provider for
   * this open: its read/write/release then serve it. */
  open?(mode: OpenMode): Promise<number | void | FileProvider> | number | void | FileProvider;
  /** Up to `count` bytes from `offset`; an empty array is end of file. */
  read?(offset: number, count: number, signal?: InterruptSignal): Promise<Uint8Array | number>;
  /** Bytes written (all of them, for a sysfs store), or a negative errno. */
  write?(data: Uint8Array, offset: number, signal?: InterruptSignal): Promise<number>;
  /** Called at the last close of an open. */
  release?(): Promise<void> | void;
  /** The size `ls -l` and `stat` show (sysfs shows 4096, procfs 0). */
  size?: number;
}

/** A provider that serves fixed text and refuses writes with EACCES at open. */
export function textProvider(text: () => string | Promise<string>): FileProvider {
  let cached = new Uint8Array(0);
  return {
    async read(offset, count) {
      if (offset === 0) {
        const t = await text();
        cached = Uint8Array.from(t, (c) => c.charCodeAt(0) & 0xff);
      }
      return cached.subarray(offset, offset + count);
    },
  };
}
