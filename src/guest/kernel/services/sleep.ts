// Putting the calling task to sleep for the time and wait services: one
// block() of the task, ended by a wake from whoever it waits for, by a timer
// at a virtual-time deadline, or (for interruptible and killable sleeps) by a
// signal. Also the task_struct bookkeeping these sleeps share: a task's
// state word and which TaskInfo a struct task_struct address belongs to.

import type { KernelContext, TaskInfo } from '../api.ts';
import { TASK_STRUCT } from './dev-layouts.ts';

export const TASK_RUNNING = 0, TASK_INTERRUPTIBLE = 1, TASK_UNINTERRUPTIBLE = 2, TASK_WAKEKILL = 0x100;
export const TASK_KILLABLE = TASK_WAKEKILL | TASK_UNINTERRUPTIBLE;
export const MAX_SCHEDULE_TIMEOUT = 0x7fff_ffff;

/** Whether a signal ends a sleep in this task state (signal_pending_state). */
export function signalEnds(state: number): boolean {
  return (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) !== 0;
}

function tasks(k: KernelContext): Map<number, TaskInfo> {
  return k.state('tasks-by-struct', () => new Map<number, TaskInfo>());
}

/** Notes the calling task, so a wake by its task_struct address can find it. */
export function currentTask(k: KernelContext): TaskInfo {
  const t = k.current;
  if (t.taskStruct) tasks(k).set(t.taskStruct, t);
  return t;
}

export function taskByStruct(k: KernelContext, taskStruct: number): TaskInfo | undefined {
  return tasks(k).get(taskStruct);
}

export function setTaskState(k: KernelContext, task: TaskInfo, state: number): void {
  if (task.taskStruct) k.ram.setU32(task.taskStruct + TASK_STRUCT.__state, state);
}

export function taskState(k: KernelContext, task: TaskInfo): number {
  return task.taskStruct ? k.ram.u32(task.taskStruct + TASK_STRUCT.__state) : TASK_UNINTERRUPTIBLE;
}

/** Wakes a task (try_to_wake_up): runnable again, its state back to TASK_RUNNING. */
export function wakeTask(k: KernelContext, task: TaskInfo): void {
  setTaskState(k, task, TASK_RUNNING);
  k.wake(task);
}

export function nsPerJiffy(k: KernelContext): bigint {
  return BigInt(Math.round(1e9 / k.hz));
}

export type WakeReason = 'woken' | 'timeout' | 'signal';

/**
 * One sleep of the current task until a wake, the deadline (virtual ns) or,
 * if `interruptible`, a signal. The caller rechecks its condition after it,
 * as Linux's wait loops do: a wake may come for another reason.
 */
export async function sleepOnce(k: KernelContext, deadlineNs: bigint | undefined, interruptible: boolean): Promise<WakeReason> {
  const task = currentTask(k);
  if (interruptible && task.signalPending) return 'signal';
  if (deadlineNs !== undefined && k.nowNs() >= deadlineNs) return 'timeout';
  let reason: WakeReason = 'woken';
  const cancelTimer = deadlineNs === undefined ? () => {} : k.at(deadlineNs, () => { reason = 'timeout'; wakeTask(k, task); });
  const unsubscribe = interruptible ? task.onSignal(() => { reason = 'signal'; wakeTask(k, task); }) : () => {};
  try {
    await k.block();
  } finally {
    cancelTimer();
    unsubscribe();
  }
  if (interruptible && task.signalPending) return 'signal';
  if (deadlineNs !== undefined && k.nowNs() >= deadlineNs) return 'timeout';
  return reason;
}

/** Jiffies left until `deadlineNs`, rounded up (what the *_timeout waits return). */
export function jiffiesLeft(k: KernelContext, deadlineNs: bigint): number {
  const left = deadlineNs - k.nowNs();
  if (left <= 0n) return 0;
  const per = nsPerJiffy(k);
  return Number((left + per - 1n) / per);
}
