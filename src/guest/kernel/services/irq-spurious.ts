// A line nobody handles, as Linux's kernel/irq/spurious.c note_interrupt
// detects it: in every window of interrupts, if nearly all of them went
// unhandled (IRQ_NONE from every handler) the line is reported ("nobody
// cared"), its handlers listed, and it is disabled for good. Linux's window is
// 100,000 interrupts with 99,900 unhandled; ours is 1,000 with 999, so that a
// stuck line is caught within a millisecond or two of virtual time instead of
// seconds of a student's wall time.
//
// Linux has no such check for a handler that returns IRQ_HANDLED but never
// silences its device: the machine just livelocks. Here such a storm is
// caught by our own guard (irq-storm.ts), reported in the same shape and the
// line disabled, so the shell goes on.

import type { KernelContext } from '../api.ts';
import { IRQ_HANDLED, IRQ_NONE, IRQ_WAKE_THREAD, setLineMasked, type IrqDesc } from './irq-table.ts';
import { noteHandledIrq } from './irq-storm.ts';

export const SPURIOUS_WINDOW = 1000;
export const SPURIOUS_LIMIT = 999;

const KERN_EMERG = 0, KERN_ERR = 3;

function hex(addr: number): string {
  return (addr >>> 0).toString(16).padStart(8, '0');
}

/** %ps: the symbol without its offset ("stopwatch_irq [stopwatch]"). */
function symbolOnly(k: KernelContext, addr: number): string {
  return k.symbolize(addr).replace(/\+0x[0-9a-f]+\/0x[0-9a-f]+/, '');
}

function reportBadIrq(k: KernelContext, desc: IrqDesc, headline: string): void {
  k.printk(KERN_ERR, headline);
  k.printk(KERN_ERR, `CPU: 0 PID: ${k.current.pid} Comm: ${k.current.comm}`);
  k.printk(KERN_ERR, 'handlers:');
  for (const a of desc.actions) {
    const thread = a.threadFn ? ` threaded [<${hex(a.threadFn)}>] ${symbolOnly(k, a.threadFn)}` : '';
    k.printk(KERN_ERR, `[<${hex(a.handler)}>] ${symbolOnly(k, a.handler)}${thread}`);
  }
}

/** Masks the line for good, with Linux's last line of a "nobody cared" report. */
export function disableForGood(k: KernelContext, desc: IrqDesc): void {
  k.printk(KERN_EMERG, `Disabling IRQ #${desc.virq}`);
  desc.spurious.disabled = true;
  desc.depth++;
  setLineMasked(k, desc, true);
}

function countUnhandled(k: KernelContext, desc: IrqDesc, ret: number): void {
  const s = desc.spurious;
  if (ret !== IRQ_NONE) return;
  const now = k.jiffies();
  // As Linux: unhandled interrupts far apart (> HZ/10) do not add up.
  s.unhandled = (now - s.lastUnhandledJiffies) >>> 0 > k.hz / 10 ? 1 : s.unhandled + 1;
  s.lastUnhandledJiffies = now;
}

/** Called after the handlers of one interrupt ran, with their or'ed results. */
export function noteInterrupt(k: KernelContext, desc: IrqDesc, ret: number): void {
  if (desc.spurious.disabled) return;
  if (ret > (IRQ_HANDLED | IRQ_WAKE_THREAD) || ret < 0) {
    reportBadIrq(k, desc, `irq event ${desc.virq}: bogus return value ${(ret >>> 0).toString(16)}`);
  }
  countUnhandled(k, desc, ret);
  const storm = ret !== IRQ_NONE ? noteHandledIrq(desc.spurious, desc.virq, k.nowNs()) : null;
  if (storm) {
    reportBadIrq(k, desc, storm.headline);
    disableForGood(k, desc);
    k.printk(KERN_ERR, storm.advice);
    return;
  }
  if (++desc.spurious.window < SPURIOUS_WINDOW) return;
  desc.spurious.window = 0;
  if (desc.spurious.unhandled >= SPURIOUS_LIMIT) {
    reportBadIrq(k, desc, `irq ${desc.virq}: nobody cared (try booting with the "irqpoll" option)`);
    disableForGood(k, desc);
  }
  desc.spurious.unhandled = 0;
}
