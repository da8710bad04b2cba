// Workqueues (Linux's kernel/workqueue.c, for one CPU): each workqueue runs
// its work items one after another, each on a kernel worker task named as
// Linux names them ("kworker/0:1", "kworker/u2:0" for unbound queues,
// "kworker/0:1H" for high-priority ones), in process context so work may
// sleep. A work item is pending while bit 0 of its data word is set (what
// the headers' work_pending() tests); delayed work is queued by its timer's
// delayed_work_timer_fn. Layouts: include/linux/workqueue.h.

import type { KernelContext, ServiceModule } from '../api.ts';
import { formatName } from './dev-format.ts';
import { DELAYED_WORK, WORK_STRUCT } from './dev-layouts.ts';
import { delTimer, modTimer, registerTimerBuiltin, timerPending } from './timer.ts';

const WORK_STRUCT_PENDING = 1;
const WQ_UNBOUND = 1 << 1, WQ_HIGHPRI = 1 << 4;
/** An opaque struct workqueue_struct: its name pointer, then room. */
const WORKQUEUE_STRUCT_SIZE = 32;

interface Workqueue {
  addr: number;
  name: string;
  worker: string;
  queue: number[];
  /** The work item running now and its end. */
  current: number;
  running: Promise<void> | null;
  /** Woken whenever an item finishes (flushes wait on it). */
  idle: Array<() => void>;
}

function wqs(k: KernelContext): Map<number, Workqueue> {
  return k.state('workqueues', () => {
    registerTimerBuiltin(k, 'delayed_work_timer_fn', delayedWorkTimerFn);
    return new Map<number, Workqueue>();
  });
}

function createWorkqueue(k: KernelContext, name: string, flags: number): number {
  const addr = k.kmalloc(WORKQUEUE_STRUCT_SIZE, 4);
  k.ram.fill(addr, 0, WORKQUEUE_STRUCT_SIZE);
  const namePtr = k.kmalloc(name.length + 1, 1);
  k.ram.setCString(namePtr, name);
  k.ram.setU32(addr, namePtr);
  const worker = flags & WQ_UNBOUND ? 'kworker/u2:0' : flags & WQ_HIGHPRI ? 'kworker/0:1H' : 'kworker/0:1';
  wqs(k).set(addr, { addr, name, worker, queue: [], current: 0, running: null, idle: [] });
  return addr;
}

const isPending = (k: KernelContext, work: number) => (k.ram.u32(work + WORK_STRUCT.data) & WORK_STRUCT_PENDING) !== 0;

function setPending(k: KernelContext, work: number, on: boolean): void {
  const data = k.ram.u32(work + WORK_STRUCT.data);
  k.ram.setU32(work + WORK_STRUCT.data, on ? data | WORK_STRUCT_PENDING : data & ~WORK_STRUCT_PENDING);
}

async function runQueue(k: KernelContext, wq: Workqueue): Promise<void> {
  for (let work = wq.queue.shift(); work !== undefined; work = wq.queue.shift()) {
    setPending(k, work, false);
    wq.current = work;
    const task = k.spawn(wq.worker, k.ram.u32(work + WORK_STRUCT.func), [work]);
    await task.done.catch(() => 0);
    wq.current = 0;
    wq.idle.splice(0).forEach((wake) => wake());
  }
  wq.running = null;
}

/** __queue_work: appends an item already marked pending and starts the worker if idle. */
function enqueue(k: KernelContext, wqAddr: number, work: number): void {
  const wq = wqs(k).get(wqAddr);
  if (!wq) {
    setPending(k, work, false);
    k.printk(3, `workqueue: queueing work ${k.symbolize(k.ram.u32(work + WORK_STRUCT.func))} on a workqueue that does not exist (0x${(wqAddr >>> 0).toString(16)}): destroyed, or never allocated?`);
    return;
  }
  wq.queue.push(work);
  // The worker wakes up later, as a kworker would: not inside the caller's call.
  wq.running ??= new Promise<void>((resolve) => k.at(k.nowNs(), () => { void runQueue(k, wq).then(resolve); }));
}

function queueWork(k: KernelContext, wq: number, work: number): boolean {
  if (isPending(k, work)) return false;
  setPending(k, work, true);
  enqueue(k, wq, work);
  return true;
}

function delayedWorkTimerFn(k: KernelContext, timer: number): void {
  const dwork = timer - DELAYED_WORK.timer;
  enqueue(k, k.ram.u32(dwork + DELAYED_WORK.wq), dwork + DELAYED_WORK.work);
}

function queueDelayed(k: KernelContext, wq: number, dwork: number, delay: number): void {
  const work = dwork + DELAYED_WORK.work;
  k.ram.setU32(dwork + DELAYED_WORK.wq, wq);
  if (delay === 0) enqueue(k, wq, work);
  else modTimer(k, dwork + DELAYED_WORK.timer, (k.jiffies() + delay) >>> 0);
}

/** Takes a pending item off its queue (or its timer); whether it was pending. */
function cancelPending(k: KernelContext, work: number, timer = 0): boolean {
  if (!isPending(k, work)) return false;
  if (timer) delTimer(k, timer);
  for (const wq of wqs(k).values()) {
    const i = wq.queue.indexOf(work);
    if (i >= 0) wq.queue.splice(i, 1);
  }
  setPending(k, work, false);
  return true;
}

function busy(k: KernelContext, work: number): Workqueue | undefined {
  return [...wqs(k).values()].find((wq) => wq.current === work || wq.queue.includes(work));
}

/** Waits until `work` is neither queued nor running; whether it had to wait. */
async function flushWork(k: KernelContext, work: number): Promise<boolean> {
  let waited = false;
  for (let wq = busy(k, work); wq; wq = busy(k, work)) {
    waited = true;
    await new Promise<void>((r) => wq.idle.push(r));
  }
  return waited;
}

async function flushQueue(k: KernelContext, wqAddr: number): Promise<void> {
  const wq = wqs(k).get(wqAddr);
  if (!wq) return;
  const last = wq.queue[wq.queue.length - 1] ?? wq.current;
  if (last) await flushWork(k, last);
}

async function drain(k: KernelContext, wqAddr: number): Promise<void> {
  const wq = wqs(k).get(wqAddr);
  while (wq && (wq.queue.length || wq.current)) await flushQueue(k, wqAddr);
}

function systemWq(name: string, flags: number) {
  return { size: 4, init: (k: KernelContext, addr: number) => k.ram.setU32(addr, createWorkqueue(k, name, flags)) };
}

export const workqueueServices: ServiceModule = {
  variables: {
    system_wq: systemWq('events', 0),
    system_highpri_wq: systemWq('events_highpri', WQ_HIGHPRI),
    system_long_wq: systemWq('events_long', 0),
    system_unbound_wq: systemWq('events_unbound', WQ_UNBOUND),
  },
  boot(k) { wqs(k); },
  services: {
    alloc_workqueue(k, a) {
      return createWorkqueue(k, formatName(k, k.ram.cString(a.u32(0)), a.varargs(3)), a.u32(1));
    },
    async destroy_workqueue(k, a) {
      await drain(k, a.u32(0));
      wqs(k).delete(a.u32(0));
      k.kfree(k.ram.u32(a.u32(0)));
      k.kfree(a.u32(0));
    },
    queue_work_on: (k, a) => (queueWork(k, a.u32(1), a.u32(2)) ? 1 : 0),
    queue_delayed_work_on(k, a) {
      const dwork = a.u32(2);
      if (isPending(k, dwork + DELAYED_WORK.work)) return 0;
      setPending(k, dwork + DELAYED_WORK.work, true);
      queueDelayed(k, a.u32(1), dwork, a.u32(3));
      return 1;
    },
    mod_delayed_work_on(k, a) {
      const dwork = a.u32(2);
      const was = cancelPending(k, dwork + DELAYED_WORK.work, dwork + DELAYED_WORK.timer);
      setPending(k, dwork + DELAYED_WORK.work, true);
      queueDelayed(k, a.u32(1), dwork, a.u32(3));
      return was ? 1 : 0;
    },
    delayed_work_timer_fn(k, a) { delayedWorkTimerFn(k, a.u32(0)); },
    async cancel_work_sync(k, a) {
      const was = cancelPending(k, a.u32(0));
      await flushWork(k, a.u32(0));
      return was ? 1 : 0;
    },
    cancel_delayed_work: (k, a) => (cancelPending(k, a.u32(0) + DELAYED_WORK.work, a.u32(0) + DELAYED_WORK.timer) ? 1 : 0),
    async cancel_delayed_work_sync(k, a) {
      const was = cancelPending(k, a.u32(0) + DELAYED_WORK.work, a.u32(0) + DELAYED_WORK.timer);
      await flushWork(k, a.u32(0) + DELAYED_WORK.work);
      return was ? 1 : 0;
    },
    flush_work: async (k, a) => ((await flushWork(k, a.u32(0))) ? 1 : 0),
    async flush_delayed_work(k, a) {
      const dwork = a.u32(0);
      if (timerPending(k, dwork + DELAYED_WORK.timer) && delTimer(k, dwork + DELAYED_WORK.timer)) {
        enqueue(k, k.ram.u32(dwork + DELAYED_WORK.wq), dwork + DELAYED_WORK.work);
      }
      return (await flushWork(k, dwork + DELAYED_WORK.work)) ? 1 : 0;
    },
    __flush_workqueue: (k, a) => flushQueue(k, a.u32(0)),
    drain_workqueue: (k, a) => drain(k, a.u32(0)),
  },
};
