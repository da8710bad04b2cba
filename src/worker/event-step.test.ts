// Stepping by event in the running guest, through the protocol as the page
// drives it: a watchpoint on the stopwatch's command register stops `show`
// at the driver's store before the VM exit (the device has not seen it, the
// shell has printed nothing), and Run finishes the command with one exit;
// "next exit" stops at a trapping access; "next IRQ" stops when the
// timeout's line rises, before the hart takes the interrupt; "next in lane"
// goes on to the PLIC's claim.
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol/trace-events.ts';
import { describeStop } from '../protocol/stop-reason.ts';
import { GuestPage } from '../../tests/support/guest-page.ts';


const commandWrites = (events: TraceEvent[]) =>
  events.filter((e) => e.kind === 'mmio' && e.access === 'trap' && e.op === 'write' && e.reg === 'command' && e.offset === 0);

let page: GuestPage | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

describe('stepping by event in the guest', () => {
  it('a watchpoint on command stops show at the store, before the exit; Run completes it with one exit', async () => {
    page = new GuestPage({ trace: true });
    await page.boot();
    page.send({ type: 'set-device-watchpoints', watchpoints: [{ device: 'stopwatch', reg: 'command', kind: 'write' }] });
    const from = page.screen.length;
    const traced = page.trace.length;
    page.type('/guest_fs/stopwatch_ctrl.sh show\r');
    await page.until(() => page!.paused(), 'the watchpoint');
    const stop = page.last('status')!.stop!;
    expect(stop.reason).toBe('watchpoint');
    if (stop.reason !== 'watchpoint') return;
    expect(stop.hit).toMatchObject({ when: 'before', access: 'write', device: 'stopwatch', reg: 'command', value: 3 });
    expect(describeStop(stop)).toContain('is about to write 0x3 (UPDATE) to stopwatch command');
    const regs = page.last('registers')!.registers;
    expect(regs.pc).toBe(stop.hit.pc);
    expect(regs.code.find((l) => l.addr === regs.pc)?.text).toMatch(/^sw\s/);
    expect(commandWrites(page.trace.slice(traced))).toEqual([]); // no exit yet: the model has not seen UPDATE
    expect(page.screen.slice(from)).not.toMatch(/seconds/);
    page.send({ type: 'run' });
    await page.until(() => page!.screen.endsWith('/ # '), 'show to finish');
    expect(page.screen.slice(from)).toMatch(/\r\n\d+\.\d\d seconds\r\n\/ # $/);
    expect(commandWrites(page.trace.slice(traced)).map((e) => e.kind === 'mmio' && e.value)).toEqual([3]);
  });

  it('next exit from the running guest stops at a trapping access, before it', async () => {
    page = new GuestPage({ trace: true });
    await page.boot();
    page.type('/guest_fs/stopwatch_ctrl.sh start\r');
    page.send({ type: 'run-to-event', target: 'exit' });
    await page.until(() => page!.paused(), 'the next exit');
    const stop = page.last('status')!.stop!;
    expect(stop.reason).toBe('event');
    if (stop.reason !== 'event' || stop.at.kind !== 'exit') throw new Error(`not an exit: ${JSON.stringify(stop)}`);
    expect(stop.at.hit.when).toBe('before');
    expect(stop.at.hit.device).toBeTruthy();
    expect(page.last('registers')!.registers.pc).toBe(stop.at.hit.pc);
    expect(describeStop(stop)).toMatch(/^Stopped at the next VM exit: the instruction at 0x[0-9a-f]+ is about to /);
    page.send({ type: 'run' });
    await page.until(() => page!.screen.endsWith('/ # ') && page!.last('status')?.state === 'running', 'the prompt');
  });

  it('next IRQ stops as the timeout line rises, before the interrupt is taken; next in the IRQ lane is the claim', async () => {
    page = new GuestPage({ trace: true });
    await page.boot();
    await page.command('/guest_fs/stopwatch_ctrl.sh timeout 1');
    page.send({ type: 'run-to-event', target: 'irq' });
    await page.until(() => page!.paused(), 'the next IRQ', 30_000);
    const stop = page.last('status')!.stop!;
    if (stop.reason !== 'event' || stop.at.kind !== 'event') throw new Error(`not an event stop: ${JSON.stringify(stop)}`);
    const rose = stop.at.event;
    expect(rose).toMatchObject({ kind: 'irq-line', level: 1, source: 64 });
    expect(describeStop(stop)).toMatch(/^Stopped at the next IRQ: the \S+ line \(source 64\) rose at [\d.]+ ms\. The hart has not taken the interrupt yet/);
    const after = () => page!.trace.filter((e) => e.seq > rose.seq);
    expect(after().filter((e) => e.kind === 'trap' && e.interrupt)).toEqual([]); // not taken yet

    page.send({ type: 'run-to-event', target: { lane: 'irq' } });
    await page.until(() => page!.paused() && page!.last('status')!.stop?.reason === 'event', 'the next IRQ-lane event');
    const next = page.last('status')!.stop!;
    if (next.reason !== 'event' || next.at.kind !== 'event') throw new Error('not an event stop');
    expect(next.at.event).toMatchObject({ kind: 'plic', action: 'claim', source: 64 });
    expect(after().some((e) => e.kind === 'trap' && e.interrupt)).toBe(true); // the hart took it on the way

    page.send({ type: 'run' });
    await page.until(() => page!.screen.includes('stopwatch: timeout interrupt 1'), 'the handler to finish');
    expect(await page.command('/guest_fs/stopwatch_ctrl.sh timeout')).toContain('Number of IRQ ticks: 1');
  });
});
