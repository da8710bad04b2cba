// Sleeping locks (Linux's kernel/locking/mutex.c): the owner word of struct
// mutex (include/linux/mutex.h) holds the owning task_struct while locked,
// so mutex_is_locked and a reader of the structure see what Linux shows. A
// contended lock sleeps the task; unlock hands the lock to the first waiter.
// Unlocking a mutex one does not hold is reported as CONFIG_DEBUG_MUTEXES does.

import type { KernelContext, ServiceModule, TaskInfo } from '../api.ts';
import { E } from './dev-errno.ts';
import { MUTEX } from './dev-layouts.ts';
import { kernelWarn } from './dev-warn.ts';
import { TASK_INTERRUPTIBLE, TASK_KILLABLE, TASK_RUNNING, TASK_UNINTERRUPTIBLE, currentTask, setTaskState, signalEnds, sleepOnce, wakeTask } from './sleep.ts';
import { listInit } from './wait.ts';

function waiters(k: KernelContext): Map<number, TaskInfo[]> {
  return k.state('mutex-waiters', () => new Map<number, TaskInfo[]>());
}

/** What the owner word holds for a task: its task_struct (a made-up nonzero tag if it has none). */
const ownerTag = (t: TaskInfo) => t.taskStruct || (0x8000_0000 | t.pid) >>> 0;

function tryLock(k: KernelContext, lock: number, task: TaskInfo): boolean {
  if (k.ram.u32(lock + MUTEX.owner) !== 0) return false;
  k.ram.setU32(lock + MUTEX.owner, ownerTag(task));
  return true;
}

async function lock(k: KernelContext, lockAddr: number, state: number): Promise<number> {
  const task = currentTask(k);
  if (tryLock(k, lockAddr, task)) return 0;
  if (k.ram.u32(lockAddr + MUTEX.owner) === ownerTag(task)) {
    kernelWarn(k, `${task.comm}/${task.pid} is trying to acquire a mutex it already holds: this task will never wake up (deadlock)`, 'kernel/locking/mutex.c:598 __mutex_lock');
  }
  const list = waiters(k).get(lockAddr) ?? [];
  list.push(task);
  waiters(k).set(lockAddr, list);
  for (;;) {
    setTaskState(k, task, state);
    const why = await sleepOnce(k, undefined, signalEnds(state));
    setTaskState(k, task, TASK_RUNNING);
    if (k.ram.u32(lockAddr + MUTEX.owner) === ownerTag(task)) return 0;
    if (why === 'signal') {
      waiters(k).set(lockAddr, (waiters(k).get(lockAddr) ?? []).filter((t) => t !== task));
      return -E.EINTR;
    }
  }
}

function unlock(k: KernelContext, lockAddr: number): void {
  const owner = k.ram.u32(lockAddr + MUTEX.owner);
  if (owner !== ownerTag(currentTask(k))) {
    kernelWarn(k, 'DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)', 'kernel/locking/mutex.c:930 __mutex_unlock_slowpath');
    if (owner === 0) return;
  }
  const next = (waiters(k).get(lockAddr) ?? []).shift();
  k.ram.setU32(lockAddr + MUTEX.owner, next ? ownerTag(next) : 0);
  if (next) wakeTask(k, next);
}

export const mutexServices: ServiceModule = {
  services: {
    __mutex_init(k, a) {
      k.ram.setU32(a.u32(0) + MUTEX.owner, 0);
      k.ram.setU32(a.u32(0) + MUTEX.wait_lock, 0);
      listInit(k, a.u32(0) + MUTEX.wait_list);
      waiters(k).delete(a.u32(0));
    },
    async mutex_lock(k, a) { await lock(k, a.u32(0), TASK_UNINTERRUPTIBLE); },
    mutex_lock_interruptible: (k, a) => lock(k, a.u32(0), TASK_INTERRUPTIBLE),
    mutex_lock_killable: (k, a) => lock(k, a.u32(0), TASK_KILLABLE),
    mutex_trylock: (k, a) => (tryLock(k, a.u32(0), currentTask(k)) ? 1 : 0),
    mutex_unlock(k, a) { unlock(k, a.u32(0)); },
    mutex_is_locked: (k, a) => (k.ram.u32(a.u32(0) + MUTEX.owner) !== 0 ? 1 : 0),
    async atomic_dec_and_mutex_lock(k, a) {
      const cnt = a.u32(0);
      // atomic_add_unless(cnt, -1, 1): not the last reference, no lock needed.
      const v = k.ram.i32(cnt);
      if (v !== 1) { k.ram.setU32(cnt, v - 1); return 0; }
      await lock(k, a.u32(1), TASK_UNINTERRUPTIBLE);
      const now = k.ram.i32(cnt) - 1;
      k.ram.setU32(cnt, now);
      if (now !== 0) { unlock(k, a.u32(1)); return 0; }
      return 1;
    },
  },
};
