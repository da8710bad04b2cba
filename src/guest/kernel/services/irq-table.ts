// The kernel's interrupt descriptors (Linux's struct irq_desc, kept on the
// TypeScript side): Linux IRQ numbers (virq) are small integers handed out in
// the order mappings are made, each one naming a line of an interrupt
// controller (chip + hwirq). As on riscv Linux, the local controller (INTC)
// maps its own lines first (the PLIC's parent, S-mode external = 9, and the
// timer = 5), so PLIC sources get the numbers after those.

import type { KernelContext } from '../api.ts';

export const IRQ_NONE = 0, IRQ_HANDLED = 1, IRQ_WAKE_THREAD = 2;
export const IRQF_TRIGGER_MASK = 0xf, IRQF_SHARED = 0x80, IRQF_PROBE_SHARED = 0x100, IRQF_ONESHOT = 0x2000;
export const IRQF_NO_AUTOEN = 0x80000;
/** include/linux/irq.h */
export const IRQ_TYPE_NONE = 0, IRQ_TYPE_SENSE_MASK = 0xf, IRQ_TYPE_LEVEL_MASK = 0xc;

export interface IrqAction {
  handler: number;
  threadFn: number;
  flags: number;
  name: string;
  devId: number;
  /** The handler thread's pending wake and current run, if it has one. */
  threadPending: boolean;
  threadRunning: Promise<void> | null;
}

export interface IrqDesc {
  virq: number;
  chip: 'SiFive PLIC' | 'RISC-V INTC';
  hwirq: number;
  trigger: number;
  actions: IrqAction[];
  /** Interrupts taken on this line (the CPU0 column of /proc/interrupts). */
  count: number;
  /** disable_irq nesting; the line is masked while > 0. */
  depth: number;
  /** Handlers in progress (synchronize_irq waits for 0). */
  running: number;
  idle: Array<() => void>;
  /** note_interrupt's bookkeeping (irq-spurious.ts). */
  spurious: { window: number; unhandled: number; lastUnhandledJiffies: number; stormStartNs: bigint; stormCount: number; disabled: boolean };
}

export interface IrqTable {
  descs: Map<number, IrqDesc>;
  nextVirq: number;
  warnedUnmapped: Set<number>;
}

export function irqTable(k: KernelContext): IrqTable {
  return k.state<IrqTable>('irq', () => {
    const t: IrqTable = { descs: new Map(), nextVirq: 1, warnedUnmapped: new Set() };
    createMapping(t, 'RISC-V INTC', 9);
    createMapping(t, 'RISC-V INTC', 5);
    return t;
  });
}

function createMapping(t: IrqTable, chip: IrqDesc['chip'], hwirq: number): IrqDesc {
  const desc: IrqDesc = {
    virq: t.nextVirq++, chip, hwirq, trigger: IRQ_TYPE_NONE, actions: [], count: 0, depth: 1, running: 0, idle: [],
    spurious: { window: 0, unhandled: 0, lastUnhandledJiffies: 0, stormStartNs: 0n, stormCount: 0, disabled: false },
  };
  t.descs.set(desc.virq, desc);
  return desc;
}

/** The virq of a PLIC source, mapping it on first use (irq_create_mapping). */
export function mapPlicIrq(k: KernelContext, hwirq: number): number {
  const t = irqTable(k);
  for (const d of t.descs.values()) if (d.chip === 'SiFive PLIC' && d.hwirq === hwirq) return d.virq;
  return createMapping(t, 'SiFive PLIC', hwirq).virq;
}

export function descOfHwirq(k: KernelContext, hwirq: number): IrqDesc | undefined {
  for (const d of irqTable(k).descs.values()) if (d.chip === 'SiFive PLIC' && d.hwirq === hwirq) return d;
  return undefined;
}

export function irqDesc(k: KernelContext, virq: number): IrqDesc | undefined {
  return irqTable(k).descs.get(virq);
}

/** Unmasks or masks the line at its controller (only PLIC lines reach the hardware). */
export function setLineMasked(k: KernelContext, desc: IrqDesc, masked: boolean): void {
  if (desc.chip === 'SiFive PLIC') k.setIrqEnabled(desc.hwirq, !masked);
}

/** /proc/interrupts, as kernel/irq/proc.c show_interrupts prints it for one CPU. */
export function procInterrupts(k: KernelContext): string {
  const t = irqTable(k);
  let prec = 3;
  for (let j = 1000; prec < 10 && j <= t.nextVirq; j *= 10) prec++;
  let out = `${' '.repeat(prec + 8)}CPU${'0'.padEnd(8)}\n`;
  for (const d of [...t.descs.values()].sort((a, b) => a.virq - b.virq)) {
    if (!d.actions.length && !d.count) continue;
    out += `${String(d.virq).padStart(prec)}: ${String(d.count).padStart(10)} `;
    out += ` ${d.chip.padStart(8)} ${String(d.hwirq).padStart(prec)} ${((d.trigger & IRQ_TYPE_LEVEL_MASK) ? 'Level' : 'Edge').padEnd(8)}`;
    if (d.actions.length) out += `  ${d.actions.map((a) => a.name).join(', ')}`;
    out += '\n';
  }
  return out;
}
