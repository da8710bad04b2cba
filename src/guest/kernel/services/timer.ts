// Kernel timers (Linux's kernel/time/timer.c): a struct timer_list in guest
// RAM (include/linux/timer.h) is pending while its entry.pprev is set, which
// is what the headers' timer_pending() tests. A pending timer fires at the
// tick where jiffies reaches its expires (the next tick if that is already
// past), and its callback runs on a kernel task, in softirq context as in
// Linux, so it must not sleep. A callback implemented by the kernel itself
// (delayed_work_timer_fn) runs here directly.

import type { KernelContext, ServiceModule } from '../api.ts';
import { TIMER_LIST } from './dev-layouts.ts';
import { nsPerJiffy } from './sleep.ts';

interface Pending {
  cancel: () => void;
}

interface TimerState {
  pending: Map<number, Pending>;
  running: Map<number, Promise<unknown>>;
  /** Timer callbacks that are kernel services, by symbol name. */
  builtins: Map<string, (k: KernelContext, timer: number) => void>;
}

function timers(k: KernelContext): TimerState {
  return k.state<TimerState>('timers', () => ({ pending: new Map(), running: new Map(), builtins: new Map() }));
}

/** Lets a service be a timer callback (delayed_work_timer_fn): run in TypeScript when the timer fires. */
export function registerTimerBuiltin(k: KernelContext, symbol: string, fn: (k: KernelContext, timer: number) => void): void {
  timers(k).builtins.set(symbol, fn);
}

export const timerPending = (k: KernelContext, timer: number) => k.ram.u32(timer + TIMER_LIST.pprev) !== 0;

function setPending(k: KernelContext, timer: number, pending: boolean): void {
  k.ram.setU32(timer + TIMER_LIST.entry, 0);
  k.ram.setU32(timer + TIMER_LIST.pprev, pending ? timer : 0);
}

/** Virtual time of the tick at which jiffies reaches `expires` (at least the next tick). */
function expiryNs(k: KernelContext, expires: number): bigint {
  const per = nsPerJiffy(k);
  const delta = Math.max((expires - k.jiffies()) | 0, 1);
  return (k.nowNs() / per + BigInt(delta)) * per;
}

function runCallback(k: KernelContext, timer: number): void {
  const fn = k.ram.u32(timer + TIMER_LIST.function);
  const st = timers(k);
  for (const [symbol, builtin] of st.builtins) {
    if (fn === k.symbolAddress(symbol)) { builtin(k, timer); return; }
  }
  const task = k.spawn('ksoftirqd/0', fn, [timer]);
  const done = task.done.catch(() => 0).finally(() => st.running.delete(timer));
  st.running.set(timer, done);
}

function fire(k: KernelContext, timer: number): void {
  timers(k).pending.delete(timer);
  setPending(k, timer, false);
  runCallback(k, timer);
}

/** Removes a pending timer; whether it was pending. */
export function delTimer(k: KernelContext, timer: number): boolean {
  const p = timers(k).pending.get(timer);
  const was = timerPending(k, timer) || p !== undefined;
  p?.cancel();
  timers(k).pending.delete(timer);
  setPending(k, timer, false);
  return was;
}

/** (Re)arms the timer for `expires`; whether it was pending before. */
export function modTimer(k: KernelContext, timer: number, expires: number): boolean {
  const was = delTimer(k, timer);
  k.ram.setU32(timer + TIMER_LIST.expires, expires);
  setPending(k, timer, true);
  const cancel = k.at(expiryNs(k, expires), () => fire(k, timer));
  timers(k).pending.set(timer, { cancel });
  return was;
}

export function timerRunning(k: KernelContext, timer: number): Promise<unknown> | undefined {
  return timers(k).running.get(timer);
}

export const timerServices: ServiceModule = {
  services: {
    init_timer_key(k, a) {
      const timer = a.u32(0);
      delTimer(k, timer);
      k.ram.setU32(timer + TIMER_LIST.function, a.u32(1));
      k.ram.setU32(timer + TIMER_LIST.flags, a.u32(2));
    },
    add_timer(k, a) { modTimer(k, a.u32(0), k.ram.u32(a.u32(0) + TIMER_LIST.expires)); },
    add_timer_on(k, a) { modTimer(k, a.u32(0), k.ram.u32(a.u32(0) + TIMER_LIST.expires)); },
    mod_timer: (k, a) => (modTimer(k, a.u32(0), a.u32(1)) ? 1 : 0),
    mod_timer_pending: (k, a) => (timerPending(k, a.u32(0)) ? (modTimer(k, a.u32(0), a.u32(1)), 1) : 0),
    timer_reduce(k, a) {
      const timer = a.u32(0), expires = a.u32(1);
      const pending = timerPending(k, timer);
      if (pending && ((k.ram.u32(timer + TIMER_LIST.expires) - expires) | 0) <= 0) return 1;
      modTimer(k, timer, expires);
      return pending ? 1 : 0;
    },
    del_timer: (k, a) => (delTimer(k, a.u32(0)) ? 1 : 0),
    try_to_del_timer_sync: (k, a) => (timerRunning(k, a.u32(0)) ? -1 : delTimer(k, a.u32(0)) ? 1 : 0),
  },
};
