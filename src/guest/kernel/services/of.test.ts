// The of_* services on the board's real DTB: struct device_node and struct
// property in guest RAM as include/linux/of.h lays them out, lookups and
// property readers with Linux's return values, /proc/device-tree.
import { describe, expect, it } from 'vitest';
import { parseFdt, ofWalk } from '../../of/fdt.ts';
import { virtBoardDtb } from '../../of/test-dtb.ts';
import { DevKernel } from './dev-test-kit.ts';
import { DEVICE, DEVICE_DRIVER, DEVICE_NODE, OF_DEVICE_ID, PROPERTY } from './dev-layouts.ts';
import { ofServices } from './of.ts';

async function boot() {
  const board = virtBoardDtb(true, 'console=ttyS0');
  const k = await new DevKernel([ofServices], board.dtb).boot();
  return { k, board };
}

function idTable(k: DevKernel, entries: Array<{ compatible?: string; type?: string; name?: string; data?: number }>): number {
  const t = k.zalloc(OF_DEVICE_ID.size * (entries.length + 1));
  entries.forEach((e, i) => {
    const at = t + i * OF_DEVICE_ID.size;
    if (e.name) k.ram.setCString(at + OF_DEVICE_ID.name, e.name);
    if (e.type) k.ram.setCString(at + OF_DEVICE_ID.type, e.type);
    if (e.compatible) k.ram.setCString(at + OF_DEVICE_ID.compatible, e.compatible);
    k.ram.setU32(at + OF_DEVICE_ID.data, e.data ?? 0);
  });
  return t;
}

describe('of services', () => {
  it('builds a device_node per DTB node, linked parent/child/sibling in DTB order, with full_name and name', async () => {
    const { k, board } = await boot();
    const root = k.call('of_find_node_by_path', k.str('/')) as number;
    expect(k.ram.cString(k.ram.u32(root + DEVICE_NODE.full_name))).toBe('/');
    const names: string[] = [];
    for (let c = k.ram.u32(root + DEVICE_NODE.child); c; c = k.ram.u32(c + DEVICE_NODE.sibling)) {
      names.push(k.ram.cString(k.ram.u32(c + DEVICE_NODE.full_name)));
      expect(k.ram.u32(c + DEVICE_NODE.parent)).toBe(root);
    }
    expect(names).toEqual(parseFdt(board.dtb).root.children.map((c) => c.name));
    const serial = k.call('of_find_node_by_path', k.str('/soc/serial@10000000')) as number;
    expect(k.ram.cString(k.ram.u32(serial + DEVICE_NODE.name))).toBe('serial');
    expect(k.call('of_find_node_by_path', k.str('/soc/serial'))).toBe(serial);
    expect(k.call('of_find_node_by_path', k.str('/soc/nothing'))).toBe(0);
  });

  it('lists every property with its length and raw value, plus a "name" property as Linux adds it', async () => {
    const { k } = await boot();
    const serial = k.call('of_find_node_by_path', k.str('/soc/serial@10000000')) as number;
    const props: Record<string, string> = {};
    for (let pp = k.ram.u32(serial + DEVICE_NODE.properties); pp; pp = k.ram.u32(pp + PROPERTY.next)) {
      const bytes = k.ram.bytes(k.ram.u32(pp + PROPERTY.value), k.ram.u32(pp + PROPERTY.length));
      props[k.ram.cString(k.ram.u32(pp + PROPERTY.name))] = Buffer.from(bytes).toString('hex');
    }
    expect(props).toEqual({
      interrupts: '0000000a', 'interrupt-parent': expect.stringMatching(/^000000[0-9a-f]{2}$/), 'clock-frequency': '00384000',
      reg: '00000000100000000000000000000100', compatible: Buffer.from('ns16550a\0').toString('hex'),
      name: Buffer.from('serial\0').toString('hex'),
    });
  });

  it('reads properties with the values and errors of Linux', async () => {
    const { k } = await boot();
    const cpus = k.call('of_find_node_by_path', k.str('/cpus')) as number;
    const out = k.zalloc(16);
    expect(k.call('of_property_read_variable_u32_array', cpus, k.str('timebase-frequency'), out, 1, 0)).toBe(1);
    expect(k.ram.u32(out)).toBe(10_000_000);
    expect(k.call('of_property_read_variable_u32_array', cpus, k.str('nothing'), out, 1, 0)).toBe(-22);
    const serial = k.call('of_find_node_by_path', k.str('/soc/serial')) as number;
    expect(k.call('of_property_read_variable_u32_array', serial, k.str('reg'), out, 1, 4)).toBe(4);
    expect(k.call('of_property_read_variable_u32_array', serial, k.str('reg'), out, 5, 0)).toBe(-75);
    expect(k.call('of_property_read_u64', serial, k.str('reg'), out)).toBe(0);
    expect(k.ram.u64(out)).toBe(0x1000_0000n);
    expect(k.call('of_property_read_u64', serial, k.str('interrupts'), out)).toBe(-75);
    expect(k.call('of_property_read_string', serial, k.str('compatible'), out)).toBe(0);
    expect(k.ram.cString(k.ram.u32(out))).toBe('ns16550a');
    // As in Linux: a cell value whose first byte is 0 reads as the empty string.
    expect(k.call('of_property_read_string', serial, k.str('interrupts'), out)).toBe(0);
    expect(k.ram.cString(k.ram.u32(out))).toBe('');
    expect(k.call('of_property_read_string', serial, k.str('missing'), out)).toBe(-22);
    const test = k.call('of_find_node_by_path', k.str('/soc/test@100000')) as number;
    expect(k.call('of_property_match_string', test, k.str('compatible'), k.str('syscon'))).toBe(2);
    expect(k.call('of_property_match_string', test, k.str('compatible'), k.str('nope'))).toBe(-61);
    const lenp = k.zalloc(4);
    const value = k.call('of_get_property', serial, k.str('interrupts'), lenp) as number;
    expect([k.ram.u32(lenp), k.ram.u8(value + 3)]).toEqual([4, 10]);
    expect(k.call('of_find_property', serial, k.str('nothing'), lenp)).toBe(0);
  });

  it('finds nodes by compatible, children by name, and walks children and parents', async () => {
    const { k } = await boot();
    const sw = k.call('of_find_compatible_node', 0, 0, k.str('stopwatch')) as number;
    expect(k.ram.cString(k.ram.u32(sw + DEVICE_NODE.full_name))).toMatch(/^stopwatch@/);
    expect(k.call('of_find_compatible_node', sw, 0, k.str('stopwatch'))).toBe(0);
    expect(k.call('of_device_is_compatible', sw, k.str('stopwatch'))).toBeGreaterThan(0);
    expect(k.call('of_device_is_available', sw)).toBe(1);
    const cpu = k.call('of_find_compatible_node', 0, k.str('cpu'), k.str('riscv')) as number;
    expect(k.ram.cString(k.ram.u32(cpu + DEVICE_NODE.full_name))).toBe('cpu@0');
    expect(k.call('of_find_compatible_node', 0, k.str('memory'), k.str('riscv'))).toBe(0);
    const soc = k.call('of_get_parent', k.call('of_find_node_by_path', k.str('/soc/serial')) as number) as number;
    expect(k.call('of_get_child_by_name', soc, k.str('plic'))).toBe(k.call('of_find_node_by_path', k.str('/soc/plic@c000000')));
    let n = 0;
    for (let c = k.call('of_get_next_child', soc, 0) as number; c; c = k.call('of_get_next_child', soc, c) as number) n++;
    expect(n).toBe(4);
  });

  it('matches an of_device_id table by compatible (best entry), type and name', async () => {
    const { k } = await boot();
    const test = k.call('of_find_node_by_path', k.str('/soc/test@100000')) as number;
    const table = idTable(k, [{ compatible: 'syscon', data: 1 }, { compatible: 'sifive,test0', data: 2 }, { compatible: 'x' }]);
    const best = k.call('of_match_node', table, test) as number;
    expect(k.ram.u32(best + OF_DEVICE_ID.data)).toBe(2);
    expect(k.call('of_match_node', idTable(k, [{ compatible: 'x' }]), test)).toBe(0);
    const dev = k.zalloc(DEVICE.size), drv = k.zalloc(DEVICE_DRIVER.size);
    k.ram.setU32(dev + DEVICE.of_node, test);
    k.ram.setU32(dev + DEVICE.driver, drv);
    k.ram.setU32(drv + DEVICE_DRIVER.of_match_table, table);
    expect(k.call('of_device_get_match_data', dev)).toBe(2);
    expect(k.call('of_match_device', table, dev)).toBe(best);
  });

  it('shows /proc/device-tree: a directory per node, a file per property with its raw bytes', async () => {
    const { k, board } = await boot();
    for (const node of ofWalk(parseFdt(board.dtb).root)) {
      const dir = `/proc/device-tree${node.fullPath === '/' ? '' : node.fullPath}`;
      expect(k.vfs.readdir(dir)).toEqual(expect.arrayContaining([...node.properties.map((p) => p.name), ...node.children.map((c) => c.name)]));
    }
    const f = await k.vfs.open('/proc/device-tree/soc/serial@10000000/compatible', { read: true });
    expect(Buffer.from(await f.read(100)).toString('latin1')).toBe('ns16550a\0');
    expect(k.vfs.readFileText('/proc/device-tree/soc/name')).toBe('soc\0');
  });
});
