// IRQ services on the board's DTB: Linux IRQ numbers for PLIC sources,
// handlers run by handleIrq (shared lines, threads), enable/disable nesting,
// the WARNs of a double free_irq and an unbalanced enable_irq, a line nobody
// handles and a line that never drops, and /proc/interrupts as Linux prints it.
import { describe, expect, it } from 'vitest';
import { virtBoardDtb } from '../../of/test-dtb.ts';
import { DevKernel } from './dev-test-kit.ts';
import { RESOURCE } from './dev-layouts.ts';
import { devresReleaseAll } from './devres.ts';
import { SPURIOUS_WINDOW } from './irq-spurious.ts';
import { STORM_IRQS } from './irq-storm.ts';
import { handleIrq, irqServices, mapPlicIrq } from './irq.ts';
import { ofServices } from './of.ts';

const IRQF_SHARED = 0x80, IRQF_ONESHOT = 0x2000;

async function boot() {
  const board = virtBoardDtb();
  const k = await new DevKernel([ofServices, irqServices], board.dtb).boot();
  const hwirq = board.stopwatch!.irqs[0];
  const np = k.call('of_find_compatible_node', 0, 0, k.str('stopwatch')) as number;
  const virq = k.call('of_irq_get', np, 0) as number;
  return { k, hwirq, np, virq };
}

describe('irq services', () => {
  it('numbers PLIC sources after the local controller\'s own lines and fills an IRQ resource', async () => {
    const { k, np, virq, hwirq } = await boot();
    expect(virq).toBe(3);
    expect(mapPlicIrq(k, hwirq)).toBe(3);
    expect(k.call('of_irq_count', np)).toBe(1);
    expect(k.call('of_irq_get', np, 1)).toBe(-22);
    expect(k.call('irq_of_parse_and_map', np, 1)).toBe(0);
    const r = k.zalloc(RESOURCE.size);
    expect(k.call('of_irq_to_resource', np, 0, r)).toBe(3);
    expect([k.ram.u32(r + RESOURCE.start), k.ram.u32(r + RESOURCE.end), k.ram.u32(r + RESOURCE.flags)]).toEqual([3, 3, 0x400]);
    expect(k.ram.cString(k.ram.u32(r + RESOURCE.name))).toMatch(/^stopwatch@/);
  });

  it('runs the handler with (irq, dev_id), counts it, and shows the line in /proc/interrupts as Linux does', async () => {
    const { k, virq, hwirq } = await boot();
    const calls: number[][] = [];
    const handler = k.defineGuestFunction('sw_irq', (_k, irq, dev) => { calls.push([irq, dev]); return 1; });
    expect(k.call('request_threaded_irq', virq, handler, 0, 0, k.str('stopwatch'), 0x1234)).toBe(0);
    expect(k.enabledIrqs.has(hwirq)).toBe(true);
    await handleIrq(k, hwirq);
    await handleIrq(k, hwirq);
    expect(calls).toEqual([[3, 0x1234], [3, 0x1234]]);
    expect(await k.cat('/proc/interrupts')).toBe(
      '           CPU0       \n' +
      `  3:          2  SiFive PLIC  ${hwirq} Edge      stopwatch\n`);
  });

  it('runs every handler of a shared line and refuses a non-shared request on it', async () => {
    const { k, virq, hwirq } = await boot();
    const seen: string[] = [];
    const a = k.defineGuestFunction('a_irq', () => { seen.push('a'); return 0; });
    const b = k.defineGuestFunction('b_irq', () => { seen.push('b'); return 1; });
    expect(k.call('request_threaded_irq', virq, a, 0, IRQF_SHARED, k.str('a'), 1)).toBe(0);
    expect(k.call('request_threaded_irq', virq, b, 0, IRQF_SHARED, k.str('b'), 2)).toBe(0);
    expect(k.call('request_threaded_irq', virq, b, 0, 0, k.str('c'), 3)).toBe(-16);
    expect(k.lines()).toContain('genirq: Flags mismatch irq 3. 00000000 (c) vs. 00000080 (a)');
    await handleIrq(k, hwirq);
    expect(seen).toEqual(['a', 'b']);
    expect(await k.cat('/proc/interrupts')).toMatch(/ {2}a, b\n$/);
  });

  it('warns on a second free_irq of the same line, as Linux does, and masks a freed line', async () => {
    const { k, virq, hwirq } = await boot();
    const h = k.defineGuestFunction('h', () => 1);
    const name = k.str('dev');
    k.call('request_threaded_irq', virq, h, 0, 0, name, 7);
    expect(await k.call('free_irq', virq, 7)).toBe(name);
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
    expect(await k.call('free_irq', virq, 7)).toBe(0);
    expect(k.lines()).toEqual(expect.arrayContaining(['------------[ cut here ]------------', 'Trying to free already-free IRQ 3']));
    expect(k.lines().some((l) => l.startsWith('WARNING: CPU: 0 PID: 1 at kernel/irq/manage.c'))).toBe(true);
  });

  it('nests disable_irq, warns on an unbalanced enable_irq', async () => {
    const { k, virq, hwirq } = await boot();
    let n = 0;
    k.call('request_threaded_irq', virq, k.defineGuestFunction('h', () => { n++; return 1; }), 0, 0, k.str('x'), 1);
    await k.call('disable_irq', virq);
    k.call('disable_irq_nosync', virq);
    k.call('enable_irq', virq);
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
    await handleIrq(k, hwirq);
    expect(n).toBe(0);
    k.call('enable_irq', virq);
    expect(k.enabledIrqs.has(hwirq)).toBe(true);
    await handleIrq(k, hwirq);
    expect(n).toBe(1);
    k.call('enable_irq', virq);
    expect(k.lines()).toContain('Unbalanced enable for IRQ 3');
  });

  it('disables a line nobody handles: "nobody cared", the handlers, "Disabling IRQ"', async () => {
    const { k, virq, hwirq } = await boot();
    let n = 0;
    // As the engine symbolizes a module's code address: with offset, size and module.
    k.symbolize = () => 'stopwatch_timeout_irq+0x0/0x38 [sw]';
    k.call('request_threaded_irq', virq, k.defineGuestFunction('stopwatch_timeout_irq', () => { n++; return 0; }), 0, 0, k.str('sw'), 1);
    for (let i = 0; i < SPURIOUS_WINDOW + 10; i++) { await handleIrq(k, hwirq); k.advance(1000n); }
    expect(n).toBe(SPURIOUS_WINDOW);
    const log = k.lines();
    expect(log).toContain('irq 3: nobody cared (try booting with the "irqpoll" option)');
    expect(log.some((l) => /^\[<[0-9a-f]{8}>\] stopwatch_timeout_irq \[sw\]$/.test(l))).toBe(true);
    expect(log).toContain('Disabling IRQ #3');
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
  });

  it('forgives unhandled interrupts that are far apart', async () => {
    const { k, virq, hwirq } = await boot();
    k.call('request_threaded_irq', virq, k.defineGuestFunction('h', () => 0), 0, 0, k.str('sw'), 1);
    for (let i = 0; i < SPURIOUS_WINDOW * 2; i++) { await handleIrq(k, hwirq); k.advance(200_000_000n); }
    expect(k.lines()).not.toContain('Disabling IRQ #3');
  });

  it('disables a line that keeps firing although its handler says handled', async () => {
    const { k, virq, hwirq } = await boot();
    k.call('request_threaded_irq', virq, k.defineGuestFunction('never_acks', () => 1), 0, 0, k.str('sw'), 1);
    for (let i = 0; i < STORM_IRQS + 5; i++) { await handleIrq(k, hwirq); k.advance(2000n); }
    expect(k.lines().some((l) => l.startsWith('irq 3: interrupt storm'))).toBe(true);
    expect(k.lines()).toContain('Disabling IRQ #3');
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
  });

  it('runs the thread function on IRQ_WAKE_THREAD, with the line masked meanwhile for IRQF_ONESHOT', async () => {
    const { k, virq, hwirq } = await boot();
    const ran: number[][] = [];
    let release = () => {};
    const thread = k.defineGuestFunction('thr', async (_k, irq, dev) => { ran.push([irq, dev]); await new Promise<void>((r) => { release = r; }); return 1; });
    expect(k.call('request_threaded_irq', virq, 0, thread, 0, k.str('t'), 5)).toBe(-22);
    expect(k.call('request_threaded_irq', virq, 0, thread, IRQF_ONESHOT, k.str('t'), 5)).toBe(0);
    await handleIrq(k, hwirq);
    expect(ran).toEqual([[3, 5]]);
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
    release();
    await k.call('synchronize_irq', virq);
    expect(k.enabledIrqs.has(hwirq)).toBe(true);
  });

  it('frees a devm IRQ with the device\'s resources', async () => {
    const { k, virq, hwirq } = await boot();
    const dev = k.zalloc(200);
    k.ram.setU32(dev, k.str('4000000.stopwatch'));
    expect(k.call('devm_request_threaded_irq', dev, virq, k.defineGuestFunction('h', () => 1), 0, 0, 0, 9)).toBe(0);
    expect(await k.cat('/proc/interrupts')).toMatch(/ {2}4000000\.stopwatch\n$/);
    await devresReleaseAll(k, dev);
    expect(k.enabledIrqs.has(hwirq)).toBe(false);
    expect(await k.cat('/proc/interrupts')).toBe('           CPU0       \n');
  });
});
