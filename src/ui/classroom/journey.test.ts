// The replay's hops, read from a trace the guest really recorded
// (fixtures/start-then-timeout.json: `stopwatch_ctrl.sh start`, then
// `stopwatch_ctrl.sh timeout 1` until the interrupt was handled, recorded from
// GuestSystem with its tracer on), and from the same trace with the ACK cut
// out, as the stopwatch-noack driver would leave it.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import recorded from './fixtures/start-then-timeout.json' with { type: 'json' };
import storm from './fixtures/noack-storm.json' with { type: 'json' };
import { arraySource, chooseJourney } from './journey.ts';

const trace = recorded as TraceEvent[];
const src = arraySource(trace);
const seqOf = (match: (e: TraceEvent) => boolean) => trace.find(match)!.seq;

describe('an access, guest → bus → host → back', () => {
  it('replays the trapped START write with its callback, its price and the way back', () => {
    const start = seqOf((e) => e.kind === 'mmio' && e.valueName === 'START');
    const j = chooseJourney(src, start, null)!;
    expect(j.kind).toBe('access');
    expect(j.title).toBe('write command = START → stopwatch_io_write');
    expect(j.hops.map((h) => h.place)).toEqual(['guest', 'bus', 'host', 'guest']);
    expect(j.hops[0].text).toMatch(/^store instruction at pc 0x8010[0-9a-f]{4}: exit · write command = START \(1\)$/);
    expect(j.hops[1].text).toContain('0x4000090 is in stopwatch-regs → vm exit → stopwatch write command (5 µs)');
    expect(j.hops[2].title).toBe('Host: stopwatch_io_write');
    expect(j.hops[2].text).toContain('host · stopwatch_io_write: COMMAND value: 0x1 (START)');
    expect(j.hops[3].text).toBe('vm entry ← stopwatch: back to the guest; the store completes after 5 µs in the host');
    expect(j.hops[3].timeNs! - j.hops[0].timeNs!).toBe(5000);
    expect(j.startHop).toBe(2); // the selected event is the access, which the host hop stands for
  });

  it('without a selection takes the newest access to a device, not the PLIC\'s claim reads', () => {
    const j = chooseJourney(src, null, 'access')!;
    expect(j.title).toBe('write command = TIMEOUT_ACK → stopwatch_io_write');
    expect(j.hops[2].text).toContain('irq 64 ↓');
  });
});

describe('an interrupt, device → PLIC → CPU → handler → ACK → complete', () => {
  it('replays the timeout interrupt hop by hop, in virtual time order', () => {
    const j = chooseJourney(src, null, null)!; // the interrupt came last
    expect(j.kind).toBe('interrupt');
    expect(j.title).toBe('IRQ 64 → stopwatch_timeout_irq');
    expect(j.hops.map((h) => `${h.place}: ${h.title}`)).toEqual([
      'device: Device: line 64 rises', 'plic: PLIC: pending', 'cpu: CPU: trap', 'plic: PLIC: claim',
      'handler: Handler: stopwatch_timeout_irq', 'device: ACK: the line falls', 'plic: PLIC: complete', 'cpu: CPU: back to what it ran',
    ]);
    expect(j.hops.every((h) => !h.missing)).toBe(true);
    expect(j.hops[2].text).toMatch(/^trap scause=0x80000009 \(supervisor external interrupt\)/);
    expect(j.hops[5].text).toBe('exit · write command = TIMEOUT_ACK (5) → stopwatch_io_write · irq 64 ↓ (stopwatch.timeout)');
    const times = j.hops.map((h) => h.timeNs!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('opened on the handler\'s call, starts there', () => {
    const handler = seqOf((e) => e.kind === 'kcall' && e.into === 'irq-handler');
    const j = chooseJourney(src, handler, null)!;
    expect(j.kind).toBe('interrupt');
    expect(j.hops[j.startHop].title).toBe('Handler: stopwatch_timeout_irq');
  });

  it('says the ACK is missing when the handler never lowered the line', () => {
    const ack = seqOf((e) => e.kind === 'mmio' && e.valueName === 'TIMEOUT_ACK');
    const noAck = arraySource(trace.filter((e) => !(e.seq >= ack - 1 && e.seq <= ack + 3))); // its exit, access, log, line ↓, entry
    const j = chooseJourney(noAck, null, 'interrupt')!;
    const hop = j.hops.find((h) => h.title === 'ACK')!;
    expect(hop.missing).toMatch(/stopwatch_timeout_irq returned without acknowledging the device: the line is still high/);
    expect(j.hops.filter((h) => h.missing)).toHaveLength(1);
  });
});

describe('an interrupt storm (examples/drivers/stopwatch-noack)', () => {
  // Recorded from the guest with the noack driver after `echo 4 > …/stopwatch_status` (TIMEOUT): the first
  // three claims of the storm, then its end, when the kernel's guard had disabled the line (10 001 claims between).
  const events = storm as TraceEvent[];

  it('shows the missing ACK, and the source pending again as soon as the claim completes', () => {
    const j = chooseJourney(arraySource(events), null, 'interrupt')!;
    expect(j.title).toBe('IRQ 64 → stopwatch_timeout_irq');
    const byTitle = (t: string) => j.hops.find((h) => h.title.startsWith(t))!;
    expect(byTitle('ACK').missing).toContain('the line is still high, so the PLIC will raise it again');
    expect(byTitle('PLIC: complete').text).toBe('complete 64: the line is still high, so source 64 is pending again at once');
    expect(byTitle('CPU: back').event?.kind).toBe('trap-return'); // the trap returned once the guard disabled the line
  });

  it('says why the trap does not return while the storm goes on', () => {
    const during = events.slice(0, events.length - 12); // the storm's start only
    const j = chooseJourney(arraySource(during), null, 'interrupt')!;
    expect(j.hops.at(-1)!.missing).toBe('The trap does not return: the kernel claims source 64 again and again (an interrupt storm) until its storm guard disables the line.');
  });
});

describe('nothing to replay', () => {
  it('is null on a trace without accesses or interrupts', () => {
    expect(chooseJourney(arraySource(trace.filter((e) => e.kind === 'kcall' && !e.into)), null, null)).toBeNull();
    expect(chooseJourney(arraySource([]), 5, 'access')).toBeNull();
  });
});
