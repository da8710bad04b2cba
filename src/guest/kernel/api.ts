// What a kernel service sees of the kernel. A kernel service is the
// TypeScript body of one Linux symbol (printk, kmalloc, request_irq, ...):
// a driver's call to the symbol lands on an address in the kernel-service
// window, the run loop stops there and calls the service with the caller's
// argument registers, writes the value it returns into a0 (a1:a0 for 64
// bits) and goes on at the caller's ra.
//
// A service that has to wait (a completion, msleep, a nested call into the
// driver such as a probe) returns a Promise: the calling task sleeps until
// it settles, and the scheduler runs the others. The kernel engine
// (src/guest/kernel/*.ts) implements KernelContext; the services live in
// src/guest/kernel/services/, one file per Linux subsystem.

import type { InterruptSignal } from '../fs/provider.ts';
import type { Vfs } from '../fs/vfs.ts';

/** A service's result: a0, a1:a0 for a 64-bit value, or nothing for void. */
export type ServiceValue = number | bigint | void;

export type Service = (k: KernelContext, args: CallArgs) => ServiceValue | Promise<ServiceValue>;

/** A kernel variable a driver reads or writes in guest RAM (jiffies, system_wq, param_ops_int). */
export interface KernelVariable {
  size: number;
  align?: number;
  /** Fills the variable's initial bytes once it has an address. */
  init?(k: KernelContext, addr: number): void;
}

/** One file of services: the symbols it exports, as Linux names them. */
export interface ServiceModule {
  services: Record<string, Service>;
  variables?: Record<string, KernelVariable>;
  /** Symbols exported with EXPORT_SYMBOL_GPL. */
  gplOnly?: readonly string[];
  /** Runs once at boot, after the kernel's memory is set up, before any driver. */
  boot?(k: KernelContext): void | Promise<void>;
  /** The interrupt controller's dispatch: the trap entry has claimed `hwirq` from the
   * PLIC and completes it when this returns. The engine calls the first module that has it. */
  irq?(k: KernelContext, hwirq: number): void | Promise<void>;
}

/** A service's arguments as the ilp32 calling convention passes them:
 * a0..a7, then the caller's stack. Slot i is argument register i. */
export interface CallArgs {
  u32(i: number): number;
  i32(i: number): number;
  /** A 64-bit argument starting at slot i (ilp32: a register pair; the caller counts slots). */
  u64(i: number): bigint;
  i64(i: number): bigint;
  /** The variadic arguments from slot `first` on (printk's ...). */
  varargs(first: number): VarArgs;
}

/** A walk through variadic arguments: from a call's registers and stack, or
 * from a va_list (ilp32 gcc: a pointer into memory). A 64-bit value takes an
 * aligned pair of slots, as gcc passes it. */
export interface VarArgs {
  u32(): number;
  i32(): number;
  u64(): bigint;
  i64(): bigint;
}

/** A guest address the kernel cannot read or write (NULL, unmapped, outside RAM):
 * the engine turns it into an Oops of the calling task, as Linux would. */
export class GuestFault extends Error {
  override name = 'GuestFault';
  constructor(readonly addr: number, readonly access: 'load' | 'store', readonly size: number) {
    super(`unable to handle kernel ${access === 'load' ? 'paging request' : 'write'} at virtual address ${(addr >>> 0).toString(16).padStart(8, '0')}`);
  }
}

/** Guest RAM by physical address, little-endian. A bad address throws GuestFault. */
export interface GuestRam {
  u8(addr: number): number;
  u16(addr: number): number;
  u32(addr: number): number;
  i32(addr: number): number;
  u64(addr: number): bigint;
  setU8(addr: number, v: number): void;
  setU16(addr: number, v: number): void;
  setU32(addr: number, v: number): void;
  setU64(addr: number, v: bigint): void;
  bytes(addr: number, length: number): Uint8Array;
  setBytes(addr: number, bytes: Uint8Array): void;
  fill(addr: number, value: number, length: number): void;
  /** The NUL-terminated string at addr (at most `max` bytes), as Latin-1. */
  cString(addr: number, max?: number): string;
  /** Writes `text` and a NUL. */
  setCString(addr: number, text: string): void;
}

/** A kernel task: a guest call in progress with its own stack and saved registers. */
export interface TaskInfo {
  readonly pid: number;
  readonly comm: string;
  /** Its struct task_struct in guest RAM (what tp holds while it runs). */
  readonly taskStruct: number;
  /** A signal (Ctrl-C, kill) is waiting for the task: interruptible waits end with -ERESTARTSYS. */
  readonly signalPending: boolean;
  /** Calls `listener` once when a signal arrives for the task; returns an unsubscribe. */
  onSignal(listener: () => void): () => void;
}

/** printk's levels (KERN_EMERG = 0 ... KERN_DEBUG = 7). */
export type LogLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface KernelContext {
  readonly ram: GuestRam;
  /** kmalloc's heap in guest RAM: 0 when out of memory. */
  kmalloc(size: number, align?: number): number;
  kfree(addr: number): void;
  /** The size kmalloc gave out at addr, or 0 if addr is not a kmalloc block. */
  ksize(addr: number): number;

  /** Virtual time since power-on, in ns (1 instruction = 1 ns). */
  nowNs(): bigint;
  readonly hz: number;
  jiffies(): number;
  /** Calls `fn` at virtual time `atNs` on the kernel's own time (not on a task): returns a cancel. */
  at(atNs: bigint, fn: () => void): () => void;

  /** The task that called the service. */
  readonly current: TaskInfo;
  /** Calls the guest function at `fn` with up to 8 word arguments on the current
   * task's stack (probe, an fops->read, an IRQ handler), resolving with its a0.
   * Rejects with TaskAborted if the call faults or locks up. */
  callGuest(fn: number, ...args: number[]): Promise<number>;
  /** As callGuest, for a shell command's request on a driver's file (open, read,
   * write, release, ioctl): runs on a kernel task of the calling process, and
   * Ctrl-C on `signal` is a signal for that task. */
  callGuestFromUser(signal: InterruptSignal | undefined, fn: number, ...args: number[]): Promise<number>;
  /** Starts a kernel task (kthread, kworker) that runs guest `fn(args)` and ends when it returns. */
  spawn(comm: string, fn: number, args: number[]): TaskInfo & { done: Promise<number> };
  /** Sleeps the current task until wake(task) (schedule() after prepare_to_wait);
   * returns at once if a wake came since its last block(). */
  block(): Promise<void>;
  /** Makes a task blocked in block() runnable again (wake_up_process). */
  wake(task: TaskInfo): void;

  /** Adds a line to the kernel log (dmesg) and, under the console level, to the console. */
  printk(level: LogLevel, text: string): void;
  /** The symbol for a code address ("stopwatch_read+0x1c/0x60 [stopwatch]"), or its hex. */
  symbolize(addr: number): string;
  /** The kernel's address for a symbol a service needs (its own variables), or 0. */
  symbolAddress(name: string): number;

  /** Masks S-mode interrupts (sstatus.SIE) and returns the old flags, as local_irq_save. */
  irqSave(): number;
  irqRestore(flags: number): void;
  /** Enables or disables a PLIC source for the kernel's context (S-mode, context 1),
   * by MMIO to the PLIC as Linux's irq chip does; enabling also gives it priority 1. */
  setIrqEnabled(hwirq: number, enabled: boolean): void;
  /** Where the boot ROM left the flattened device tree (a1 at entry). */
  readonly dtbAddr: number;

  readonly vfs: Vfs;
  /** Shared state between service files (the IRQ table, the platform bus, debugfs ...),
   * created on first use by `make` and kept for the life of the kernel. */
  state<T>(key: string, make: () => T): T;
}

/** A guest call that will not return: it faulted (Oops), locked up, or was killed. */
export class TaskAborted extends Error {
  override name = 'TaskAborted';
  constructor(readonly why: 'oops' | 'lockup' | 'killed', message: string) {
    super(message);
  }
}
