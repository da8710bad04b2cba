// ioremap and the I/O memory resource tree: a mapping only of a device's
// MMIO region, request/release with conflicts, devm versions, /proc/iomem.
import { describe, expect, it } from 'vitest';
import { virtBoardDtb } from '../../of/test-dtb.ts';
import { DevKernel } from './dev-test-kit.ts';
import { RESOURCE } from './dev-layouts.ts';
import { devresReleaseAll } from './devres.ts';
import { ioremapServices } from './ioremap.ts';
import { irqServices } from './irq.ts';
import { ofServices } from './of.ts';
import { platformServices } from './platform.ts';

async function boot() {
  const board = virtBoardDtb();
  const k = await new DevKernel([ofServices, irqServices, ioremapServices, platformServices], board.dtb).boot();
  return { k, sw: board.stopwatch! };
}

describe('ioremap and I/O memory regions', () => {
  it('maps a device region to its physical address and refuses RAM or an unmapped address, saying why', async () => {
    const { k, sw } = await boot();
    expect(k.call('ioremap_prot', sw.regions[1].start, 8, 0)).toBe(sw.regions[1].start);
    expect(k.call('ioremap_prot', 0x1000_0000, 0x100, 0)).toBe(0x1000_0000);
    expect(k.call('ioremap_prot', 0x8000_0000, 0x1000, 0)).toBe(0);
    expect(k.call('ioremap_prot', sw.regions[1].start, sw.regions[1].size + 4, 0)).toBe(0);
    expect(k.lines()[0]).toBe('ioremap: 0x80000000-0x80000fff is not the MMIO region of any device in the device tree; nothing mapped (check the address and size, e.g. from platform_get_resource)');
  });

  it('claims a region once, refuses an overlap, warns on freeing what was never claimed', async () => {
    const { k } = await boot();
    const iomem = k.symbolAddress('iomem_resource');
    expect(k.ram.cString(k.ram.u32(iomem + RESOURCE.name))).toBe('PCI mem');
    const r = k.call('__request_region', iomem, 0x1000_0000, 0x100, k.str('uart'), 0) as number;
    expect(k.ram.u32(r + RESOURCE.start)).toBe(0x1000_0000);
    expect(k.ram.u32(r + RESOURCE.end)).toBe(0x1000_00ff);
    expect(k.call('__request_region', iomem, 0x1000_0080, 0x10, k.str('again'), 0)).toBe(0);
    expect(await k.cat('/proc/iomem')).toContain('10000000-100000ff : serial@10000000\n  10000000-100000ff : uart\n');
    k.call('__release_region', iomem, 0x1000_0000, 0x100);
    expect(k.call('__request_region', iomem, 0x1000_0080, 0x10, k.str('again'), 0)).not.toBe(0);
    k.call('__release_region', iomem, 0x2000_0000, 0x10);
    expect(k.lines()).toContain('Trying to free nonexistent resource <0x20000000-0x2000000f>');
  });

  it('releases devm regions and mappings with the device', async () => {
    const { k } = await boot();
    const iomem = k.symbolAddress('iomem_resource');
    const dev = k.zalloc(200);
    expect(k.call('__devm_request_region', dev, iomem, 0x1000_0000, 0x100, k.str('uart'))).not.toBe(0);
    expect(k.call('devm_ioremap', dev, 0x1000_0000, 0x100)).toBe(0x1000_0000);
    await devresReleaseAll(k, dev);
    expect(k.call('__request_region', iomem, 0x1000_0000, 0x100, k.str('uart'), 0)).not.toBe(0);
  });

  it('shows System RAM from the memory node in /proc/iomem', async () => {
    const { k } = await boot();
    expect(await k.cat('/proc/iomem')).toContain('80000000-87ffffff : System RAM\n');
  });
});
