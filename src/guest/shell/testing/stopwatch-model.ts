// The stopwatch driver's user-space files, modelled over the device's
// rules (docs/devices/stopwatch.md) for tests: sysfs parameters that take
// command numbers and timeouts, and the debugfs time text. Time is the fake
// kernel's virtual clock; a timeout fires when the clock passes its deadline.
import { Errno } from '../../fs/errno.ts';
import type { FileProvider } from '../../fs/provider.ts';
import type { Vfs } from '../../fs/vfs.ts';
import type { FakeKernel } from '../fake-kernel.ts';

const NS_PER_CS = 10_000_000n;
const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const dec = (b: Uint8Array) => String.fromCharCode(...b);

/** kstrtouint(val, 0): a number with an optional trailing newline, else -EINVAL. */
function kstrtouint(b: Uint8Array): number {
  const s = dec(b).replace(/\n$/, '');
  return /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(s) ? Number(s.startsWith('0') && !/^0[xX]/.test(s) && s.length > 1 ? parseInt(s, 8) : s) : -Errno.EINVAL;
}

export class StopwatchModel {
  status: 'running' | 'reset' | 'paused' = 'reset';
  private totalNs = 0n;
  private markNs = 0n;
  private deadline: bigint | null = null;
  irqs = 0;
  /** Drop timeout interrupts (a driver bug) to see a test fail. */
  loseInterrupts = false;
  deviceErrors: string[] = [];

  constructor(private readonly kernel: FakeKernel) {
    kernel.onTick = (now) => {
      if (this.deadline !== null && now >= this.deadline) {
        this.deadline = null;
        if (!this.loseInterrupts) this.irqs++;
      }
    };
  }

  private elapsed(): bigint {
    return this.status === 'running' ? this.totalNs + this.kernel.now - this.markNs : this.totalNs;
  }

  private command(action: number): void {
    switch (action) {
      case 0: this.status = 'reset'; this.totalNs = 0n; break;
      case 1:
        if (this.status === 'running') { this.deviceErrors.push('START while RUNNING'); break; }
        this.status = 'running'; this.markNs = this.kernel.now; break;
      case 2: if (this.status === 'running') { this.totalNs = this.elapsed(); this.status = 'paused'; } break;
      default: break;
    }
  }

  statusFile: FileProvider = {
    read: async (offset) => enc(`${{ running: 0, reset: 1, paused: 2 }[this.status]}\n`).subarray(offset),
    write: async (data) => {
      const action = kstrtouint(data);
      if (action < 0 || action > 5) return -Errno.EINVAL;
      this.command(action);
      return data.length;
    },
  };

  timeoutFile: FileProvider = {
    read: async (offset) => enc(`${this.irqs}\n`).subarray(offset),
    write: async (data) => {
      const seconds = kstrtouint(data);
      if (seconds < 1 || seconds > 9) return -Errno.EINVAL;
      this.deadline = this.kernel.now + BigInt(seconds) * 1_000_000_000n;
      return data.length;
    },
  };

  timeFile: FileProvider = {
    read: async (offset, count) => {
      const cs = this.elapsed() / NS_PER_CS;
      return enc(`${cs / 100n}.${String(cs % 100n).padStart(2, '0')} seconds\n`).subarray(offset, offset + count);
    },
  };

  /** Creates the driver's files where the driver would. */
  install(vfs: Vfs): void {
    vfs.addProviderFile('/sys/module/stopwatch/parameters/stopwatch_status', this.statusFile);
    vfs.addProviderFile('/sys/module/stopwatch/parameters/stopwatch_timeout', this.timeoutFile);
    vfs.addProviderFile('/sys/kernel/debug/stopwatch/stopwatch', this.timeFile, 0o444);
  }
}
