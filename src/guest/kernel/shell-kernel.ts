// The shell's view of the kernel (src/guest/shell/kernel.ts) on the real
// engine: sleeps on virtual time, the kernel log, modules through the module
// manager, the task list for ps and kill, and power.

import type { InterruptSignal } from '../fs/provider.ts';
import type { Kernel, ModuleInfo, ProcessInfo, Utsname } from '../shell/kernel.ts';
import { readModuleElf } from '../module/elf-info.ts';
import { parseModinfo } from '../module/modinfo.ts';
import type { GuestKernel } from './kernel.ts';
import type { ModuleManager } from './modules.ts';

const ENOEXEC = 8, ESRCH = 3;

export class ShellKernel implements Kernel {
  readonly shellPid = 1;
  power: 'on' | 'off' | 'reboot' = 'on';

  constructor(private readonly k: GuestKernel, private readonly modules: ModuleManager) {}

  sleep(ns: bigint, signal: InterruptSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.interrupted) return resolve();
      const cancel = this.k.timers.at(this.k.board.clock.nowNs() + Number(ns), () => { off(); resolve(); });
      const off = signal.onInterrupt(() => { cancel(); resolve(); });
    });
  }

  yield(): Promise<void> {
    return this.k.nextSlice();
  }

  dmesg(): string {
    return this.k.log.dmesg();
  }

  clearLog(): void {
    this.k.log.clear();
  }

  insmod(path: string, image: Uint8Array, params: string[]): Promise<number> {
    const name = path.replace(/^.*\//, '').replace(/\.(ko|o)$/, '').replace(/-/g, '_');
    return this.modules.insmod(name, image, params.join(' '));
  }

  rmmod(name: string): Promise<number> {
    return this.modules.rmmod(name.replace(/\.ko$/, '').replace(/-/g, '_'));
  }

  lsmod(): ModuleInfo[] {
    return [...this.k.modules].reverse().map((m) => ({ name: m.name, size: m.core.size, refcount: m.refcount, usedBy: [...m.usedBy] }));
  }

  modinfo(image: Uint8Array): Array<[string, string]> | number {
    const info = readModuleElf(image);
    if (typeof info === 'string') return -ENOEXEC;
    const sec = info.elf.sections.find((s) => s.name === '.modinfo');
    return sec ? parseModinfo(sec.data).entries : [];
  }

  uname(): Utsname {
    return { sysname: 'Linux', nodename: 'paravirt', release: '6.1.0-paravirt', version: '#1 SMP', machine: 'riscv32' };
  }

  ps(): ProcessInfo[] {
    const out: ProcessInfo[] = [{ pid: 1, user: 'root', state: 'S', command: 'sh' }];
    for (const t of [...this.k.tasks.values()].sort((a, b) => a.pid - b.pid)) {
      if (t.pid === 0) continue;
      out.push({ pid: t.pid, user: 'root', state: t.state === 'running' || t.state === 'runnable' ? 'R' : 'S', command: `[${t.comm}]` });
    }
    return out;
  }

  kill(pid: number): number {
    const t = this.k.tasks.get(pid);
    if (pid === 1) return 0;
    if (!t || pid === 0) return -ESRCH;
    this.k.signal(t);
    return 0;
  }

  poweroff(): void { this.power = 'off'; }
  reboot(): void { this.power = 'reboot'; }
}
