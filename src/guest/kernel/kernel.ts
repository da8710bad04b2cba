// The guest kernel's engine: driver code runs as real RV32 in S-mode on the
// board's hart, kernel services run in TypeScript when the hart fetches from
// their slot in the service table. Every guest call is a task with its own
// kernel stack; a service that waits parks its task and the scheduler puts
// another on the hart (or the idle task's wfi loop, so interrupts come in).
// Non-preemptive, as a Linux kernel without CONFIG_PREEMPT: a task keeps the
// hart until it sleeps, returns or faults. Time is the board's virtual clock.

import type { WatchHit } from '../../protocol/watchpoints.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import type { VirtBoard } from '../../machine/board.ts';
import type { Cpu } from '../../machine/cpu/cpu.ts';
import { MSTATUS_SIE } from '../../machine/cpu/csr.ts';
import { FirstFitHeap } from '../mm/heap.ts';
import type { Vfs } from '../fs/vfs.ts';
import { GuestFault, TaskAborted, type KernelContext, type ServiceModule, type ServiceValue } from './api.ts';
import { BoardRam } from './board-ram.ts';
import { callArgs } from './call-args.ts';
import { kernelImage, type KernelImage } from './entry.ts';
import { KernelLog } from './log.ts';
import { callSite, traceGuestCall, traceServiceCall } from './kernel-trace.ts';
import {
  EXCEPTION_SLOT, PLIC_CLAIM_CTX1, PLIC_ENABLE_CTX1, HEAP_BASE, HEAP_END_MARGIN, IRQ_SLOT, MODULE_AREA, MODULE_AREA_SIZE, MTRAP_SLOT, RET_SLOT,
  STACK_GUARD, START_KERNEL_SLOT, TASK_EXIT_SLOT, THREAD_SIZE, WINDOW_BASE,
} from './layout.ts';
import { copyContext, Task, TASK_STRUCT, TIF_SIGPENDING, type CpuContext } from './task.ts';
import { ServiceWindow } from './service-table.ts';
import { TaskContext } from './context.ts';
import { KernelTimers } from './timers.ts';
import { Faults } from './faults.ts';
import type { Module } from '../module/module.ts';
import { ENGINE_STATE } from './services/engine.ts';
import { useModuleRefs, type ModuleRefs } from './services/module-refs.ts';
import { addProcFiles, KERNEL_VERSION } from './proc-files.ts';
import { bootBannerLines } from './boot-banner.ts';
import { readFdtFromRam } from '../of/fdt.ts';

/** sstatus bits a task owns. */
const SSTATUS_TASK_BITS = (1 << 1) | (1 << 5) | (1 << 8) | (1 << 18) | (1 << 19);
/** Instructions a task may run before the engine looks at its stack and the watchdog. */
const TASK_SLICE = 16_384;
/** Instructions the idle task runs per slice (it usually waits in wfi anyway). */
const IDLE_SLICE = 4_000_000;

export interface KernelOptions {
  vfs: Vfs;
  services: readonly ServiceModule[];
  /** A task that keeps the hart this long without sleeping is a soft lockup (virtual ns). */
  softLockupNs?: number;
}

export type SliceResult =
  | { kind: 'ran'; insns: number }
  /** Nothing to run until `wakeAtNs` (Infinity: until the host does something). */
  | { kind: 'idle'; insns: number; wakeAtNs: number }
  | { kind: 'halted'; insns: number; why: string }
  /** The hart stopped before an instruction with a breakpoint (in any guest call). */
  | { kind: 'breakpoint'; insns: number; pc: number }
  /** A data watchpoint: the access was made (a debugger shows it; a plain run goes on). */
  | { kind: 'watchpoint'; insns: number; hit: WatchHit };

export class GuestKernel {
  readonly cpu: Cpu;
  readonly ram: BoardRam;
  readonly log: KernelLog;
  readonly serviceWindow: ServiceWindow;
  readonly image: KernelImage;
  readonly heap: FirstFitHeap;
  readonly moduleHeap: FirstFitHeap;
  readonly timers: KernelTimers;
  readonly faults: Faults;
  readonly hz = 100;
  readonly softLockupNs: number;
  readonly tasks = new Map<number, Task>();
  private readonly runQueue: Task[] = [];
  /** The task whose registers are on the hart (null: nobody's, the hart must not run). */
  live: Task | null = null;
  idle!: Task;
  booted = false;
  dtbAddr = 0;
  /** Loaded modules, in load order. */
  readonly modules: Module[] = [];
  /** The kernel's taint letters (O, P, D, L, ...). */
  readonly taints = new Set<string>();
  /** The name a user request's task gets (the shell command being run). */
  userComm = 'sh';
  private nextPid = 2;
  /** The service call being executed right now: its task and where it returns. */
  private inService: { task: Task; ra: number } | null = null;
  /** The IRQ table's dispatch is on the stack: a guest call now is to an interrupt handler (traced as such). */
  private dispatchingIrq = false;
  private readonly states = new Map<string, unknown>();
  private halted: string | null = null;
  /** The hart is running (board.run is on the stack): a park must end the slice. */
  private inSlice = false;
  /** The last slice settled something the host's event loop must run (a park, a timer, a task's end). */
  hostWork = false;
  private readonly bootWaiters: Array<() => void> = [];
  private readonly yieldWaiters: Array<() => void> = [];
  private bootDone = false;

  constructor(readonly board: VirtBoard, readonly opts: KernelOptions) {
    this.cpu = board.cpu;
    this.ram = new BoardRam(board.cpu.ramBase >>> 0, board.ram.bytes, board.bus);
    this.log = new KernelLog(() => this.nowNs());
    this.log.onRecord = (text) => { if (board.tracer.enabled) board.tracer.emit({ kind: 'printk', text }); };
    this.serviceWindow = new ServiceWindow(opts.services);
    this.image = kernelImage();
    const ramEnd = (board.cpu.ramBase >>> 0) + board.cpu.ramSize;
    this.heap = new FirstFitHeap(HEAP_BASE, ramEnd - HEAP_END_MARGIN - HEAP_BASE);
    this.moduleHeap = new FirstFitHeap(MODULE_AREA, MODULE_AREA_SIZE);
    this.timers = new KernelTimers(board, () => {
      this.hostWork = true;
      if (this.inSlice) board.yieldToHost();
    });
    this.faults = new Faults(this);
    this.softLockupNs = opts.softLockupNs ?? 2_000_000_000;
    this.states.set(ENGINE_STATE, this);
    board.loadElf(this.image.elf, 'the guest kernel');
    this.ram.attach(board.ram.bytes);
    this.cpu.onUnmappedFetch = (pc) => this.serviceFetch(pc);
  }

  get vfs(): Vfs {
    return this.opts.vfs;
  }

  nowNs(): bigint {
    return BigInt(Math.floor(this.board.clock.nowNs()));
  }

  jiffies(): number {
    return Math.floor((this.board.clock.nowNs() * this.hz) / 1e9) >>> 0;
  }

  state<T>(key: string, make: () => T): T {
    if (!this.states.has(key)) this.states.set(key, make());
    return this.states.get(key) as T;
  }

  /** Resolves once start_kernel has run every service file's boot step. */
  whenBooted(): Promise<void> {
    return this.bootDone ? Promise.resolve() : new Promise((r) => this.bootWaiters.push(r));
  }

  /** Resolves after the next slice (the shell's "let the machine run a little"). */
  nextSlice(): Promise<void> {
    return new Promise((r) => this.yieldWaiters.push(r));
  }

  get hasRunnable(): boolean {
    return this.runQueue.length > 0;
  }

  // ---- the run loop ----

  /** Runs the hart for at most `maxInsns` instructions on the current task (or the next one). */
  runSlice(maxInsns: number): SliceResult {
    if (this.halted) return { kind: 'halted', insns: 0, why: this.halted };
    this.hostWork = this.yieldWaiters.length > 0;
    if (!this.booted) return this.runBoot(maxInsns);
    this.schedule();
    this.timers.syncJiffies(this);
    if (!this.live) return this.idleResult(0);
    const live = this.live;
    const budget = Math.min(maxInsns, live === this.idle && this.idleInLoop() ? IDLE_SLICE : TASK_SLICE);
    this.inSlice = true;
    const stop = this.board.run(budget, { idle: 'return' });
    this.inSlice = false;
    this.timers.syncJiffies(this);
    for (const w of this.yieldWaiters.splice(0)) w();
    if (stop.reason === 'poweroff' || stop.reason === 'reset' || stop.reason === 'device-error') {
      this.halted = stop.reason === 'device-error' ? `${stop.device}: ${stop.message}` : stop.reason;
      return { kind: 'halted', insns: stop.insns, why: this.halted };
    }
    if (stop.reason === 'breakpoint') return { kind: 'breakpoint', insns: stop.insns, pc: stop.pc };
    if (stop.reason === 'watchpoint') return { kind: 'watchpoint', insns: stop.insns, hit: stop.hit };
    if (this.live && this.live.state === 'running') this.faults.watch(this.live);
    if (stop.reason === 'wfi' && !this.hasRunnable) return this.idleResult(stop.insns);
    return { kind: 'ran', insns: stop.insns };
  }

  /** From the boot ROM through the entry code to start_kernel. */
  private runBoot(maxInsns: number): SliceResult {
    const stop = this.board.run(Math.min(maxInsns, 10_000), { idle: 'return' });
    if (stop.reason !== 'budget' && stop.reason !== 'wfi' && !this.booted) {
      this.halted = `the kernel did not boot (${stop.reason})`;
      return { kind: 'halted', insns: stop.insns, why: this.halted };
    }
    return { kind: 'ran', insns: stop.insns };
  }

  private idleResult(insns: number): SliceResult {
    return { kind: 'idle', insns, wakeAtNs: this.board.clock.nextDeadlineNs() };
  }

  /** Fast-forward: nothing runs until the next timer, so virtual time jumps there. */
  skipTo(ns: number): void {
    this.board.idleUntil(ns);
  }

  /** Whether the idle task is in its wfi loop (not in an interrupt), so it may give the hart away. */
  private idleInLoop(): boolean {
    const pc = this.cpu.pc;
    return pc >= this.image.symbols.get('idle_loop')! && pc < this.image.symbols.get('idle_loop_end')!;
  }

  /** Puts the next runnable task on the hart if the hart is free (nobody's, or idle in its loop). */
  private schedule(): void {
    if (this.live && !(this.live === this.idle && this.idleInLoop())) return;
    const next = this.runQueue.shift() ?? (this.live ? undefined : this.idleIfFree());
    if (!next) return;
    if (this.live) this.putOff(this.live, 'runnable', false);
    this.putOn(next);
  }

  private idleIfFree(): Task | undefined {
    return this.idle && this.idle.state === 'runnable' ? this.idle : undefined;
  }

  /** Loads a task's registers onto the hart. */
  private putOn(task: Task): void {
    const cpu = this.cpu, c = task.ctx;
    cpu.x.set(c.x);
    cpu.pc = c.pc;
    cpu.priv = 1;
    const csr = cpu.csr;
    csr.mstatus = (csr.mstatus & ~SSTATUS_TASK_BITS) | (c.csrs.sstatus & SSTATUS_TASK_BITS);
    csr.sepc = c.csrs.sepc;
    csr.scause = c.csrs.scause;
    csr.stval = c.csrs.stval;
    csr.sscratch = c.csrs.sscratch;
    task.state = 'running';
    task.onCpuSinceNs = this.board.clock.nowNs();
    this.live = task;
    this.board.leaveWfi();
  }

  /** Saves the hart's registers into `task` (pc = where it goes on) and frees the hart. */
  private putOff(task: Task, state: Task['state'], queue: boolean, pc = this.cpu.pc): void {
    const cpu = this.cpu, c = task.ctx, csr = cpu.csr;
    c.x.set(cpu.x);
    c.pc = pc;
    c.csrs = { sstatus: csr.mstatus & SSTATUS_TASK_BITS, sepc: csr.sepc, scause: csr.scause, stval: csr.stval, sscratch: csr.sscratch };
    task.state = state;
    if (queue) this.runQueue.push(task);
    if (this.live === task) {
      this.live = null;
      csr.mstatus &= ~MSTATUS_SIE; // nobody's registers: no interrupt may land on them
      if (this.inSlice) this.board.yieldToHost();
    }
    this.hostWork = true;
  }

  makeRunnable(task: Task): void {
    if (task.state === 'dead' || task.state === 'running' || task.state === 'runnable') return;
    task.state = 'runnable';
    if (task === this.idle) return; // idle runs whenever nothing else does
    this.runQueue.push(task);
  }

  // ---- fetches from the service window ----

  private serviceFetch(pc: number): boolean {
    if (pc < WINDOW_BASE) return false;
    const task = this.live;
    if (pc === START_KERNEL_SLOT && !this.booted) return this.startKernel();
    if (pc === MTRAP_SLOT) return this.faults.machineTrap();
    if (!task) return false;
    switch (pc) {
      case RET_SLOT: this.returnFromCall(task); return true;
      case TASK_EXIT_SLOT: this.exitTask(task, this.cpu.x[10]); return true;
      case EXCEPTION_SLOT: this.faults.exception(task, this.cpu.x[10] >>> 0); return true;
      case IRQ_SLOT: return this.callService(task, pc, 'handle_irq', (k) => this.dispatchIrq(task, k, this.cpu.x[10] >>> 0));
      default: {
        const slot = this.serviceWindow.serviceAt(pc);
        if (!slot) return false;
        return this.callService(task, pc, slot.name, (k) => slot.service(k, callArgs(this.ram, this.cpu.x.subarray(10, 18), this.cpu.x[2])));
      }
    }
  }

  /** The IRQ table's dispatch; the claim is remembered until it returns, so that an
   * aborted handler still completes it (or the PLIC would never raise that source again). */
  private dispatchIrq(task: Task, k: KernelContext, hwirq: number): ServiceValue | Promise<ServiceValue> {
    const m = this.opts.services.find((s) => s.irq);
    if (!m?.irq) {
      this.log.write(2, `irq ${hwirq}: no interrupt controller driver in this kernel`);
      return;
    }
    this.dispatchingIrq = true; // the first handler is called before m.irq returns
    let r: void | Promise<void>;
    try {
      r = m.irq(k, hwirq);
    } finally {
      this.dispatchingIrq = false;
    }
    if (!(r instanceof Promise)) return r;
    task.irqClaims.push(hwirq);
    return r.finally(() => {
      const i = task.irqClaims.lastIndexOf(hwirq);
      if (i >= 0) task.irqClaims.splice(i, 1);
    });
  }

  private callService(task: Task, pc: number, name: string, run: (k: KernelContext) => ServiceValue | Promise<ServiceValue>): boolean {
    if (this.faults.checkStack(task, pc)) return true;
    const ra = this.cpu.x[1];
    task.servicePc = pc;
    this.inService = { task, ra };
    const tracer = this.board.tracer;
    const call = tracer.enabled ? this.traceCall(name, ra) : null;
    let value: ServiceValue | Promise<ServiceValue>;
    try {
      value = run(this.contextOf(task));
    } catch (e) {
      this.inService = null;
      this.serviceFailed(task, e, pc, name);
      return true;
    }
    this.inService = null;
    if (value instanceof Promise) {
      this.park(task, ra);
      value.then((v) => this.resume(task, v), (e: unknown) => this.serviceFailed(task, e, pc, name));
      return true;
    }
    if (call?.kind === 'kcall' && typeof value === 'number') call.ret = value >>> 0; // not sent yet: the batch goes after the slice
    if (task.state === 'in-service') this.resume(task, value); // it called into the guest without waiting
    else {
      setReturnValue(this.cpu.x, value);
      this.cpu.pc = ra;
    }
    return true;
  }

  /** A traced service call (kernel-trace.ts); pass-through accesses the service makes are its caller's. */
  private traceCall(name: string, ra: number): TraceEvent | null {
    const site = callSite(ra, (a) => this.board.bus.peek(a, 2));
    this.ram.callerPc = site;
    return traceServiceCall(this.board.tracer, name, this.cpu.x, site);
  }

  /** The task waits for a service (it sleeps, or the service calls into the guest). */
  park(task: Task, ra?: number): void {
    if (task.state !== 'running') return;
    const at = ra ?? (this.inService?.task === task ? this.inService.ra : this.cpu.pc);
    this.putOff(task, 'in-service', false, at);
  }

  /** The service a task waited for returned `v`: the task goes on at its caller. */
  private resume(task: Task, v: ServiceValue): void {
    if (task.state !== 'in-service') return;
    setReturnValue(task.ctx.x, v);
    this.makeRunnable(task);
  }

  private serviceFailed(task: Task, e: unknown, pc: number, name: string): void {
    if (task.state === 'dead') return;
    if (e instanceof TaskAborted) return this.abortTask(task, e);
    if (e instanceof GuestFault) return this.faults.serviceFault(task, e, pc);
    const message = e instanceof Error ? e.message : String(e);
    this.log.write(3, `kernel service ${name} failed: ${message}`);
    this.faults.serviceFault(task, new GuestFault(0, 'load', 0), pc, `BUG: kernel service ${name} failed: ${message}`);
  }

  // ---- guest calls ----

  /** Calls guest `fn(args)` on `task` (nested, on its stack), or on a new task if it cannot nest. */
  callGuest(task: Task, fn: number, args: number[]): Promise<number> {
    if (this.board.tracer.enabled) {
      const irq = this.dispatchingIrq || (task.irqClaims.length > 0 && task.frames.length === 0);
      traceGuestCall(this.board.tracer, fn, this.faults.symbolize(fn), args, irq);
    }
    if (task.state === 'running' && this.inService?.task === task) this.park(task);
    if (task.state !== 'in-service') return this.spawn('kworker/0:1', fn, args).done;
    return new Promise<number>((resolve, reject) => {
      task.frames.push({ saved: copyContext(task.ctx), resolve, reject, via: task.servicePc });
      const x = task.ctx.x;
      for (let i = 0; i < 8; i++) x[10 + i] = args[i] ?? 0;
      x[1] = RET_SLOT | 0;
      x[2] = x[2] & ~15;
      task.ctx.pc = fn | 0;
      this.makeRunnable(task);
    });
  }

  private returnFromCall(task: Task): void {
    const frame = task.frames.pop();
    if (!frame) return this.exitTask(task, this.cpu.x[10]);
    const a0 = this.cpu.x[10];
    this.putOff(task, 'in-service', false);
    task.ctx = frame.saved;
    frame.resolve(a0);
  }

  /** A new task that runs guest `fn(args)` and ends when it returns. */
  spawn(comm: string, fn: number, args: number[], pid = this.nextPid++): Task {
    const task = this.newTask(pid, comm);
    const x = task.ctx.x;
    for (let i = 0; i < 8; i++) x[10 + i] = args[i] ?? 0;
    x[1] = TASK_EXIT_SLOT | 0;
    task.ctx.pc = fn | 0;
    task.ctx.csrs.sstatus = MSTATUS_SIE;
    this.runQueue.push(task);
    return task;
  }

  /** A task with a stack (and the guard gap below it) and a struct task_struct. */
  newTask(pid: number, comm: string): Task {
    const block = this.heap.allocate(STACK_GUARD + THREAD_SIZE, 16);
    const ts = this.heap.allocate(TASK_STRUCT.size, 16);
    if (block === undefined || ts === undefined) throw new Error('out of memory for a new task');
    const stackBase = block + STACK_GUARD, stackTop = stackBase + THREAD_SIZE;
    const task = new Task(pid, comm, ts, stackBase, stackTop, block);
    this.ram.fill(ts, 0, TASK_STRUCT.size);
    this.ram.setU32(ts + TASK_STRUCT.stack, stackBase);
    this.ram.setU32(ts + TASK_STRUCT.pid, pid);
    this.ram.setU32(ts + TASK_STRUCT.tgid, pid);
    this.ram.setCString(ts + TASK_STRUCT.comm, comm.slice(0, TASK_STRUCT.commLen - 1));
    task.ctx.x[2] = stackTop;
    task.ctx.x[4] = ts;
    task.ctx.x[3] = this.image.symbols.get('__global_pointer$') ?? 0;
    this.tasks.set(pid, task);
    return task;
  }

  private exitTask(task: Task, a0: number): void {
    this.putOff(task, 'dead', false);
    this.release(task);
    task.finish(a0);
  }

  private release(task: Task): void {
    this.tasks.delete(task.pid);
    this.heap.free(task.stackBlock);
    this.heap.free(task.taskStruct);
  }

  /** A signal for `task` (Ctrl-C, kill): TIF_SIGPENDING in its thread_info, and its waits end. */
  signal(task: Task): void {
    if (task.state === 'dead') return;
    this.ram.setU32(task.taskStruct + TASK_STRUCT.tiFlags, this.ram.u32(task.taskStruct + TASK_STRUCT.tiFlags) | (1 << TIF_SIGPENDING));
    task.raiseSignal();
  }

  /** Ends a task that faulted or locked up: every guest call on it fails with `why`. */
  abortTask(task: Task, why: TaskAborted): void {
    if (task.state === 'dead') return;
    const wasLive = this.live === task;
    if (wasLive) this.putOff(task, 'dead', false);
    task.state = 'dead';
    const i = this.runQueue.indexOf(task);
    if (i >= 0) this.runQueue.splice(i, 1);
    for (const f of task.frames.splice(0).reverse()) f.reject(why);
    for (const hwirq of task.irqClaims.splice(0)) this.disableFaultyIrq(hwirq);
    if (task === this.idle) return this.restartIdle();
    this.release(task);
    task.fail(why);
  }

  /** A handler of `hwirq` died: the claim is completed and the line masked, as Linux
   * leaves an interrupt whose handler oopsed (it would otherwise fire again at once). */
  private disableFaultyIrq(hwirq: number): void {
    const bus = this.board.bus;
    bus.write(PLIC_CLAIM_CTX1, hwirq, 4);
    const reg = PLIC_ENABLE_CTX1 + 4 * (hwirq >>> 5);
    bus.write(reg, bus.read(reg, 4) & ~(1 << (hwirq & 31)), 4);
    this.log.write(0, `Disabling IRQ #${hwirq}: its handler oopsed`);
  }

  /** The idle task died in an interrupt handler: a fresh one takes its place. */
  private restartIdle(): void {
    this.tasks.delete(0);
    this.idle = this.newIdle();
  }

  private newIdle(): Task {
    const idle = this.newTask(0, 'swapper/0');
    idle.ctx.pc = this.image.symbols.get('idle_loop')!;
    idle.ctx.csrs.sstatus = MSTATUS_SIE;
    idle.state = 'runnable';
    return idle;
  }

  heapBlockSize(addr: number): number {
    return this.heap.sizeOf(addr);
  }

  /** The task a service's context acts for. */
  taskOf(k: KernelContext): Task {
    return k.current as Task;
  }

  contextOf(task: Task): KernelContext {
    return new TaskContext(this, task);
  }

  // ---- boot ----

  private startKernel(): boolean {
    this.booted = true;
    this.dtbAddr = this.cpu.x[10] >>> 0;
    this.idle = this.newIdle();
    this.putOn(this.idle);
    this.board.yieldToHost();
    const k = this.contextOf(this.idle);
    for (const v of this.serviceWindow.variables) v.variable.init?.(k, v.address);
    void this.runBootSteps(k);
    return true;
  }

  /** Open files of a driver hold its module through these counts (fops->owner), on the
   * loader's own records, so rmmod and lsmod's "Used by" see them. */
  private moduleRefs(): ModuleRefs {
    const find = (addr: number) => this.modules.find((m) => m.structAddr === addr >>> 0);
    return {
      get: (addr) => {
        const m = find(addr);
        if (!m || m.state === 'GOING') return false;
        m.refcount++;
        return true;
      },
      put: (addr) => { const m = find(addr); if (m && m.refcount > 0) m.refcount--; },
      count: (addr) => find(addr)?.refcount ?? 0,
    };
  }

  private async runBootSteps(k: KernelContext): Promise<void> {
    this.log.write(5, KERNEL_VERSION);
    addProcFiles(this);
    useModuleRefs(k, this.moduleRefs());
    for (const line of bootBannerLines(readFdtFromRam(this.ram, this.dtbAddr).root)) this.log.write(6, line);
    for (const m of this.opts.services) {
      try {
        await m.boot?.(k);
      } catch (e) {
        this.log.write(3, `a kernel service failed to start: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.log.write(6, 'Run /bin/sh as init process');
    this.bootDone = true;
    for (const w of this.bootWaiters.splice(0)) w();
  }
}

/** a0 (and a1 for 64 bits) as a service returns them. */
function setReturnValue(x: Int32Array, v: ServiceValue): void {
  if (typeof v === 'number') x[10] = v | 0;
  else if (typeof v === 'bigint') {
    x[10] = Number(BigInt.asIntN(32, v));
    x[11] = Number(BigInt.asIntN(32, v >> 32n));
  }
}

export type { CpuContext };
