// Tasklets and bottom halves (Linux's kernel/softirq.c): a scheduled
// tasklet runs once, after the interrupt that scheduled it returns, on the
// softirq task "ksoftirqd/0"; the headers set TASKLET_STATE_SCHED before
// calling __tasklet_schedule, and it is cleared just before the tasklet runs,
// so it may be scheduled again from its own callback. A disabled tasklet
// (count > 0) waits on the list until it is enabled. Layout:
// include/linux/interrupt.h (struct tasklet_struct).

import type { KernelContext, ServiceModule } from '../api.ts';
import { TASKLET_STRUCT } from './dev-layouts.ts';
import { nsPerJiffy } from './sleep.ts';

const TASKLET_STATE_SCHED = 1, TASKLET_STATE_RUN = 2;

interface SoftirqState {
  queue: number[];
  running: Promise<void> | null;
  /** Woken after each tasklet ran (tasklet_kill waits on it). */
  ran: Array<() => void>;
  bhDisabled: number;
}

function softirq(k: KernelContext): SoftirqState {
  return k.state<SoftirqState>('softirq', () => ({ queue: [], running: null, ran: [], bhDisabled: 0 }));
}

function setState(k: KernelContext, t: number, bit: number, on: boolean): void {
  const s = k.ram.u32(t + TASKLET_STRUCT.state);
  k.ram.setU32(t + TASKLET_STRUCT.state, on ? s | bit : s & ~bit);
}

async function runOne(k: KernelContext, t: number): Promise<void> {
  setState(k, t, TASKLET_STATE_SCHED, false);
  setState(k, t, TASKLET_STATE_RUN, true);
  const callback = k.ram.u8(t + TASKLET_STRUCT.use_callback) !== 0;
  const fn = k.ram.u32(t + TASKLET_STRUCT.func);
  const arg = callback ? t : k.ram.u32(t + TASKLET_STRUCT.data);
  await k.spawn('ksoftirqd/0', fn, [arg]).done.catch(() => 0);
  setState(k, t, TASKLET_STATE_RUN, false);
}

/** tasklet_action: runs the enabled tasklets on the list; disabled ones stay for later. */
async function runTasklets(k: KernelContext): Promise<void> {
  const st = softirq(k);
  const later: number[] = [];
  for (let t = st.queue.shift(); t !== undefined; t = st.queue.shift()) {
    if (k.ram.u32(t + TASKLET_STRUCT.count) !== 0) { later.push(t); continue; }
    await runOne(k, t);
    st.ran.splice(0).forEach((wake) => wake());
  }
  st.queue.push(...later);
  st.running = null;
  // A disabled tasklet is looked at again a tick later (tasklet_enable is inline: no call tells us).
  if (later.length) k.at(k.nowNs() + nsPerJiffy(k), () => kick(k));
}

function kick(k: KernelContext): void {
  const st = softirq(k);
  if (st.running || !st.queue.length) return;
  // Raised now, run when the interrupt (or the current service) has returned.
  st.running = new Promise<void>((resolve) => k.at(k.nowNs(), () => { void runTasklets(k).then(resolve); }));
}

function schedule(k: KernelContext, t: number, first: boolean): void {
  const st = softirq(k);
  if (st.queue.includes(t)) return;
  if (first) st.queue.unshift(t);
  else st.queue.push(t);
  kick(k);
}

async function taskletKill(k: KernelContext, t: number): Promise<void> {
  const st = softirq(k);
  const i = st.queue.indexOf(t);
  if (i >= 0 && k.ram.u32(t + TASKLET_STRUCT.count) !== 0) st.queue.splice(i, 1);
  while (st.queue.includes(t) || (k.ram.u32(t + TASKLET_STRUCT.state) & TASKLET_STATE_RUN)) {
    await new Promise<void>((r) => st.ran.push(r));
  }
  setState(k, t, TASKLET_STATE_SCHED, false);
}

export const softirqServices: ServiceModule = {
  services: {
    tasklet_init(k, a) {
      const t = a.u32(0);
      k.ram.fill(t, 0, TASKLET_STRUCT.size);
      k.ram.setU32(t + TASKLET_STRUCT.func, a.u32(1));
      k.ram.setU32(t + TASKLET_STRUCT.data, a.u32(2));
    },
    tasklet_setup(k, a) {
      const t = a.u32(0);
      k.ram.fill(t, 0, TASKLET_STRUCT.size);
      k.ram.setU8(t + TASKLET_STRUCT.use_callback, 1);
      k.ram.setU32(t + TASKLET_STRUCT.func, a.u32(1));
    },
    __tasklet_schedule(k, a) { schedule(k, a.u32(0), false); },
    __tasklet_hi_schedule(k, a) { schedule(k, a.u32(0), true); },
    tasklet_kill: (k, a) => taskletKill(k, a.u32(0)),
    __local_bh_disable_ip(k) { softirq(k).bhDisabled++; },
    __local_bh_enable_ip(k) {
      const st = softirq(k);
      if (st.bhDisabled > 0) st.bhDisabled--;
      if (st.bhDisabled === 0) kick(k);
    },
  },
};
