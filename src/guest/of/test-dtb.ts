// For tests: the virt board's DTB with the stopwatch on the platform bus,
// built by the board's own DTB builder, and where the board put the device.
import { Bus } from '../../machine/bus.ts';
import { VirtualClock } from '../../machine/clock.ts';
import { StopwatchDevice } from '../../machine/devices/stopwatch/stopwatch.ts';
import { buildVirtDtb } from '../../machine/fdt/virt-fdt.ts';
import { VIRT_IRQ, VIRT_MEMMAP } from '../../machine/memmap.ts';
import { PlatformBus } from '../../machine/platform-bus.ts';
import { Tracer } from '../../machine/trace/tracer.ts';

export interface TestBoardDtb {
  dtb: Uint8Array;
  /** The stopwatch's MMIO regions (physical) and PLIC sources, as the board wired them. */
  stopwatch?: { regions: Array<{ start: number; size: number }>; irqs: number[] };
}

export function virtBoardDtb(withStopwatch = true, bootargs?: string): TestBoardDtb {
  const clock = new VirtualClock();
  const tracer = new Tracer(clock);
  const pb = new PlatformBus(new Bus(clock, tracer), VIRT_MEMMAP.platformBus.base, VIRT_MEMMAP.platformBus.size,
    VIRT_IRQ.platformBusFirst, VIRT_IRQ.platformBusCount, () => {});
  const dev = withStopwatch ? pb.attach(new StopwatchDevice(clock, tracer)) : undefined;
  const dtb = buildVirtDtb({ ramBase: VIRT_MEMMAP.dram.base, ramSize: VIRT_MEMMAP.dram.size, platformBus: pb, bootargs });
  if (!dev) return { dtb };
  const regions = dev.device.mmio.map((r, i) => ({ start: pb.base + dev.mmioOffsets[i], size: r.size }));
  return { dtb, stopwatch: { regions, irqs: [...dev.irqSources] } };
}
