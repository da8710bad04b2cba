// The guest kernel's guard against an interrupt storm: a line whose handler
// says IRQ_HANDLED every time but whose device never lowers it (a driver that
// forgets to acknowledge a level-triggered interrupt).
//
// Linux has no such guard. Its note_interrupt (kernel/irq/spurious.c, our
// irq-spurious.ts) only catches lines that nobody handles (IRQ_NONE); a
// handled line that never goes quiet livelocks the CPU for good. Here that
// would freeze the shell until the page is reloaded, which teaches nothing,
// so the kernel counts each line's handled interrupts per second of virtual
// time and, beyond STORM_IRQS in one second, reports the storm and disables
// the line in Linux's words for a disabled IRQ.
//
// Why 10,000 per second: no device on this board legitimately interrupts that
// often (the stopwatch fires at most once a second, the UART once per byte at
// most), while a stuck level-triggered line fires about 100,000 times per
// virtual second (each round costs two trapped PLIC accesses of 5 µs). So the
// guard trips after about 10,000 interrupts, a tenth of a second of virtual
// time: long enough that the Trace pane shows the storm plainly (about 90,000
// events) and that the page's speed can be measured under it, short enough
// that the shell is frozen for only a second or two of wall time.

export const STORM_IRQS = 10_000;
export const STORM_NS = 1_000_000_000n;

/** One line's count: handled interrupts since the start of the current one-second span of virtual time. */
export interface StormWatch {
  stormStartNs: bigint;
  stormCount: number;
}

/** What the kernel prints when it gives up on a storming line. */
export interface StormReport {
  headline: string;
  /** Printed after "Disabling IRQ #N": how the student gets the line back. */
  advice: string;
}

/**
 * Counts one handled interrupt at virtual time `nowNs`. Returns the report
 * when the line has fired more than STORM_IRQS times within STORM_NS, else null.
 */
export function noteHandledIrq(watch: StormWatch, virq: number, nowNs: bigint): StormReport | null {
  if (watch.stormCount === 0 || nowNs - watch.stormStartNs > STORM_NS) {
    watch.stormStartNs = nowNs;
    watch.stormCount = 0;
  }
  if (++watch.stormCount <= STORM_IRQS) return null;
  const ms = Number(nowNs - watch.stormStartNs) / 1e6;
  return {
    headline: `irq ${virq}: interrupt storm: ${watch.stormCount} interrupts in ${ms < 1 ? ms.toFixed(3) : ms.toFixed(0)} ms; `
      + 'the handler says IRQ_HANDLED but the device keeps the line raised (does the handler acknowledge the device?)',
    advice: `irq ${virq}: the line stays off until its driver frees it: rmmod the module, or Build & load a fixed driver`,
  };
}
