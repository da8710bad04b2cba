// Deferred work on the fake kernel: timers fire at their jiffy and run the
// callback on ksoftirqd, work items run in order on kworker tasks (delayed
// ones after their delay), tasklets run once after being scheduled, mutexes
// sleep contenders and hand over on unlock, kthreads stop on request.
import { describe, expect, it } from 'vitest';
import { DevKernel } from './dev-test-kit.ts';
import { DELAYED_WORK, MUTEX, TASKLET_STRUCT, TIMER_LIST, WORK_STRUCT } from './dev-layouts.ts';
import { kthreadServices } from './kthread.ts';
import { mutexServices } from './mutex.ts';
import { softirqServices } from './softirq.ts';
import { timeServices } from './time.ts';
import { timerServices } from './timer.ts';
import { waitServices } from './wait.ts';
import { workqueueServices } from './workqueue.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

async function boot() {
  return new DevKernel([timeServices, waitServices, timerServices, workqueueServices, softirqServices, mutexServices, kthreadServices]).boot();
}

describe('timers', () => {
  it('fires at the jiffy of expires, once, on ksoftirqd; mod_timer re-arms and tells if it was pending', async () => {
    const k = await boot();
    const fired: number[] = [];
    const timer = k.zalloc(TIMER_LIST.size);
    k.call('init_timer_key', timer, k.defineGuestFunction('tick', (kk) => { fired.push(kk.jiffies()); return 0; }), 0, 0, 0);
    expect(k.call('mod_timer', timer, k.jiffies() + 10)).toBe(0);
    expect(k.ram.u32(timer + TIMER_LIST.pprev)).not.toBe(0);
    k.advance(BigInt(9e9 / k.hz));
    expect(fired).toEqual([]);
    k.advance(BigInt(1e9 / k.hz));
    expect(fired).toEqual([10]);
    expect(k.spawned.map((s) => s.comm)).toEqual(['ksoftirqd/0']);
    expect(k.ram.u32(timer + TIMER_LIST.pprev)).toBe(0);
    expect(k.call('mod_timer', timer, k.jiffies() + 5)).toBe(0);
    expect(k.call('mod_timer', timer, k.jiffies() + 20)).toBe(1);
    k.advance(BigInt(10e9 / k.hz));
    expect(fired).toEqual([10]);
    expect(k.call('del_timer', timer)).toBe(1);
    expect(k.call('del_timer', timer)).toBe(0);
    k.advance(BigInt(100e9 / k.hz));
    expect(fired).toEqual([10]);
    expect(k.call('mod_timer_pending', timer, k.jiffies() + 1)).toBe(0);
  });
});

describe('workqueues', () => {
  it('runs work in order on kworker/0:1, once per queueing while pending, and flush waits for it', async () => {
    const k = await boot();
    const ran: string[] = [];
    const mk = (name: string) => {
      const w = k.zalloc(WORK_STRUCT.size);
      k.ram.setU32(w + WORK_STRUCT.func, k.defineGuestFunction(name, async () => { ran.push(name); await settle(); return 0; }));
      return w;
    };
    const a = mk('a'), b = mk('b');
    const wq = k.ram.u32(k.symbolAddress('system_wq'));
    expect(k.call('queue_work_on', 1, wq, a)).toBe(1);
    expect(k.call('queue_work_on', 1, wq, a)).toBe(0);
    expect(k.call('queue_work_on', 1, wq, b)).toBe(1);
    const flushed = k.call('__flush_workqueue', wq);
    expect(ran).toEqual([]);
    k.advance(0n);
    await flushed;
    expect(ran).toEqual(['a', 'b']);
    expect(k.ram.u32(a + WORK_STRUCT.data) & 1).toBe(0);
    expect(new Set(k.spawned.map((s) => s.comm))).toEqual(new Set(['kworker/0:1']));
    expect(await k.call('flush_work', a)).toBe(0);
  });

  it('queues delayed work when its timer fires; cancel_delayed_work_sync stops it', async () => {
    const k = await boot();
    const ran: number[] = [];
    const dwork = k.zalloc(DELAYED_WORK.size);
    k.ram.setU32(dwork + DELAYED_WORK.work + WORK_STRUCT.func, k.defineGuestFunction('report', (kk) => { ran.push(kk.jiffies()); return 0; }));
    k.call('init_timer_key', dwork + DELAYED_WORK.timer, k.symbolAddress('delayed_work_timer_fn'), 0, 0, 0);
    const wq = k.ram.u32(k.symbolAddress('system_wq'));
    expect(k.call('queue_delayed_work_on', 1, wq, dwork, 2 * k.hz)).toBe(1);
    expect(k.call('queue_delayed_work_on', 1, wq, dwork, 1)).toBe(0);
    k.advance(1_000_000_000n);
    expect(ran).toEqual([]);
    k.advance(1_000_000_000n);
    await settle();
    k.advance(0n);
    await settle();
    expect(ran).toEqual([2 * k.hz]);
    k.call('queue_delayed_work_on', 1, wq, dwork, k.hz);
    expect(await k.call('cancel_delayed_work_sync', dwork)).toBe(1);
    k.advance(5_000_000_000n);
    expect(ran).toHaveLength(1);
    const named = k.call('alloc_workqueue', k.str('stopwatch-%d'), 2, 1, 7) as number;
    expect(k.ram.cString(k.ram.u32(named))).toBe('stopwatch-7');
  });
});

describe('tasklets', () => {
  it('runs a scheduled tasklet once, with its callback or data, and tasklet_kill waits for it', async () => {
    const k = await boot();
    const args: number[] = [];
    const t = k.zalloc(TASKLET_STRUCT.size);
    k.call('tasklet_setup', t, k.defineGuestFunction('cb', (_k, x) => { args.push(x); return 0; }));
    k.ram.setU32(t + TASKLET_STRUCT.state, 1); // what tasklet_schedule's test_and_set_bit did
    k.call('__tasklet_schedule', t);
    k.call('__tasklet_schedule', t);
    expect(args).toEqual([]);
    k.advance(0n);
    await settle();
    expect(args).toEqual([t]);
    expect(k.ram.u32(t + TASKLET_STRUCT.state)).toBe(0);
    const old = k.zalloc(TASKLET_STRUCT.size);
    k.call('tasklet_init', old, k.defineGuestFunction('fn', (_k, x) => { args.push(x); return 0; }), 0x1234);
    k.ram.setU32(old + TASKLET_STRUCT.count, 1); // disabled
    k.call('__tasklet_schedule', old);
    k.advance(0n);
    await settle();
    expect(args).toEqual([t]);
    await k.call('tasklet_kill', old);
    k.ram.setU32(old + TASKLET_STRUCT.count, 0);
    k.call('__tasklet_schedule', old);
    k.advance(0n);
    await settle();
    expect(args).toEqual([t, 0x1234]);
  });
});

describe('mutexes', () => {
  it('sleeps a contender until unlock hands it the lock; warns when unlocking a free mutex', async () => {
    const k = await boot();
    const m = k.zalloc(MUTEX.size);
    k.call('__mutex_init', m, 0, 0);
    const a = k.task(1, 'a'), b = k.task(2, 'b');
    k.current = a;
    await k.call('mutex_lock', m);
    expect(k.ram.u32(m + MUTEX.owner)).toBe(a.taskStruct);
    k.current = b;
    expect(k.call('mutex_trylock', m)).toBe(0);
    let bHas = false;
    const p = Promise.resolve(k.call('mutex_lock', m)).then(() => { bHas = true; });
    await settle();
    expect(bHas).toBe(false);
    k.current = a;
    k.call('mutex_unlock', m);
    await p;
    expect(k.ram.u32(m + MUTEX.owner)).toBe(b.taskStruct);
    k.current = b;
    k.call('mutex_unlock', m);
    expect(k.call('mutex_is_locked', m)).toBe(0);
    k.call('mutex_unlock', m);
    expect(k.lines()).toContain('DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)');
  });

  it('mutex_lock_interruptible gives up with -EINTR on a signal', async () => {
    const k = await boot();
    const m = k.zalloc(MUTEX.size);
    k.call('__mutex_init', m, 0, 0);
    k.current = k.task(1, 'a');
    await k.call('mutex_lock', m);
    const b = k.task(2, 'b');
    k.current = b;
    const p = k.call('mutex_lock_interruptible', m);
    b.signal();
    expect(await p).toBe(-4);
  });
});

describe('kthreads', () => {
  it('runs the thread under its formatted name until kthread_stop, which returns its value', async () => {
    const k = await boot();
    let loops = 0;
    const fn = k.fn('worker', async (kk) => {
      const me = kk.current;
      while (!(kk.call('kthread_should_stop'))) { loops++; kk.current = me; await settle(); kk.current = me; }
      return 42;
    });
    const ts = k.call('kthread_create_on_node', fn, 0, -1, k.str('sw-%s/%d'), k.str('poll'), 3) as number;
    expect(k.spawned[0].comm).toBe('sw-poll/3');
    await settle();
    expect(await k.call('kthread_stop', ts)).toBe(42);
    expect(loops).toBeGreaterThan(0);
  });
});
