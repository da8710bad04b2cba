import { describe, expect, it } from 'vitest';
import { Bus } from './bus.ts';
import { VirtualClock } from './clock.ts';
import { IrqLine } from './irq.ts';
import { ramRegion, type MemoryRegion } from './memory-region.ts';
import { PlatformBus, type PlatformBusDevice } from './platform-bus.ts';
import { Tracer } from './trace/tracer.ts';

function fakeDevice(name: string, sizes: number[], irqs: number): PlatformBusDevice & { realized: number } {
  const mmio: MemoryRegion[] = sizes.map((s, i) => ramRegion(`${name}-${i}`, name, s, 'ram-device'));
  return {
    typeName: name, mmio, irqs: Array.from({ length: irqs }, (_, i) => new IrqLine(`${name}.${i}`)), realized: 0,
    realize() { this.realized++; }, reset() {}, saveState: () => ({ version: 1 }), loadState() {}, fdtNode() {},
  };
}

function platformBus(irqCount = 32) {
  const clock = new VirtualClock();
  const bus = new Bus(clock, new Tracer(clock));
  const wired: [number, string][] = [];
  const pb = new PlatformBus(bus, 0x0400_0000, 0x200_0000, 64, irqCount, (src, line) => wired.push([src, line.name]));
  return { bus, pb, wired };
}

describe('PlatformBus', () => {
  it('places regions first fit, each aligned to its size rounded up to a power of two, as QEMU does', () => {
    const { bus, pb } = platformBus();
    const a = pb.attach(fakeDevice('a', [0x88, 0x10], 1));
    const b = pb.attach(fakeDevice('b', [0x1000, 0x4, 0x30], 0));
    expect(a.mmioOffsets).toEqual([0x0, 0x90]);
    expect(b.mmioOffsets).toEqual([0x1000, 0x88, 0xc0]);
    expect(bus.find(0x0400_1000)?.region.name).toBe('b-0');
    expect(pb.devices).toHaveLength(2);
  });

  it('realizes each device once and wires its IRQs from the first platform source up', () => {
    const { pb, wired } = platformBus();
    const d = fakeDevice('a', [0x10], 2);
    pb.attach(d);
    pb.attach(fakeDevice('b', [0x10], 1));
    expect(d.realized).toBe(1);
    expect(wired).toEqual([[64, 'a.0'], [65, 'a.1'], [66, 'b.0']]);
  });

  it('says what ran out when a device does not fit', () => {
    expect(() => platformBus(1).pb.attach(fakeDevice('a', [0x10], 2))).toThrow(/no free IRQ left for a/);
    expect(() => platformBus().pb.attach(fakeDevice('big', [0x400_0000], 0))).toThrow(/no room for big/);
  });
});
