// The KernelContext a service call receives: the kernel, seen from the task
// that made the call (`current`). A service's continuation after an await
// keeps using the same object, so it still acts for the right task.

import { MSTATUS_SIE } from '../../machine/cpu/csr.ts';
import type { InterruptSignal } from '../fs/provider.ts';
import type { Vfs } from '../fs/vfs.ts';
import type { GuestRam, KernelContext, LogLevel, TaskInfo } from './api.ts';
import type { GuestKernel } from './kernel.ts';
import { PLIC_ENABLE_CTX1, PLIC_PRIORITY } from './layout.ts';
import type { Task } from './task.ts';

export class TaskContext implements KernelContext {
  constructor(private readonly kernel: GuestKernel, readonly current: Task) {}

  get ram(): GuestRam { return this.kernel.ram; }
  get vfs(): Vfs { return this.kernel.vfs; }
  get hz(): number { return this.kernel.hz; }
  get dtbAddr(): number { return this.kernel.dtbAddr; }

  kmalloc(size: number, align = 8): number {
    return this.kernel.heap.allocate(Math.max(1, size), Math.max(8, align)) ?? 0;
  }

  kfree(addr: number): void {
    if (addr) this.kernel.heap.free(addr >>> 0);
  }

  ksize(addr: number): number {
    return this.kernel.heapBlockSize(addr >>> 0);
  }

  nowNs(): bigint { return this.kernel.nowNs(); }
  jiffies(): number { return this.kernel.jiffies(); }

  at(atNs: bigint, fn: () => void): () => void {
    return this.kernel.timers.at(Number(atNs), fn);
  }

  callGuest(fn: number, ...args: number[]): Promise<number> {
    return this.kernel.callGuest(this.current, fn >>> 0, args);
  }

  callGuestFromUser(signal: InterruptSignal | undefined, fn: number, ...args: number[]): Promise<number> {
    const task = this.kernel.spawn(this.kernel.userComm, fn >>> 0, args);
    const off = signal?.onInterrupt(() => this.kernel.signal(task));
    return task.done.finally(() => off?.());
  }

  spawn(comm: string, fn: number, args: number[]): TaskInfo & { done: Promise<number> } {
    return this.kernel.spawn(comm, fn >>> 0, args);
  }

  block(): Promise<void> {
    const task = this.current;
    if (task.wokenEarly) {
      task.wokenEarly = false;
      return Promise.resolve();
    }
    this.kernel.park(task);
    return new Promise<void>((resolve) => { task.blockResolve = resolve; });
  }

  wake(info: TaskInfo): void {
    const task = this.kernel.tasks.get(info.pid);
    if (!task) return;
    const r = task.blockResolve;
    if (r) {
      task.blockResolve = null;
      r();
    } else task.wokenEarly = true;
  }

  printk(level: LogLevel, text: string): void {
    this.kernel.log.write(level, text);
  }

  /** The return address of the service call (the driver's ra), for WARN and KASAN lines. */
  callerAddress(): number {
    const k = this.kernel, task = this.current;
    return (k.live === task ? k.cpu.x[1] : task.ctx.x[1]) >>> 0;
  }

  symbolize(addr: number): string {
    return this.kernel.faults.symbolize(addr);
  }

  symbolAddress(name: string): number {
    return this.kernel.serviceWindow.lookup(name)?.address ?? 0;
  }

  irqSave(): number {
    const k = this.kernel, task = this.current;
    if (k.live === task) {
      const was = k.cpu.csr.mstatus & MSTATUS_SIE;
      k.cpu.csr.mstatus &= ~MSTATUS_SIE;
      return was;
    }
    const was = task.ctx.csrs.sstatus & MSTATUS_SIE;
    task.ctx.csrs.sstatus &= ~MSTATUS_SIE;
    return was;
  }

  irqRestore(flags: number): void {
    const k = this.kernel, task = this.current;
    const bit = flags & MSTATUS_SIE;
    if (k.live === task) k.cpu.csr.mstatus = (k.cpu.csr.mstatus & ~MSTATUS_SIE) | bit;
    else task.ctx.csrs.sstatus = (task.ctx.csrs.sstatus & ~MSTATUS_SIE) | bit;
  }

  setIrqEnabled(hwirq: number, enabled: boolean): void {
    const bus = this.kernel.board.bus;
    const reg = PLIC_ENABLE_CTX1 + 4 * (hwirq >>> 5);
    const bit = 1 << (hwirq & 31);
    const old = bus.read(reg, 4);
    if (enabled) bus.write(PLIC_PRIORITY + 4 * hwirq, 1, 4);
    bus.write(reg, enabled ? old | bit : old & ~bit, 4);
  }

  state<T>(key: string, make: () => T): T {
    return this.kernel.state(key, make);
  }
}
