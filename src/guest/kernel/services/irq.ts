// Interrupt handling services (Linux's kernel/irq/manage.c, chip.c, proc.c
// and drivers/of/irq.c): request_threaded_irq and friends keep the actions of
// each Linux IRQ; handleIrq, called by the kernel's trap entry after it
// claimed a PLIC source, runs each action's handler on the vCPU (shared lines
// run them all), wakes a handler thread "irq/N-name" on IRQ_WAKE_THREAD, and
// notes lines nobody handles (irq-spurious.ts). /proc/interrupts shows the
// counts as Linux prints them.

import { TaskAborted, type KernelContext, type ServiceModule } from '../api.ts';
import { textProvider } from '../../fs/provider.ts';
import { E } from './dev-errno.ts';
import { DEVICE, DEVICE_NODE, KOBJECT, RESOURCE } from './dev-layouts.ts';
import { kernelWarn } from './dev-warn.ts';
import { devresAdd, devresRemove } from './devres.ts';
import { disableForGood, noteInterrupt } from './irq-spurious.ts';
import {
  IRQ_WAKE_THREAD, IRQF_NO_AUTOEN, IRQF_ONESHOT, IRQF_PROBE_SHARED, IRQF_SHARED, IRQF_TRIGGER_MASK, IRQ_TYPE_SENSE_MASK,
  descOfHwirq, irqDesc, irqTable, mapPlicIrq, procInterrupts, setLineMasked, type IrqAction, type IrqDesc,
} from './irq-table.ts';
import { propertyCells, propertyStrings } from './of.ts';

const KERN_ERR = 3, KERN_WARNING = 4;
export const IORESOURCE_IRQ = 0x400;

export { mapPlicIrq, descOfHwirq };

function hex(v: number): string {
  return (v >>> 0).toString(16).padStart(8, '0');
}

function checkRequest(k: KernelContext, desc: IrqDesc | undefined, a: IrqAction): number {
  if (!desc || desc.chip !== 'SiFive PLIC') return -E.EINVAL;
  if ((a.flags & IRQF_SHARED) && !a.devId) return -E.EINVAL;
  if (!a.handler && !a.threadFn) return -E.EINVAL;
  if (!a.handler && !(a.flags & IRQF_ONESHOT)) {
    k.printk(KERN_ERR, `genirq: Threaded irq requested with handler=NULL and !ONESHOT for ${a.name} (irq ${desc.virq})`);
    return -E.EINVAL;
  }
  const old = desc.actions[0];
  if (old && !((old.flags & a.flags & IRQF_SHARED))) {
    if (!(a.flags & IRQF_PROBE_SHARED)) {
      k.printk(KERN_ERR, `genirq: Flags mismatch irq ${desc.virq}. ${hex(a.flags)} (${a.name}) vs. ${hex(old.flags)} (${old.name})`);
    }
    return -E.EBUSY;
  }
  return 0;
}

function requestThreadedIrq(k: KernelContext, virq: number, handler: number, threadFn: number, flags: number, namePtr: number, devId: number): number {
  const desc = irqDesc(k, virq);
  const action: IrqAction = { handler, threadFn, flags, name: namePtr ? k.ram.cString(namePtr) : '', devId, threadPending: false, threadRunning: null };
  const err = checkRequest(k, desc, action);
  if (err || !desc) return err;
  desc.actions.push(action);
  if (desc.actions.length === 1) {
    if (flags & IRQF_TRIGGER_MASK) desc.trigger = flags & IRQF_TRIGGER_MASK;
    desc.spurious = { window: 0, unhandled: 0, lastUnhandledJiffies: 0, stormStartNs: 0n, stormCount: 0, disabled: false };
    desc.depth = flags & IRQF_NO_AUTOEN ? 1 : 0;
    setLineMasked(k, desc, desc.depth > 0);
  }
  return 0;
}

/** Waits for running handlers of the line, then for the threads of `actions`. */
async function waitIdle(desc: IrqDesc, actions = desc.actions): Promise<void> {
  while (desc.running > 0) await new Promise<void>((r) => desc.idle.push(r));
  for (const a of actions) if (a.threadRunning) await a.threadRunning;
}

/** free_irq: returns the action's name pointer as Linux does (0 if none was found). */
async function freeIrq(k: KernelContext, virq: number, devId: number, namePtrs: Map<IrqAction, number>): Promise<number> {
  const desc = irqDesc(k, virq);
  const i = desc ? desc.actions.findIndex((a) => a.devId === devId) : -1;
  if (!desc || i < 0) {
    kernelWarn(k, `Trying to free already-free IRQ ${virq}`, 'kernel/irq/manage.c:1893 __free_irq');
    return 0;
  }
  const [action] = desc.actions.splice(i, 1);
  if (!desc.actions.length) {
    desc.depth = 1;
    setLineMasked(k, desc, true);
  }
  await waitIdle(desc, [action]);
  const name = namePtrs.get(action) ?? 0;
  namePtrs.delete(action);
  return name;
}

/** The name pointers drivers passed, which free_irq hands back. */
function namePtrs(k: KernelContext): Map<IrqAction, number> {
  return k.state('irq-names', () => new Map<IrqAction, number>());
}

function lastAction(k: KernelContext, virq: number): IrqAction | undefined {
  const d = irqDesc(k, virq);
  return d?.actions[d.actions.length - 1];
}

function request(k: KernelContext, virq: number, handler: number, threadFn: number, flags: number, namePtr: number, devId: number): number {
  const r = requestThreadedIrq(k, virq, handler, threadFn, flags, namePtr, devId);
  if (r === 0) namePtrs(k).set(lastAction(k, virq)!, namePtr);
  return r;
}

function devmRequest(k: KernelContext, dev: number, virq: number, handler: number, threadFn: number, flags: number, namePtr: number, devId: number): number {
  // devname NULL: dev_name(dev), the init name or else the kobject's name.
  const name = namePtr || k.ram.u32(dev + DEVICE.init_name) || k.ram.u32(dev + DEVICE.kobj + KOBJECT.name);
  const r = request(k, virq, handler, threadFn, flags, name, devId);
  if (r) return r;
  devresAdd(k, dev, {
    name: `devm_request_irq ${hex(devId)}`, key: virq,
    release: async () => { await freeIrq(k, virq, devId, namePtrs(k)); },
  });
  return 0;
}

// --- Enabling and disabling lines ----------------------------------------------

function disable(k: KernelContext, virq: number): IrqDesc | undefined {
  const desc = irqDesc(k, virq);
  if (!desc) return undefined;
  if (desc.depth++ === 0) setLineMasked(k, desc, true);
  return desc;
}

function enable(k: KernelContext, virq: number): void {
  const desc = irqDesc(k, virq);
  if (!desc) return;
  if (desc.depth === 0) {
    kernelWarn(k, `Unbalanced enable for IRQ ${virq}`, 'kernel/irq/manage.c:774 __enable_irq');
    return;
  }
  if (--desc.depth === 0) {
    desc.spurious.disabled = false;
    setLineMasked(k, desc, false);
  }
}

// --- Running the handlers -----------------------------------------------------

function wakeThread(k: KernelContext, desc: IrqDesc, a: IrqAction): void {
  if (!a.threadFn) return;
  if (a.threadRunning) { a.threadPending = true; return; }
  const oneshot = (a.flags & IRQF_ONESHOT) !== 0;
  if (oneshot) setLineMasked(k, desc, true);
  const comm = `irq/${desc.virq}-${a.name}`.slice(0, 15);
  a.threadRunning = (async () => {
    do {
      a.threadPending = false;
      const task = k.spawn(comm, a.threadFn, [desc.virq, a.devId]);
      await task.done.catch(() => 0);
    } while (a.threadPending);
    a.threadRunning = null;
    if (oneshot && desc.depth === 0) setLineMasked(k, desc, false);
  })();
}

/**
 * The kernel's interrupt entry hands over each claimed PLIC source here
 * (Linux's generic_handle_domain_irq → handle_fasteoi_irq); it completes the
 * claim itself when this settles.
 */
export async function handleIrq(k: KernelContext, hwirq: number): Promise<void> {
  const desc = descOfHwirq(k, hwirq);
  if (!desc) {
    const t = irqTable(k);
    if (!t.warnedUnmapped.has(hwirq)) k.printk(KERN_WARNING, `plic: can't find mapping for hwirq ${hwirq}`);
    t.warnedUnmapped.add(hwirq);
    k.setIrqEnabled(hwirq, false);
    return;
  }
  desc.count++;
  if (!desc.actions.length || desc.depth > 0) {
    setLineMasked(k, desc, true);
    return;
  }
  desc.running++;
  let ret = 0;
  try {
    for (const a of [...desc.actions]) {
      const r = a.handler ? await k.callGuest(a.handler, desc.virq, a.devId) : IRQ_WAKE_THREAD;
      if (r & IRQ_WAKE_THREAD) wakeThread(k, desc, a);
      ret |= r;
    }
  } catch (e) {
    // Linux panics on an Oops in interrupt context; here the Oops is reported
    // and the line is switched off, so the rest of the system goes on.
    if (!(e instanceof TaskAborted)) throw e;
    disableForGood(k, desc);
    return;
  } finally {
    if (--desc.running === 0) desc.idle.splice(0).forEach((r) => r());
  }
  noteInterrupt(k, desc, ret);
}

// --- Interrupts in the device tree -------------------------------------------------

/** The PLIC sources in a node's "interrupts" (one cell each, as the PLIC's #interrupt-cells). */
export function nodeInterrupts(k: KernelContext, np: number): number[] {
  return np ? propertyCells(k, np, 'interrupts') ?? [] : [];
}

function ofIrqGet(k: KernelContext, np: number, index: number): number {
  const irqs = nodeInterrupts(k, np);
  if (index < 0 || index >= irqs.length) return -E.EINVAL;
  return mapPlicIrq(k, irqs[index]);
}

function ofIrqToResource(k: KernelContext, np: number, index: number, r: number): number {
  const virq = ofIrqGet(k, np, index);
  if (virq <= 0) return 0;
  if (r) {
    const names = propertyStrings(k, np, 'interrupt-names');
    k.ram.fill(r, 0, RESOURCE.size);
    k.ram.setU32(r + RESOURCE.start, virq);
    k.ram.setU32(r + RESOURCE.end, virq);
    k.ram.setU32(r + RESOURCE.flags, IORESOURCE_IRQ | (irqDesc(k, virq)!.trigger & IRQ_TYPE_SENSE_MASK));
    const name = names?.[index];
    k.ram.setU32(r + RESOURCE.name, name !== undefined ? kstrdup(k, name) : k.ram.u32(np + DEVICE_NODE.full_name));
  }
  return virq;
}

function kstrdup(k: KernelContext, s: string): number {
  const p = k.kmalloc(s.length + 1, 1);
  k.ram.setCString(p, s);
  return p;
}

function ofIrqByName(k: KernelContext, np: number, namePtr: number): number {
  if (!namePtr) return -E.EINVAL;
  const names = propertyStrings(k, np, 'interrupt-names');
  if (!names) return -E.EINVAL;
  const i = names.indexOf(k.ram.cString(namePtr));
  return i < 0 ? -E.ENODATA : ofIrqGet(k, np, i);
}

export const irqServices: ServiceModule = {
  irq: handleIrq,
  boot(k) {
    irqTable(k);
    k.vfs.addProviderFile('/proc/interrupts', { ...textProvider(() => procInterrupts(k)), size: 0 }, 0o444);
  },
  services: {
    request_threaded_irq: (k, a) => request(k, a.u32(0), a.u32(1), a.u32(2), a.u32(3), a.u32(4), a.u32(5)),
    free_irq: (k, a) => freeIrq(k, a.u32(0), a.u32(1), namePtrs(k)),
    devm_request_threaded_irq: (k, a) => devmRequest(k, a.u32(0), a.u32(1), a.u32(2), a.u32(3), a.u32(4), a.u32(5), a.u32(6)),
    async devm_free_irq(k, a) {
      const res = devresRemove(k, a.u32(0), `devm_request_irq ${hex(a.u32(2))}`, a.u32(1));
      if (!res) kernelWarn(k, `devm_free_irq: no devm IRQ ${a.u32(1)} for this device and dev_id`, 'kernel/irq/devres.c:144 devm_free_irq');
      await freeIrq(k, a.u32(1), a.u32(2), namePtrs(k));
    },
    async disable_irq(k, a) {
      const desc = disable(k, a.u32(0));
      if (desc) await waitIdle(desc);
    },
    disable_irq_nosync(k, a) { disable(k, a.u32(0)); },
    enable_irq(k, a) { enable(k, a.u32(0)); },
    async synchronize_irq(k, a) {
      const desc = irqDesc(k, a.u32(0));
      if (desc) await waitIdle(desc);
    },
    irq_get_trigger_type: (k, a) => (irqDesc(k, a.u32(0))?.trigger ?? 0) & IRQ_TYPE_SENSE_MASK,
    irq_set_irq_type(k, a) {
      const desc = irqDesc(k, a.u32(0));
      if (!desc) return -E.EINVAL;
      desc.trigger = a.u32(1) & IRQ_TYPE_SENSE_MASK;
      return 0;
    },
    irq_of_parse_and_map: (k, a) => Math.max(ofIrqGet(k, a.u32(0), a.i32(1)), 0),
    of_irq_count: (k, a) => nodeInterrupts(k, a.u32(0)).length,
    of_irq_get: (k, a) => ofIrqGet(k, a.u32(0), a.i32(1)),
    of_irq_get_byname: (k, a) => ofIrqByName(k, a.u32(0), a.u32(1)),
    of_irq_to_resource: (k, a) => ofIrqToResource(k, a.u32(0), a.i32(1), a.u32(2)),
  },
};
