// Sleeping and waking (Linux's kernel/sched/completion.c, wait.c and
// timer.c's schedule_timeout): completions count complete() calls in their
// `done` word in guest RAM and sleep the waiting tasks until one arrives;
// wait queues are the guest's own lists of struct wait_queue_entry, which the
// headers' wait_event_* macros fill with prepare_to_wait_event and which
// __wake_up walks, calling each entry's wake function (a guest function, or
// autoremove/default_wake_function here). Layouts: include/linux/wait.h,
// completion.h, swait.h. Interruptible waits end with -ERESTARTSYS on a signal.

import type { KernelContext, ServiceModule, TaskInfo } from '../api.ts';
import { E } from './dev-errno.ts';
import { COMPLETION, LIST_HEAD, SWAIT_QUEUE_HEAD, WAIT_QUEUE_ENTRY, WAIT_QUEUE_HEAD } from './dev-layouts.ts';
import {
  MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE, TASK_KILLABLE, TASK_RUNNING, TASK_UNINTERRUPTIBLE,
  currentTask, jiffiesLeft, nsPerJiffy, setTaskState, signalEnds, sleepOnce, taskByStruct, taskState, wakeTask,
} from './sleep.ts';

const UINT_MAX = 0xffff_ffff;
const WQ_FLAG_EXCLUSIVE = 0x01;
const KERN_ERR = 3;

// --- Guest list_head helpers -------------------------------------------------

export function listInit(k: KernelContext, head: number): void {
  k.ram.setU32(head + LIST_HEAD.next, head);
  k.ram.setU32(head + LIST_HEAD.prev, head);
}

const listEmpty = (k: KernelContext, head: number) => k.ram.u32(head + LIST_HEAD.next) === head;

function listInsert(k: KernelContext, entry: number, prev: number, next: number): void {
  k.ram.setU32(next + LIST_HEAD.prev, entry);
  k.ram.setU32(entry + LIST_HEAD.next, next);
  k.ram.setU32(entry + LIST_HEAD.prev, prev);
  k.ram.setU32(prev + LIST_HEAD.next, entry);
}

export function listDelInit(k: KernelContext, entry: number): void {
  const next = k.ram.u32(entry + LIST_HEAD.next), prev = k.ram.u32(entry + LIST_HEAD.prev);
  if (next && prev) {
    k.ram.setU32(next + LIST_HEAD.prev, prev);
    k.ram.setU32(prev + LIST_HEAD.next, next);
  }
  listInit(k, entry);
}

// --- Completions -----------------------------------------------------------------

function completionWaiters(k: KernelContext): Map<number, TaskInfo[]> {
  return k.state('completion-waiters', () => new Map<number, TaskInfo[]>());
}

function takeDone(k: KernelContext, x: number): boolean {
  const done = k.ram.u32(x + COMPLETION.done);
  if (done === 0) return false;
  if (done !== UINT_MAX) k.ram.setU32(x + COMPLETION.done, done - 1);
  return true;
}

/** do_wait_for_common: jiffies left (>= 1) when completed, 0 on timeout, -ERESTARTSYS on a signal. */
export async function waitForCompletion(k: KernelContext, x: number, timeout: number, state: number): Promise<number> {
  const deadline = timeout >= MAX_SCHEDULE_TIMEOUT ? undefined : k.nowNs() + BigInt(timeout) * nsPerJiffy(k);
  const task = currentTask(k);
  const waiters = completionWaiters(k);
  for (;;) {
    if (takeDone(k, x)) return deadline === undefined ? timeout : Math.max(jiffiesLeft(k, deadline), 1);
    const list = waiters.get(x) ?? [];
    if (!list.includes(task)) list.push(task);
    waiters.set(x, list);
    setTaskState(k, task, state);
    const why = await sleepOnce(k, deadline, signalEnds(state));
    setTaskState(k, task, TASK_RUNNING);
    if (why === 'woken' || takeDoneAvailable(k, x)) continue;
    waiters.set(x, (waiters.get(x) ?? []).filter((t) => t !== task));
    return why === 'signal' ? -E.ERESTARTSYS : 0;
  }
}

const takeDoneAvailable = (k: KernelContext, x: number) => k.ram.u32(x + COMPLETION.done) !== 0;

function complete(k: KernelContext, x: number, all: boolean): void {
  const done = k.ram.u32(x + COMPLETION.done);
  if (all) k.ram.setU32(x + COMPLETION.done, UINT_MAX);
  else if (done !== UINT_MAX) k.ram.setU32(x + COMPLETION.done, done + 1);
  const list = completionWaiters(k).get(x) ?? [];
  const woken = all ? list.splice(0) : list.splice(0, 1);
  for (const t of woken) wakeTask(k, t);
}

const MAX = MAX_SCHEDULE_TIMEOUT;

// --- Wait queues ------------------------------------------------------------------

/** Signal subscriptions of tasks waiting interruptibly on a wait queue entry. */
function signalWakes(k: KernelContext): Map<number, () => void> {
  return k.state('waitqueue-signal-wakes', () => new Map<number, () => void>());
}

function stopSignalWake(k: KernelContext, entry: number): void {
  signalWakes(k).get(entry)?.();
  signalWakes(k).delete(entry);
}

function addEntry(k: KernelContext, wq: number, entry: number): void {
  const head = wq + WAIT_QUEUE_HEAD.head, link = entry + WAIT_QUEUE_ENTRY.entry;
  if (!listEmpty(k, link)) return;
  if (k.ram.u32(entry + WAIT_QUEUE_ENTRY.flags) & WQ_FLAG_EXCLUSIVE) listInsert(k, link, k.ram.u32(head + LIST_HEAD.prev), head);
  else listInsert(k, link, head, k.ram.u32(head + LIST_HEAD.next));
}

/** Queues the entry (once) and sets the task's state; a signal will wake an interruptible sleep. */
function enqueue(k: KernelContext, wq: number, entry: number, state: number): void {
  const task = currentTask(k);
  addEntry(k, wq, entry);
  setTaskState(k, task, state);
  if (signalEnds(state) && !signalWakes(k).has(entry)) signalWakes(k).set(entry, task.onSignal(() => wakeTask(k, task)));
}

function prepareToWaitEvent(k: KernelContext, wq: number, entry: number, state: number): number {
  if (signalEnds(state) && currentTask(k).signalPending) {
    listDelInit(k, entry + WAIT_QUEUE_ENTRY.entry);
    stopSignalWake(k, entry);
    return -E.ERESTARTSYS;
  }
  enqueue(k, wq, entry, state);
  return 0;
}

function finishWait(k: KernelContext, entry: number): void {
  setTaskState(k, currentTask(k), TASK_RUNNING);
  stopSignalWake(k, entry);
  const link = entry + WAIT_QUEUE_ENTRY.entry;
  if (!listEmpty(k, link)) listDelInit(k, link);
}

/** try_to_wake_up of the entry's task: 1 if it was sleeping and is now woken. */
function defaultWake(k: KernelContext, entry: number, mode: number): number {
  const task = taskByStruct(k, k.ram.u32(entry + WAIT_QUEUE_ENTRY.private));
  if (!task) return 0;
  const state = taskState(k, task);
  if (state !== TASK_RUNNING && !(state & mode)) return 0;
  wakeTask(k, task);
  return 1;
}

function autoremoveWake(k: KernelContext, entry: number, mode: number): number {
  const r = defaultWake(k, entry, mode);
  if (r) listDelInit(k, entry + WAIT_QUEUE_ENTRY.entry);
  return r;
}

async function callWakeFunction(k: KernelContext, entry: number, mode: number, key: number): Promise<number> {
  const func = k.ram.u32(entry + WAIT_QUEUE_ENTRY.func);
  if (func === k.symbolAddress('autoremove_wake_function')) return autoremoveWake(k, entry, mode);
  if (func === k.symbolAddress('default_wake_function')) return defaultWake(k, entry, mode);
  return k.callGuest(func, entry, mode, 0, key);
}

/** __wake_up_common: every non-exclusive waiter, and up to `nr` exclusive ones (0 = all). */
async function wakeUp(k: KernelContext, wq: number, mode: number, nr: number, key: number): Promise<void> {
  const head = wq + WAIT_QUEUE_HEAD.head;
  let left = nr;
  for (let link = k.ram.u32(head + LIST_HEAD.next); link !== head;) {
    const next = k.ram.u32(link + LIST_HEAD.next);
    const entry = link - WAIT_QUEUE_ENTRY.entry;
    const flags = k.ram.u32(entry + WAIT_QUEUE_ENTRY.flags);
    const ret = await callWakeFunction(k, entry, mode, key);
    if (ret < 0) break;
    if (ret && (flags & WQ_FLAG_EXCLUSIVE) && --left === 0) break;
    link = next;
  }
}

// --- schedule_timeout --------------------------------------------------------------

/** schedule_timeout: sleeps in the state the caller set; returns the jiffies left. */
export async function scheduleTimeout(k: KernelContext, timeout: number): Promise<number> {
  const task = currentTask(k);
  if (timeout < 0) {
    k.printk(KERN_ERR, `schedule_timeout: wrong timeout value ${(timeout >>> 0).toString(16)}`);
    setTaskState(k, task, TASK_RUNNING);
    return 0;
  }
  const state = taskState(k, task);
  // As in Linux, a task still TASK_RUNNING is not put to sleep.
  if (task.taskStruct && state === TASK_RUNNING) return timeout;
  const deadline = timeout === MAX ? undefined : k.nowNs() + BigInt(timeout) * nsPerJiffy(k);
  await sleepOnce(k, deadline, signalEnds(state));
  setTaskState(k, task, TASK_RUNNING);
  return deadline === undefined ? MAX : jiffiesLeft(k, deadline);
}

function scheduleTimeoutIn(state: number) {
  return (k: KernelContext, a: { i32(i: number): number }) => {
    setTaskState(k, currentTask(k), state);
    return scheduleTimeout(k, a.i32(0));
  };
}

export const waitServices: ServiceModule = {
  services: {
    complete: (k, a) => complete(k, a.u32(0), false),
    complete_all: (k, a) => complete(k, a.u32(0), true),
    completion_done: (k, a) => (k.ram.u32(a.u32(0) + COMPLETION.done) !== 0 ? 1 : 0),
    try_wait_for_completion: (k, a) => (takeDone(k, a.u32(0)) ? 1 : 0),
    async wait_for_completion(k, a) { await waitForCompletion(k, a.u32(0), MAX, TASK_UNINTERRUPTIBLE); },
    async wait_for_completion_io(k, a) { await waitForCompletion(k, a.u32(0), MAX, TASK_UNINTERRUPTIBLE); },
    wait_for_completion_timeout: (k, a) => waitForCompletion(k, a.u32(0), a.u32(1), TASK_UNINTERRUPTIBLE),
    async wait_for_completion_interruptible(k, a) {
      const r = await waitForCompletion(k, a.u32(0), MAX, TASK_INTERRUPTIBLE);
      return r < 0 ? r : 0;
    },
    wait_for_completion_interruptible_timeout: (k, a) => waitForCompletion(k, a.u32(0), a.u32(1), TASK_INTERRUPTIBLE),
    async wait_for_completion_killable(k, a) {
      const r = await waitForCompletion(k, a.u32(0), MAX, TASK_KILLABLE);
      return r < 0 ? r : 0;
    },
    wait_for_completion_killable_timeout: (k, a) => waitForCompletion(k, a.u32(0), a.u32(1), TASK_KILLABLE),

    __init_waitqueue_head(k, a) {
      k.ram.setU32(a.u32(0) + WAIT_QUEUE_HEAD.lock, 0);
      listInit(k, a.u32(0) + WAIT_QUEUE_HEAD.head);
    },
    __init_swait_queue_head(k, a) {
      k.ram.setU32(a.u32(0) + SWAIT_QUEUE_HEAD.lock, 0);
      listInit(k, a.u32(0) + SWAIT_QUEUE_HEAD.task_list);
    },
    init_wait_entry(k, a) {
      const entry = a.u32(0);
      k.ram.setU32(entry + WAIT_QUEUE_ENTRY.flags, a.u32(1));
      k.ram.setU32(entry + WAIT_QUEUE_ENTRY.private, currentTask(k).taskStruct);
      k.ram.setU32(entry + WAIT_QUEUE_ENTRY.func, k.symbolAddress('autoremove_wake_function'));
      listInit(k, entry + WAIT_QUEUE_ENTRY.entry);
    },
    prepare_to_wait(k, a) {
      const entry = a.u32(1);
      k.ram.setU32(entry + WAIT_QUEUE_ENTRY.flags, k.ram.u32(entry + WAIT_QUEUE_ENTRY.flags) & ~WQ_FLAG_EXCLUSIVE);
      enqueue(k, a.u32(0), entry, a.u32(2));
    },
    prepare_to_wait_event: (k, a) => prepareToWaitEvent(k, a.u32(0), a.u32(1), a.u32(2)),
    finish_wait(k, a) { finishWait(k, a.u32(1)); },
    __wake_up: (k, a) => wakeUp(k, a.u32(0), a.u32(1), a.i32(2), a.u32(3)),
    __wake_up_sync: (k, a) => wakeUp(k, a.u32(0), a.u32(1), 1, 0),
    autoremove_wake_function: (k, a) => autoremoveWake(k, a.u32(0), a.u32(1)),
    default_wake_function: (k, a) => defaultWake(k, a.u32(0), a.u32(1)),

    schedule_timeout: (k, a) => scheduleTimeout(k, a.i32(0)),
    schedule_timeout_interruptible: scheduleTimeoutIn(TASK_INTERRUPTIBLE),
    schedule_timeout_killable: scheduleTimeoutIn(TASK_KILLABLE),
    schedule_timeout_uninterruptible: scheduleTimeoutIn(TASK_UNINTERRUPTIBLE),
  },
};
