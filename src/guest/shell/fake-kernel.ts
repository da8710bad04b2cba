// A stand-in kernel for the shell's tests and for running the shell without
// a machine: a virtual clock that `sleep` advances at once, a log, and a
// module list. Nothing here touches the emulated hart.
import { Errno } from '../fs/errno.ts';
import type { InterruptSignal } from '../fs/provider.ts';
import type { Kernel, ModuleInfo, ProcessInfo, Utsname } from './kernel.ts';

export class FakeKernel implements Kernel {
  /** Virtual time in nanoseconds. */
  now = 0n;
  log: string[] = [];
  modules: ModuleInfo[] = [];
  powered: 'on' | 'off' | 'rebooting' = 'on';
  readonly shellPid = 1;
  /** Called when virtual time moves (a device model's timers). */
  onTick: ((now: bigint) => void) | null = null;

  /** `turn` lets the host run (a test passes a timer, so a Ctrl-C can arrive). */
  constructor(private readonly turn: () => Promise<void> = () => Promise.resolve()) {}

  async sleep(ns: bigint, signal: InterruptSignal): Promise<void> {
    if (signal.interrupted) return;
    this.now += ns;
    this.onTick?.(this.now);
    await this.turn();
  }

  yield(): Promise<void> {
    return this.turn();
  }

  dmesg(): string {
    return this.log.map((l) => `${l}\n`).join('');
  }

  clearLog(): void {
    this.log = [];
  }

  async insmod(path: string, image: Uint8Array, params: string[]): Promise<number> {
    const name = path.replace(/^.*\//, '').replace(/\.ko$/, '');
    if (image.length < 4 || image[0] !== 0x7f) return -Errno.ENOEXEC;
    if (this.modules.some((m) => m.name === name)) return -Errno.EEXIST;
    this.modules.push({ name, size: image.length, refcount: 0, usedBy: [] });
    this.log.push(`[    0.000000] ${name}: loaded${params.length ? ` (${params.join(' ')})` : ''}`);
    return 0;
  }

  async rmmod(name: string): Promise<number> {
    const i = this.modules.findIndex((m) => m.name === name);
    if (i < 0) return -Errno.ENOENT;
    this.modules.splice(i, 1);
    return 0;
  }

  lsmod(): ModuleInfo[] {
    return this.modules;
  }

  modinfo(image: Uint8Array): Array<[string, string]> | number {
    return image[0] === 0x7f ? [['license', 'GPL']] : -Errno.ENOEXEC;
  }

  uname(): Utsname {
    return { sysname: 'Linux', nodename: 'paravirt', release: '6.1.0', version: '#1', machine: 'riscv32' };
  }

  ps(): ProcessInfo[] {
    return [{ pid: 1, user: 'root', state: 'S', command: 'sh' }];
  }

  kill(pid: number): number {
    return pid === 1 ? 0 : -Errno.ESRCH;
  }

  poweroff(): void { this.powered = 'off'; }
  reboot(): void { this.powered = 'rebooting'; }
}
