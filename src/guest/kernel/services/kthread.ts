// Kernel threads (Linux's kernel/kthread.c): kthread_create starts a kernel
// task running threadfn(data) under the formatted name (15 characters, as
// TASK_COMM_LEN keeps); kthread_stop sets the flag kthread_should_stop()
// reads, wakes the thread and waits for threadfn to return, handing back its
// value. Unlike Linux, the thread starts running at once rather than at the
// first wake_up_process (kthread_run does both anyway).

import type { KernelContext, ServiceModule, TaskInfo } from '../api.ts';
import { E, errPtr } from './dev-errno.ts';
import { formatName } from './dev-format.ts';
import { currentTask, wakeTask } from './sleep.ts';

interface Kthread {
  task: TaskInfo;
  done: Promise<number>;
  shouldStop: boolean;
  shouldPark: boolean;
}

function kthreads(k: KernelContext): Map<number, Kthread> {
  return k.state('kthreads', () => new Map<number, Kthread>());
}

const TASK_COMM_LEN = 16;

function create(k: KernelContext, threadfn: number, data: number, name: string): number {
  const task = k.spawn(name.slice(0, TASK_COMM_LEN - 1), threadfn, [data]);
  if (!task.taskStruct) return errPtr(E.ENOMEM);
  const done = task.done.catch(() => -E.EINTR);
  kthreads(k).set(task.taskStruct, { task, done, shouldStop: false, shouldPark: false });
  void done.then(() => { const t = kthreads(k).get(task.taskStruct); if (t && !t.shouldStop) kthreads(k).delete(task.taskStruct); });
  return task.taskStruct;
}

const mine = (k: KernelContext) => kthreads(k).get(currentTask(k).taskStruct);

export const kthreadServices: ServiceModule = {
  services: {
    kthread_create_on_node: (k, a) => create(k, a.u32(0), a.u32(1), formatName(k, k.ram.cString(a.u32(3)), a.varargs(4))),
    kthread_should_stop: (k) => (mine(k)?.shouldStop ? 1 : 0),
    kthread_should_park: (k) => (mine(k)?.shouldPark ? 1 : 0),
    async kthread_stop(k, a) {
      const t = kthreads(k).get(a.u32(0));
      if (!t) return -E.EINTR;
      t.shouldStop = true;
      t.shouldPark = false;
      wakeTask(k, t.task);
      const ret = await t.done;
      kthreads(k).delete(a.u32(0));
      return ret;
    },
    kthread_park(k, a) {
      const t = kthreads(k).get(a.u32(0));
      if (!t) return -E.ENOSYS;
      t.shouldPark = true;
      wakeTask(k, t.task);
      return 0;
    },
    kthread_unpark(k, a) {
      const t = kthreads(k).get(a.u32(0));
      if (!t) return;
      t.shouldPark = false;
      wakeTask(k, t.task);
    },
    kthread_bind() {},
  },
};
