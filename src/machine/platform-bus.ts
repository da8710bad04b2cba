// The platform bus (QEMU hw/core/platform-bus.c): a window of the address
// space and a range of PLIC sources into which dynamically created sysbus
// devices are placed. Each region goes at the first free offset aligned to its
// size rounded up to a power of two; each IRQ takes the next free source.
// Each device describes itself in the device tree (QEMU's sysbus-fdt.c bindings).

import type { Bus } from './bus.ts';
import type { SysBusDevice } from './device.ts';
import type { FdtNode, FdtTree } from './fdt/fdt.ts';
import type { IrqLine } from './irq.ts';

/** What a device's device-tree binding gets: the platform-bus node to add its
 * node under, and where the bus placed its regions and IRQs. */
export interface PlatformFdtContext {
  readonly tree: FdtTree;
  /** The platform-bus node (its children use #address-cells = #size-cells = 1). */
  readonly parent: FdtNode;
  /** Offsets of the device's regions inside the platform-bus window, in mmio order. */
  readonly mmioOffsets: readonly number[];
  /** PLIC sources of the device's IRQ lines, in irqs order. */
  readonly irqSources: readonly number[];
}

export interface PlatformBusDevice extends SysBusDevice {
  fdtNode(ctx: PlatformFdtContext): void;
}

export interface AttachedDevice {
  device: PlatformBusDevice;
  mmioOffsets: number[];
  irqSources: number[];
}

export function roundUpPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export class PlatformBus {
  private readonly attached: AttachedDevice[] = [];
  private readonly used: { start: number; end: number }[] = [];
  private nextIrq = 0;

  constructor(
    private readonly bus: Bus,
    readonly base: number,
    readonly size: number,
    readonly firstIrq: number,
    readonly irqCount: number,
    private readonly connectIrq: (plicSource: number, line: IrqLine) => void,
  ) {}

  get devices(): readonly AttachedDevice[] {
    return this.attached;
  }

  /** Realizes the device, maps its regions in the window and wires its IRQs. */
  attach(device: PlatformBusDevice): AttachedDevice {
    device.realize();
    const mmioOffsets = device.mmio.map((region) => {
      const offset = this.place(region.size, device.typeName, region.name);
      this.bus.map(this.base + offset, region);
      return offset;
    });
    const irqSources = device.irqs.map((line) => {
      if (this.nextIrq >= this.irqCount) {
        throw new Error(`platform bus: no free IRQ left for ${device.typeName} (it has ${this.irqCount})`);
      }
      const source = this.firstIrq + this.nextIrq++;
      this.connectIrq(source, line);
      return source;
    });
    const entry = { device, mmioOffsets, irqSources };
    this.attached.push(entry);
    return entry;
  }

  /** Adds every attached device's node under the platform-bus node. */
  addFdtNodes(tree: FdtTree, parent: FdtNode): void {
    for (const a of this.attached) {
      a.device.fdtNode({ tree, parent, mmioOffsets: a.mmioOffsets, irqSources: a.irqSources });
    }
  }

  /** First fit, aligned to the region's size rounded up to a power of two. */
  private place(size: number, device: string, region: string): number {
    const align = roundUpPow2(size);
    for (let offset = 0; offset + size <= this.size; offset += align) {
      const end = offset + size;
      const clash = this.used.find((u) => offset < u.end && u.start < end);
      if (!clash) {
        this.used.push({ start: offset, end });
        return offset;
      }
      offset = Math.ceil(clash.end / align) * align - align;
    }
    throw new Error(`platform bus: no room for ${device} ${region} (0x${size.toString(16)} bytes)`);
  }
}
