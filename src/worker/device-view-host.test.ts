// The worker sends the Device and Host panes' snapshot as the page receives
// it: after the guest boots (with the driver's ioremaps), after a command
// changed the stopwatch, never again while nothing changed, and the VM exits
// it counts carry the host callback that handled them.
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineEvent } from '../protocol/messages.ts';
import { createSessionBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { GuestPage } from '../../tests/support/guest-page.ts';
import { exampleCatalog } from './examples.ts';
import { MachineHost } from './machine-host.ts';


let page: GuestPage | null = null;
let bare: MachineHost | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
  bare?.dispose();
  bare = null;
});

describe('device-view events from the guest host', () => {
  it('shows the probed driver, each command once, and nothing while nothing changes', async () => {
    page = new GuestPage({ trace: true });
    await page.boot();
    const booted = page.views().at(-1)!;
    expect(booted.dtNode.ranges.map((r) => r.ioremap)).toEqual([0x0400_0000, 0x0400_0090]);

    await page.command('/guest_fs/stopwatch_ctrl.sh reset');
    const reset = page.views().at(-1)!;
    expect(reset.registers[1].valueName).toBe('RESET');
    await page.command('/guest_fs/stopwatch_ctrl.sh start');
    const started = page.views().at(-1)!;
    expect(started.registers.map((r) => r.valueName)).toEqual(['START', 'RUNNING']);
    expect(started.exits.exits - reset.exits.exits).toBe(1); // one writel of command

    const exits = page.events.flatMap((e) => (e.type === 'trace' ? e.events : [])).filter((e) => e.kind === 'vm-exit');
    expect(exits.at(-1)).toMatchObject({ device: 'stopwatch', reg: 'command', op: 'write', callback: 'stopwatch_io_write' });

    // At the prompt the guest runs on (timer ticks), but the stopwatch does not change: no view is sent.
    const count = page.views().length;
    const slices = page.events.length;
    await page.until(() => page!.events.length > slices + 3, 'a few more slices');
    await new Promise((r) => setTimeout(r, 100));
    expect(page.views().length).toBe(count);
  });
});

describe('device-view events from the bare-metal host', () => {
  it('shows the stopwatch once the "stopwatch-mmio" example is loaded, and its exits as it runs', async () => {
    const events: MachineEvent[] = [];
    bare = new MachineHost(new Session(createSessionBoard), { post: (e) => events.push(e) });
    bare.start();
    const views = () => events.flatMap((e) => (e.type === 'device-view' ? [e.view] : []));
    bare.handle({ type: 'set-trace', enabled: true });
    expect(views()).toEqual([]); // no program: nothing to show
    const example = exampleCatalog().find((x) => x.id === 'stopwatch-mmio')!;
    bare.handle({ type: 'compile', name: example.main, source: example.files[example.main], output: 'bare-metal-elf', files: example.files });
    expect(events.some((e) => e.type === 'loaded')).toBe(true);
    const loaded = views().at(-1)!;
    expect(loaded.exits.exits).toBe(0);
    expect(loaded.dtNode.ranges.map((r) => r.ioremap)).toEqual([null, null]); // no kernel, no ioremap

    bare.handle({ type: 'run' });
    const t0 = Date.now();
    while (!(views().at(-1)!.exits.exits > 0) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
    expect(views().at(-1)!.exits.exits).toBeGreaterThan(0);
  });
});
