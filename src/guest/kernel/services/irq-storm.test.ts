// The interrupt-storm guard: a handled line firing more than STORM_IRQS times
// in a second of virtual time is reported and disabled; a busy but sane line,
// or a burst spread over more than a second, is left alone; and a driver that
// frees and requests its line again gets it back.
import { describe, expect, it } from 'vitest';
import { virtBoardDtb } from '../../of/test-dtb.ts';
import { DevKernel } from './dev-test-kit.ts';
import { handleIrq, irqServices } from './irq.ts';
import { STORM_IRQS, STORM_NS, noteHandledIrq, type StormWatch } from './irq-storm.ts';
import { ofServices } from './of.ts';

const fresh = (): StormWatch => ({ stormStartNs: 0n, stormCount: 0 });

describe('noteHandledIrq', () => {
  it('reports the interrupt after STORM_IRQS within a second, with the count and the time it took', () => {
    const w = fresh();
    let t = 5_000_000_000n;
    for (let i = 0; i < STORM_IRQS; i++, t += 10_000n) expect(noteHandledIrq(w, 3, t)).toBeNull();
    const report = noteHandledIrq(w, 3, t);
    expect(report?.headline).toBe(`irq 3: interrupt storm: ${STORM_IRQS + 1} interrupts in 100 ms; the handler says IRQ_HANDLED but the device keeps the line raised (does the handler acknowledge the device?)`);
    expect(report?.advice).toMatch(/^irq 3: the line stays off until its driver frees it: rmmod/);
  });

  it('leaves alone a line that fires just under the threshold every second, for ten seconds', () => {
    const w = fresh();
    const gap = STORM_NS / BigInt(STORM_IRQS) + 1n;
    let t = 0n, reports = 0;
    for (let i = 0; i < 10 * STORM_IRQS; i++, t += gap) if (noteHandledIrq(w, 3, t)) reports++;
    expect(reports).toBe(0);
  });

  it('starts counting again when a second has passed since the window opened', () => {
    const w = fresh();
    for (let i = 0; i < STORM_IRQS; i++) noteHandledIrq(w, 3, 1_000n);
    expect(noteHandledIrq(w, 3, 1_000n + STORM_NS + 1n)).toBeNull();
    expect(w.stormCount).toBe(1);
  });
});

describe('a storm on the stopwatch line', () => {
  async function boot() {
    const board = virtBoardDtb();
    const k = await new DevKernel([ofServices, irqServices], board.dtb).boot();
    const hwirq = board.stopwatch!.irqs[0];
    const np = k.call('of_find_compatible_node', 0, 0, k.str('stopwatch')) as number;
    const virq = k.call('of_irq_get', np, 0) as number;
    return { k, hwirq, virq };
  }

  it('prints the report and the advice, disables the line, and stops calling the handler', async () => {
    const { k, virq, hwirq } = await boot();
    let calls = 0;
    k.call('request_threaded_irq', virq, k.defineGuestFunction('never_acks', () => { calls++; return 1; }), 0, 0, k.str('sw'), 7);
    for (let i = 0; i < STORM_IRQS + 50; i++) { await handleIrq(k, hwirq); k.advance(10_000n); }
    expect(calls).toBe(STORM_IRQS + 1);
    const log = k.lines();
    const at = log.findIndex((l) => l.startsWith('irq 3: interrupt storm: '));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(log.slice(at)).toContain('Disabling IRQ #3');
    expect(log.at(-1)).toMatch(/^irq 3: the line stays off until its driver frees it/);
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
  });

  it('gives the line back to a driver that frees it and requests it again', async () => {
    const { k, virq, hwirq } = await boot();
    const handler = k.defineGuestFunction('never_acks', () => 1);
    k.call('request_threaded_irq', virq, handler, 0, 0, k.str('sw'), 7);
    for (let i = 0; i < STORM_IRQS + 1; i++) { await handleIrq(k, hwirq); k.advance(10_000n); }
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
    await k.call('free_irq', virq, 7);
    expect(k.call('request_threaded_irq', virq, handler, 0, 0, k.str('sw'), 7)).toBe(0);
    expect(k.enabledIrqs.has(hwirq)).toBe(true);
  });
});
