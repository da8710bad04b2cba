// The platform bus on the board's DTB: devices created and named as Linux's
// of_platform_populate does, drivers bound by compatible with probe and
// remove run as guest calls, devm resources released on a failed probe and on
// unbind, resources and IRQs handed out with Linux's errors and messages.
import { describe, expect, it } from 'vitest';
import { virtBoardDtb } from '../../of/test-dtb.ts';
import { TaskAborted } from '../api.ts';
import { DevKernel, type DevGuestFn } from './dev-test-kit.ts';
import { ATTRIBUTE, ATTRIBUTE_GROUP, DEVICE, DEVICE_ATTRIBUTE, DEVICE_DRIVER, OF_DEVICE_ID, PLATFORM_DEVICE, PLATFORM_DRIVER, RESOURCE } from './dev-layouts.ts';
import { handleIrq, irqServices } from './irq.ts';
import { ioremapServices } from './ioremap.ts';
import { ofServices } from './of.ts';
import { platformServices } from './platform.ts';

const IORESOURCE_MEM = 0x200;
type Fn = DevGuestFn;

async function boot() {
  const board = virtBoardDtb();
  const k = await new DevKernel([ofServices, irqServices, ioremapServices, platformServices], board.dtb).boot();
  return { k, sw: board.stopwatch! };
}

function driver(k: DevKernel, name: string, compatible: string, probe: Fn, remove?: Fn, devGroups = 0): number {
  const drv = k.zalloc(PLATFORM_DRIVER.size);
  const table = k.zalloc(OF_DEVICE_ID.size * 2);
  k.ram.setCString(table + OF_DEVICE_ID.compatible, compatible);
  k.ram.setU32(drv + PLATFORM_DRIVER.probe, k.fn(`${name}_probe`, probe));
  if (remove) k.ram.setU32(drv + PLATFORM_DRIVER.remove, k.fn(`${name}_remove`, remove));
  k.ram.setU32(drv + PLATFORM_DRIVER.driver + DEVICE_DRIVER.name, k.str(name));
  k.ram.setU32(drv + PLATFORM_DRIVER.driver + DEVICE_DRIVER.of_match_table, table);
  k.ram.setU32(drv + PLATFORM_DRIVER.driver + DEVICE_DRIVER.dev_groups, devGroups);
  return drv;
}

const devOf = (pdev: number) => pdev + PLATFORM_DEVICE.dev;

describe('platform bus', () => {
  it('creates a device per compatible node of the root and of simple buses, named as Linux names them', async () => {
    const { k } = await boot();
    expect(k.vfs.readdir('/sys/bus/platform/devices')).toEqual([
      '100000.test', '10000000.serial', '2000000.clint', '4000000.stopwatch', 'platform-bus@4000000', 'poweroff', 'reboot', 'soc',
    ]);
    expect(k.vfs.readFileText('/sys/bus/platform/devices/4000000.stopwatch/modalias')).toBe('of:NstopwatchT(null)Cstopwatch\n');
  });

  it('binds a driver by compatible and gives its probe the device\'s regions and IRQ', async () => {
    const { k, sw } = await boot();
    const seen: Record<string, unknown> = {};
    const probe: Fn = async (kk, pdev) => {
      seen.driverSet = kk.ram.u32(devOf(pdev) + DEVICE.driver) !== 0;
      seen.mem = await kk.call('devm_platform_ioremap_resource', pdev, 0);
      seen.regs = await kk.call('devm_platform_ioremap_resource', pdev, 1);
      seen.irq = await kk.call('platform_get_irq', pdev, 0);
      seen.count = await kk.call('platform_irq_count', pdev);
      const r = kk.call('platform_get_resource', pdev, IORESOURCE_MEM, 1) as number;
      seen.res1 = [kk.ram.u32(r + RESOURCE.start), kk.ram.u32(r + RESOURCE.end)];
      return 0;
    };
    expect(await k.call('__platform_driver_register', driver(k, 'stopwatch', 'stopwatch', probe), 0)).toBe(0);
    expect(seen).toEqual({
      driverSet: true, mem: sw.regions[0].start, regs: sw.regions[1].start, irq: 3, count: 1,
      res1: [sw.regions[1].start, sw.regions[1].start + sw.regions[1].size - 1],
    });
    expect(k.vfs.readdir('/sys/bus/platform/drivers/stopwatch')).toEqual(['4000000.stopwatch']);
    expect(await k.cat('/proc/iomem')).toContain(`  ${sw.regions[0].start.toString(16).padStart(8, '0')}-`);
  });

  it('reports a failed probe as Linux does and releases what the probe got with devm_*', async () => {
    const { k, sw } = await boot();
    let pdevSeen = 0;
    const bad: Fn = async (kk, pdev) => {
      pdevSeen = pdev;
      await kk.call('devm_platform_ioremap_resource', pdev, 0);
      const h = kk.fn('h', () => 1);
      await kk.call('devm_request_threaded_irq', devOf(pdev), 3, h, 0, 0, 0, 1);
      return -12;
    };
    expect(await k.call('__platform_driver_register', driver(k, 'stopwatch', 'stopwatch', bad), 0)).toBe(0);
    expect(k.lines()).toContain('stopwatch: probe of 4000000.stopwatch failed with error -12');
    expect(k.ram.u32(devOf(pdevSeen) + DEVICE.driver)).toBe(0);
    expect(k.enabledIrqs.has(sw.irqs[0])).toBe(false);
    expect(k.vfs.readdir('/sys/bus/platform/drivers/stopwatch')).toEqual([]);
    // The region is free again for the next driver.
    const good: Fn = async (kk, pdev) => ((await kk.call('devm_platform_ioremap_resource', pdev, 0)) === sw.regions[0].start ? 0 : -1);
    expect(await k.call('__platform_driver_register', driver(k, 'other', 'stopwatch', good), 0)).toBe(0);
    expect(k.vfs.readdir('/sys/bus/platform/drivers/other')).toEqual(['4000000.stopwatch']);
  });

  it('refuses a region mapped twice, and says which; a missing IRQ with Linux\'s message', async () => {
    const { k, sw } = await boot();
    const results: number[] = [];
    const probe: Fn = async (kk, pdev) => {
      results.push(await kk.call('devm_platform_ioremap_resource', pdev, 0) as number);
      results.push(await kk.call('devm_platform_ioremap_resource', pdev, 0) as number);
      results.push(await kk.call('platform_get_irq', pdev, 1) as number);
      results.push(await kk.call('devm_platform_ioremap_resource', pdev, 5) as number);
      return 0;
    };
    await k.call('__platform_driver_register', driver(k, 'stopwatch', 'stopwatch', probe), 0);
    expect(results).toEqual([sw.regions[0].start, -16 >>> 0, -6, -22 >>> 0]);
    const end = sw.regions[0].start + sw.regions[0].size - 1;
    const hex = (v: number) => `0x${v.toString(16).padStart(8, '0')}`;
    expect(k.lines()).toEqual(expect.arrayContaining([
      `stopwatch 4000000.stopwatch: can't request region for resource [mem ${hex(sw.regions[0].start)}-${hex(end)}]`,
      'stopwatch 4000000.stopwatch: error -ENXIO: IRQ index 1 not found',
      'stopwatch 4000000.stopwatch: invalid resource (null)',
    ]));
  });

  it('calls remove on unregister, then frees the devm IRQ and the regions', async () => {
    const { k, sw } = await boot();
    const order: string[] = [];
    const probe: Fn = async (kk, pdev) => {
      await kk.call('devm_platform_ioremap_resource', pdev, 1);
      await kk.call('devm_request_threaded_irq', devOf(pdev), 3, kk.fn('h', () => { order.push('irq'); return 1; }), 0, 0, 0, 1);
      return 0;
    };
    const remove: Fn = () => { order.push('remove'); return 0; };
    const drv = driver(k, 'stopwatch', 'stopwatch', probe, remove);
    await k.call('__platform_driver_register', drv, 0);
    await handleIrq(k, sw.irqs[0]);
    await k.call('platform_driver_unregister', drv);
    expect(order).toEqual(['irq', 'remove']);
    expect(k.enabledIrqs.has(sw.irqs[0])).toBe(false);
    expect(k.vfs.exists('/sys/bus/platform/drivers/stopwatch')).toBe(false);
    expect(await k.cat('/proc/iomem')).not.toContain('4000000.stopwatch');
  });

  it('creates the driver\'s dev_groups attribute files, read with show() and written with store()', async () => {
    const { k } = await boot();
    let value = 7;
    const show: Fn = (kk, _dev, _attr, buf) => { kk.ram.setCString(buf, `${value}\n`); return `${value}\n`.length; };
    const store: Fn = (kk, _dev, _attr, buf, count) => { value = Number(kk.ram.cString(buf)); return count; };
    const attr = k.zalloc(DEVICE_ATTRIBUTE.size);
    k.ram.setU32(attr + ATTRIBUTE.name, k.str('threshold'));
    k.ram.setU16(attr + ATTRIBUTE.mode, 0o644);
    k.ram.setU32(attr + DEVICE_ATTRIBUTE.show, k.fn('threshold_show', show));
    k.ram.setU32(attr + DEVICE_ATTRIBUTE.store, k.fn('threshold_store', store));
    const attrs = k.zalloc(8);
    k.ram.setU32(attrs, attr);
    const group = k.zalloc(ATTRIBUTE_GROUP.size);
    k.ram.setU32(group + ATTRIBUTE_GROUP.attrs, attrs);
    const groups = k.zalloc(8);
    k.ram.setU32(groups, group);
    const drv = driver(k, 'irq-counter', 'stopwatch', () => 0, undefined, groups);
    await k.call('__platform_driver_register', drv, 0);
    expect(await k.cat('/sys/bus/platform/devices/4000000.stopwatch/threshold')).toBe('7\n');
    const f = await k.vfs.open('/sys/bus/platform/devices/4000000.stopwatch/threshold', { write: true });
    await f.write(Buffer.from('12\n'));
    await f.close();
    expect(value).toBe(12);
    await k.call('platform_driver_unregister', drv);
    expect(k.vfs.exists('/sys/bus/platform/devices/4000000.stopwatch/threshold')).toBe(false);
  });

  it('leaves the device unbound and its devm resources released when the probe call is aborted (Oops)', async () => {
    const { k, sw } = await boot();
    const oops: Fn = async (kk, pdev) => {
      await kk.call('devm_platform_ioremap_resource', pdev, 0);
      throw new TaskAborted('oops', 'Unable to handle kernel NULL pointer dereference');
    };
    await expect(k.call('__platform_driver_register', driver(k, 'stopwatch', 'stopwatch', oops), 0)).rejects.toThrow(TaskAborted);
    const pdev = k.call('of_find_device_by_node', k.call('of_find_compatible_node', 0, 0, k.str('stopwatch')) as number) as number;
    expect(k.ram.u32(devOf(pdev) + DEVICE.driver)).toBe(0);
    expect(await k.cat('/proc/iomem')).not.toContain(`  ${sw.regions[0].start.toString(16).padStart(8, '0')}-`);
  });

  it('refuses a second driver of the same name, as driver_register does', async () => {
    const { k } = await boot();
    expect(await k.call('__platform_driver_register', driver(k, 'twin', 'nothing', () => 0), 0)).toBe(0);
    expect(await k.call('__platform_driver_register', driver(k, 'twin', 'nothing', () => 0), 0)).toBe(-16);
    expect(k.lines()).toContain("Error: Driver 'twin' is already registered, aborting...");
  });

  it('__platform_driver_probe: -ENODEV and no driver left when nothing matches', async () => {
    const { k } = await boot();
    const drv = driver(k, 'nothing', 'no-such-device', () => 0);
    expect(await k.call('__platform_driver_probe', drv, k.defineGuestFunction('p', () => 0), 0)).toBe(-19);
    expect(k.vfs.exists('/sys/bus/platform/drivers/nothing')).toBe(false);
    const np = k.call('of_find_compatible_node', 0, 0, k.str('stopwatch')) as number;
    const pdev = k.call('of_find_device_by_node', np) as number;
    expect(k.ram.cString(k.ram.u32(devOf(pdev) + DEVICE.kobj))).toBe('4000000.stopwatch');
    expect(k.ram.u32(devOf(pdev) + DEVICE.of_node)).toBe(np);
  });
});
