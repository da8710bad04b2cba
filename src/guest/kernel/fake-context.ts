// A KernelContext without a CPU, for the services' unit tests: guest RAM is
// a byte array (the engine's BoardRam without a bus), the heap a first-fit allocator over part of it, time moves
// only when the test says so, and "guest functions" are TypeScript functions
// registered at made-up addresses. The real engine runs the same services
// with driver code on the vCPU (the guest kernel's own tests cover that).

import { createRootFs } from '../fs/rootfs.ts';
import type { Vfs } from '../fs/vfs.ts';
import { FirstFitHeap } from '../mm/heap.ts';
import { GuestFault, type CallArgs, type GuestRam, type KernelContext, type LogLevel, type TaskInfo, type VarArgs } from './api.ts';
import { BoardRam } from './board-ram.ts';

export const FAKE_RAM_BASE = 0x8000_0000;

type FakeGuestFn = (k: FakeKernelContext, ...args: number[]) => number | Promise<number>;

/** Arguments for calling a service directly in a test: word slots, 64-bit values as two slots. */
export function fakeArgs(ram: GuestRam, slots: number[], stackAddr = 0): CallArgs {
  const slot = (i: number) => (i < slots.length ? slots[i] >>> 0 : stackAddr ? ram.u32(stackAddr + 4 * (i - slots.length)) : 0);
  const pair = (i: number) => (BigInt(slot(i + 1)) << 32n) | BigInt(slot(i));
  return {
    u32: slot,
    i32: (i) => slot(i) | 0,
    u64: pair,
    i64: (i) => BigInt.asIntN(64, pair(i)),
    varargs(first) {
      let i = first;
      const next64 = () => { if (i % 2) i++; const v = pair(i); i += 2; return v; };
      const va: VarArgs = { u32: () => slot(i++), i32: () => slot(i++) | 0, u64: next64, i64: () => BigInt.asIntN(64, next64()) };
      return va;
    },
  };
}

function fakeTask(pid: number, comm: string): TaskInfo {
  return { pid, comm, taskStruct: 0, signalPending: false, onSignal: () => () => {} };
}

export class FakeKernelContext implements KernelContext {
  readonly ram: BoardRam;
  readonly vfs: Vfs = createRootFs();
  readonly hz = 250;
  readonly log: Array<{ level: LogLevel; text: string }> = [];
  current: TaskInfo = fakeTask(1, 'sh');
  readonly dtbAddr = 0;
  /** PLIC sources the services enabled (setIrqEnabled). */
  readonly enabledIrqs = new Set<number>();
  sieEnabled = true;
  private now = 0n;
  private readonly heap: FirstFitHeap;
  readonly ramSize: number;
  private readonly timers: Array<{ at: bigint; fn: () => void; live: boolean }> = [];
  private readonly guestFns = new Map<number, FakeGuestFn>();
  private readonly symbols = new Map<number, string>();
  private readonly states = new Map<string, unknown>();
  private nextFn = 0x7f00_0000;
  private nextPid = 100;

  constructor(ramSize = 4 << 20) {
    this.ram = new BoardRam(FAKE_RAM_BASE, new Uint8Array(ramSize));
    this.ramSize = ramSize;
    this.heap = new FirstFitHeap(FAKE_RAM_BASE + 0x1000, ramSize - 0x1000);
  }

  /** Registers a "guest function" and returns its address. */
  defineGuestFunction(name: string, fn: FakeGuestFn): number {
    const addr = (this.nextFn += 0x100);
    this.guestFns.set(addr, fn);
    this.symbols.set(addr, name);
    return addr;
  }

  kmalloc(size: number, align = 8) { return this.heap.allocate(size, align) ?? 0; }
  kfree(addr: number) { if (addr) this.heap.free(addr); }
  ksize(_addr: number) { return 0; }
  nowNs() { return this.now; }
  jiffies() { return Number((this.now * BigInt(this.hz)) / 1_000_000_000n) >>> 0; }
  at(atNs: bigint, fn: () => void) {
    const t = { at: atNs, fn, live: true };
    this.timers.push(t);
    return () => { t.live = false; };
  }
  /** Moves virtual time on, running the timers that come due in order. */
  advance(ns: bigint): void {
    const end = this.now + ns;
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= end).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0];
      if (!due) break;
      due.live = false;
      this.now = due.at > this.now ? due.at : this.now;
      due.fn();
    }
    this.now = end;
  }
  async callGuest(fn: number, ...args: number[]): Promise<number> {
    const f = this.guestFns.get(fn >>> 0);
    if (!f) throw new GuestFault(fn, 'load', 4);
    return (await f(this, ...args)) | 0;
  }
  callGuestFromUser(_signal: unknown, fn: number, ...args: number[]): Promise<number> {
    return this.callGuest(fn, ...args);
  }
  spawn(comm: string, fn: number, args: number[]) {
    return { ...fakeTask(this.nextPid++, comm), done: this.callGuest(fn, ...args) };
  }
  private wakers = new Map<number, () => void>();
  private woken = new Set<number>();
  block(): Promise<void> {
    const pid = this.current.pid;
    if (this.woken.delete(pid)) return Promise.resolve();
    return new Promise((resolve) => this.wakers.set(pid, resolve));
  }
  wake(task: TaskInfo) {
    const w = this.wakers.get(task.pid);
    if (w) { this.wakers.delete(task.pid); w(); } else this.woken.add(task.pid);
  }
  setIrqEnabled(hwirq: number, enabled: boolean) {
    if (enabled) this.enabledIrqs.add(hwirq); else this.enabledIrqs.delete(hwirq);
  }
  printk(level: LogLevel, text: string) { this.log.push({ level, text }); }
  symbolize(addr: number) { return this.symbols.get(addr >>> 0) ?? `0x${(addr >>> 0).toString(16)}`; }
  symbolAddress(_name: string) { return 0; }
  irqSave() { const was = this.sieEnabled ? 2 : 0; this.sieEnabled = false; return was; }
  irqRestore(flags: number) { this.sieEnabled = (flags & 2) !== 0; }
  state<T>(key: string, make: () => T): T {
    if (!this.states.has(key)) this.states.set(key, make());
    return this.states.get(key) as T;
  }
}
