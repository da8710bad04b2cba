// The device and time services answer to the names the guest headers leave
// undefined (KERNEL_SYMBOLS.md, generated from the headers by gcc), each
// defined once, and cover every symbol of the headers they own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { delayServices } from './delay.ts';
import { ioremapServices } from './ioremap.ts';
import { irqServices } from './irq.ts';
import { kthreadServices } from './kthread.ts';
import { mutexServices } from './mutex.ts';
import { ofServices } from './of.ts';
import { platformServices } from './platform.ts';
import { softirqServices } from './softirq.ts';
import { timeServices } from './time.ts';
import { timerServices } from './timer.ts';
import { waitServices } from './wait.ts';
import { workqueueServices } from './workqueue.ts';

const MODULES = [ofServices, irqServices, ioremapServices, platformServices, waitServices, timeServices, delayServices,
  timerServices, workqueueServices, softirqServices, mutexServices, kthreadServices];

/** Headers whose symbols these services own entirely. */
const OWNED = ['asm-generic/io.h', 'asm/delay.h', 'linux/bottom_half.h', 'linux/completion.h', 'linux/delay.h',
  'linux/device/driver.h', 'linux/io.h', 'linux/ioport.h', 'linux/irq.h', 'linux/jiffies.h', 'linux/ktime.h',
  'linux/math64.h', 'linux/mutex.h', 'linux/of.h', 'linux/of_device.h', 'linux/of_irq.h', 'linux/of_platform.h',
  'linux/platform_device.h', 'linux/swait.h', 'linux/timer.h', 'linux/wait.h', 'linux/workqueue.h', 'linux/kthread.h',
  'linux/interrupt.h'];

function declared(): Map<string, string> {
  const md = readFileSync(new URL('../../include/KERNEL_SYMBOLS.md', import.meta.url), 'utf8');
  const out = new Map<string, string>();
  let header = '';
  for (const line of md.split('\n')) {
    header = line.match(/^## (.*)/)?.[1] ?? header;
    const sym = line.match(/^- `([^`]+)`/)?.[1];
    if (sym) out.set(sym, header);
  }
  return out;
}

describe('device and time service names', () => {
  const names = MODULES.flatMap((m) => [...Object.keys(m.services), ...Object.keys(m.variables ?? {})]);

  it('are all symbols the headers declare, each defined once', () => {
    const decl = declared();
    expect(names.filter((n) => !decl.has(n))).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('cover every symbol of the headers they own', () => {
    const have = new Set(names);
    const missing = [...declared()].filter(([sym, header]) => OWNED.includes(header) && !have.has(sym));
    expect(missing).toEqual([]);
  });
});
