// Delays (arch/riscv/lib/delay.c, kernel/time/timer.c's msleep and
// usleep_range_state, init/calibrate.c): udelay/ndelay/__delay busy-wait,
// so virtual time passes while the task keeps the CPU (__delay counts
// timebase cycles, 10 MHz on virt); msleep and usleep_range sleep the task on
// a timer, as long as Linux would (msleep(m) is msecs_to_jiffies(m) + 1
// jiffies). calibrate_delay prints what riscv Linux prints: the loop is not
// calibrated, lpj comes from the timer frequency.

import type { KernelContext, ServiceModule } from '../api.ts';
import { jiffiesToMsecs, msecsToJiffies } from './time.ts';
import { TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE, currentTask, setTaskState } from './sleep.ts';
import { scheduleTimeout } from './wait.ts';

const KERN_INFO = 6;

function timebase(k: KernelContext): number {
  const tb = k.symbolAddress('riscv_timebase');
  return (tb && k.ram.u32(tb)) || 10_000_000;
}

/** Spends `ns` of virtual time on the current task. */
export async function busyWait(k: KernelContext, ns: bigint): Promise<void> {
  if (ns <= 0n) return;
  if (k.busyWait) { await k.busyWait(ns); return; }
  await new Promise<void>((resolve) => k.at(k.nowNs() + ns, resolve));
}

/** __delay(cycles): cycles of the timebase counter. */
const cyclesToNs = (k: KernelContext, cycles: number) => (BigInt(cycles) * 1_000_000_000n) / BigInt(timebase(k));

async function sleepJiffies(k: KernelContext, timeout: number, state: number): Promise<number> {
  let left = timeout;
  while (left > 0) {
    setTaskState(k, currentTask(k), state);
    left = await scheduleTimeout(k, left);
    if (state === TASK_INTERRUPTIBLE && k.current.signalPending) break;
  }
  return left;
}

/** lpj from the timer: timebase / HZ, as riscv's calibrate_delay_is_known. */
const lpjFine = (k: KernelContext) => Math.floor(timebase(k) / k.hz);

export const delayServices: ServiceModule = {
  variables: {
    loops_per_jiffy: { size: 4, init: (k, addr) => k.ram.setU32(addr, lpjFine(k)) },
    lpj_fine: { size: 4, init: (k, addr) => k.ram.setU32(addr, lpjFine(k)) },
  },
  services: {
    __delay: (k, a) => busyWait(k, cyclesToNs(k, a.u32(0))),
    ndelay: (k, a) => busyWait(k, BigInt(a.u32(0))),
    udelay: (k, a) => busyWait(k, BigInt(a.u32(0)) * 1000n),
    async msleep(k, a) { await sleepJiffies(k, msecsToJiffies(k, a.u32(0)) + 1, TASK_UNINTERRUPTIBLE); },
    async msleep_interruptible(k, a) {
      return jiffiesToMsecs(k, await sleepJiffies(k, msecsToJiffies(k, a.u32(0)) + 1, TASK_INTERRUPTIBLE));
    },
    async usleep_range_state(k, a) {
      const until = k.nowNs() + BigInt(a.u32(0)) * 1000n;
      const task = currentTask(k);
      while (k.nowNs() < until) {
        setTaskState(k, task, a.u32(2));
        const left = until - k.nowNs();
        await new Promise<void>((resolve) => k.at(k.nowNs() + left, resolve));
        if ((a.u32(2) & TASK_INTERRUPTIBLE) && task.signalPending) break;
      }
      setTaskState(k, task, 0);
    },
    calibrate_delay(k) {
      const lpj = lpjFine(k);
      for (const name of ['loops_per_jiffy', 'lpj_fine']) {
        const at = k.symbolAddress(name);
        if (at) k.ram.setU32(at, lpj);
      }
      const bogo = lpj / (500_000 / k.hz);
      k.printk(KERN_INFO, `Calibrating delay loop (skipped), value calculated using timer frequency.. ${bogo.toFixed(2)} BogoMIPS (lpj=${lpj})`);
    },
    calibration_delay_done() {},
  },
};
