// Completions, wait queues and schedule_timeout on the fake kernel: a task
// really sleeps until complete()/__wake_up, a timeout or a signal ends it,
// and the guest's wait-queue lists are kept as Linux keeps them.
import { describe, expect, it } from 'vitest';
import { DevKernel, type TestTask } from './dev-test-kit.ts';
import { COMPLETION, LIST_HEAD, TASK_STRUCT, WAIT_QUEUE_ENTRY, WAIT_QUEUE_HEAD } from './dev-layouts.ts';
import { waitServices } from './wait.ts';

const TASK_INTERRUPTIBLE = 1, TASK_UNINTERRUPTIBLE = 2, TASK_NORMAL = 3, ERESTARTSYS = -512;
const MS = 1_000_000n;

async function setup() {
  const k = await new DevKernel([waitServices]).boot();
  const reader = k.task(10, 'cat'), irq = k.task(11, 'irq');
  return { k, reader, irq };
}

function completion(k: DevKernel): number {
  const x = k.zalloc(COMPLETION.size);
  k.call('__init_swait_queue_head', x + COMPLETION.wait, 0, 0);
  return x;
}

describe('completions', () => {
  it('sleeps the waiter until complete() and returns the jiffies left', async () => {
    const { k, reader, irq } = await setup();
    const x = completion(k);
    k.current = reader;
    let result: unknown;
    const p = Promise.resolve(k.call('wait_for_completion_timeout', x, 100)).then((r) => { result = r; });
    k.current = irq;
    k.advance(10n * MS);
    await Promise.resolve();
    expect(result).toBeUndefined();
    k.call('complete', x);
    await p;
    expect(result).toBe(100 - Math.floor((10 * k.hz) / 1000));
    expect(k.ram.u32(x + COMPLETION.done)).toBe(0);
  });

  it('returns 0 when the timeout passes first, -ERESTARTSYS on a signal for an interruptible wait', async () => {
    const { k, reader } = await setup();
    const x = completion(k);
    k.current = reader;
    const p = k.call('wait_for_completion_timeout', x, 10);
    k.advance(100n * MS);
    expect(await p).toBe(0);
    const q = k.call('wait_for_completion_interruptible', x);
    reader.signal();
    expect(await q).toBe(ERESTARTSYS);
  });

  it('complete_all lets every waiter and every later wait through; complete() counts', async () => {
    const { k, reader, irq } = await setup();
    const x = completion(k);
    k.current = reader;
    const a = k.call('wait_for_completion', x);
    k.current = irq;
    const b = k.call('wait_for_completion_killable', x);
    k.call('complete_all', x);
    await Promise.all([a, b]);
    expect(k.call('completion_done', x)).toBe(1);
    expect(k.call('try_wait_for_completion', x)).toBe(1);
    expect(k.call('try_wait_for_completion', x)).toBe(1);
    k.ram.setU32(x + COMPLETION.done, 0);
    k.call('complete', x);
    k.call('complete', x);
    expect([k.call('try_wait_for_completion', x), k.call('try_wait_for_completion', x), k.call('try_wait_for_completion', x)]).toEqual([1, 1, 0]);
  });
});

describe('wait queues', () => {
  function queue(k: DevKernel) {
    const wq = k.zalloc(WAIT_QUEUE_HEAD.size);
    k.call('__init_waitqueue_head', wq, 0, 0);
    return wq;
  }
  const listed = (k: DevKernel, wq: number) => {
    const out: number[] = [];
    for (let l = k.ram.u32(wq + WAIT_QUEUE_HEAD.head); l !== wq + WAIT_QUEUE_HEAD.head; l = k.ram.u32(l + LIST_HEAD.next)) out.push(l - WAIT_QUEUE_ENTRY.entry);
    return out;
  };

  /** What wait_event_interruptible(wq, cond()) does on `task`, call by call (the scheduler making it current). */
  async function waitEvent(k: DevKernel, task: TestTask, wq: number, cond: () => boolean, exclusive = false): Promise<number> {
    const entry = k.zalloc(WAIT_QUEUE_ENTRY.size);
    k.current = task;
    k.call('init_wait_entry', entry, exclusive ? 1 : 0);
    for (;;) {
      k.current = task;
      const r = k.call('prepare_to_wait_event', wq, entry, TASK_INTERRUPTIBLE) as number;
      if (cond()) break;
      if (r) return r;
      await k.block();
    }
    k.current = task;
    k.call('finish_wait', wq, entry);
    return 0;
  }

  it('sleeps until __wake_up and the condition holds; the woken entry leaves the list', async () => {
    const { k, reader, irq } = await setup();
    const wq = queue(k);
    let ready = false, done = false;
    const p = waitEvent(k, reader, wq, () => ready).then((r) => { done = true; return r; });
    k.current = irq;
    expect(listed(k, wq)).toHaveLength(1);
    expect(k.ram.u32(reader.taskStruct + TASK_STRUCT.__state)).toBe(TASK_INTERRUPTIBLE);
    await k.call('__wake_up', wq, TASK_NORMAL, 1, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(false);
    expect(listed(k, wq)).toHaveLength(1);
    ready = true;
    k.current = irq;
    await k.call('__wake_up', wq, TASK_INTERRUPTIBLE, 1, 0);
    expect(await p).toBe(0);
    expect(listed(k, wq)).toEqual([]);
    expect(k.ram.u32(reader.taskStruct + TASK_STRUCT.__state)).toBe(0);
  });

  it('ends an interruptible wait with -ERESTARTSYS on a signal', async () => {
    const { k, reader } = await setup();
    const wq = queue(k);
    const p = waitEvent(k, reader, wq, () => false);
    reader.signal();
    expect(await p).toBe(ERESTARTSYS);
    expect(listed(k, wq)).toEqual([]);
  });

  it('wakes all non-exclusive waiters but only nr exclusive ones, and calls a guest wake function', async () => {
    const { k, reader, irq } = await setup();
    const wq = queue(k);
    const a = k.task(20, 'a'), b = k.task(21, 'b');
    const woken: string[] = [];
    let ready = false;
    void waitEvent(k, a, wq, () => ready, true).then(() => woken.push('a'));
    void waitEvent(k, b, wq, () => ready, true).then(() => woken.push('b'));
    const custom = k.zalloc(WAIT_QUEUE_ENTRY.size);
    const calls: number[][] = [];
    k.current = reader;
    k.call('init_wait_entry', custom, 0);
    k.ram.setU32(custom + WAIT_QUEUE_ENTRY.func, k.defineGuestFunction('my_wake', (_k, e, mode, sync, key) => { calls.push([e, mode, sync, key]); return 0; }));
    k.call('prepare_to_wait', wq, custom, TASK_UNINTERRUPTIBLE);
    k.current = irq;
    ready = true;
    await k.call('__wake_up', wq, TASK_NORMAL, 1, 0x55);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([[custom, TASK_NORMAL, 0, 0x55]]);
    expect(woken).toEqual(['a']);
    k.current = irq;
    await k.call('__wake_up', wq, TASK_NORMAL, 0, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(woken).toEqual(['a', 'b']);
  });
});

describe('schedule_timeout', () => {
  it('sleeps the given jiffies in the state set, returns what is left, or returns at once if still running', async () => {
    const { k, reader } = await setup();
    k.current = reader;
    const p = k.call('schedule_timeout_uninterruptible', 5);
    k.advance(1000n * MS);
    expect(await p).toBe(0);
    expect(await k.call('schedule_timeout', 7)).toBe(7);
    const q = k.call('schedule_timeout_interruptible', 1000);
    k.advance(1000n * MS / BigInt(k.hz) * 10n);
    reader.signal();
    expect(await q).toBe(990);
  });
});
