// The scheduler calls a driver makes (kernel/sched/core.c, kernel/time/timer.c):
// schedule() after set_current_state() sleeps until wake_up_process(), with
// a signal ending an interruptible sleep (schedule_timeout*() are wait.ts's);
// yield() and cond_resched() let
// the other runnable tasks go first. The task's __state lives in its struct
// task_struct, as the driver's set_current_state() wrote it.

import type { KernelContext, ServiceModule, TaskInfo } from '../api.ts';
import { TASK_INTERRUPTIBLE, TASK_RUNNING, TASK_STRUCT } from '../task.ts';
import { engineOf } from './engine.ts';

const TASK_UNINTERRUPTIBLE = 2, TASK_WAKEKILL = 0x100;
const MAX_SCHEDULE_TIMEOUT = 0x7fff_ffff;

function stateOf(k: KernelContext): number {
  return k.ram.u32(k.current.taskStruct + TASK_STRUCT.state);
}

function setState(k: KernelContext, state: number): void {
  k.ram.setU32(k.current.taskStruct + TASK_STRUCT.state, state);
}

/** Sleeps until woken (or, for an interruptible state, signalled), or until `timeout` jiffies pass. */
async function sleep(k: KernelContext, timeout: number): Promise<number> {
  const state = stateOf(k);
  if (state === TASK_RUNNING) return timeout;
  const interruptible = (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) !== 0;
  if (interruptible && k.current.signalPending) {
    setState(k, TASK_RUNNING);
    return timeout;
  }
  const start = k.jiffies();
  const me = k.current;
  const cancel = timeout >= MAX_SCHEDULE_TIMEOUT ? () => {} : k.at(k.nowNs() + BigInt(timeout) * (1_000_000_000n / BigInt(k.hz)), () => k.wake(me));
  const off = interruptible ? k.current.onSignal(() => k.wake(me)) : () => {};
  await k.block();
  cancel();
  off();
  setState(k, TASK_RUNNING);
  if (timeout >= MAX_SCHEDULE_TIMEOUT) return timeout;
  return Math.max(0, timeout - (k.jiffies() - start));
}

/** wake_up_state: wakes the task whose task_struct is at `ts` if its state is in `mask`. */
function wakeStruct(k: KernelContext, ts: number, mask: number): number {
  const task = [...engineOf(k).tasks.values()].find((t) => t.taskStruct === ts >>> 0) as TaskInfo | undefined;
  if (!task) return 0;
  const state = k.ram.u32(ts + TASK_STRUCT.state);
  if (!(state & mask)) return 0;
  k.ram.setU32(ts + TASK_STRUCT.state, TASK_RUNNING);
  k.wake(task);
  return 1;
}

/** A turn for everyone else that is runnable: the task parks and queues up again. */
const giveWay = async (): Promise<number> => 0;

export const schedServices: ServiceModule = {
  services: {
    schedule: (k) => sleep(k, MAX_SCHEDULE_TIMEOUT).then(() => undefined),
    wake_up_process: (k, a) => wakeStruct(k, a.u32(0), TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE),
    wake_up_state: (k, a) => wakeStruct(k, a.u32(0), a.u32(1)),
    yield: giveWay,
    __cond_resched: giveWay,
  },
};
