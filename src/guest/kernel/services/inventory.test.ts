// Every symbol the guest headers leave to the text, memory and file services
// (src/guest/include/KERNEL_SYMBOLS.md, by header) is provided by one of
// them, so a driver using it loads instead of failing with "Unknown symbol".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SERVICE_MODULES } from './index.ts';

const MD = readFileSync(new URL('../../include/KERNEL_SYMBOLS.md', import.meta.url), 'utf8');

const OURS = ['asm-generic/bug.h', 'linux/dev_printk.h', 'linux/kernel.h', 'linux/printk.h', 'linux/string.h',
  'linux/kstrtox.h', 'linux/slab.h', 'linux/uaccess.h', 'linux/thread_info.h', 'linux/fs.h', 'linux/miscdevice.h',
  'linux/debugfs.h', 'linux/seq_file.h', 'linux/moduleparam.h', 'linux/sysfs.h', 'linux/kobject.h', 'linux/device.h'];
/** Symbols of those headers that belong to the kernel core or the device services. */
const OTHERS = new Set(['dump_stack', 'devm_ioremap_resource', 'get_device', 'put_device']);

function symbolsOf(header: string): string[] {
  const section = MD.split(/^## /m).find((s) => s.startsWith(`${header}\n`)) ?? '';
  return [...section.matchAll(/^- `(\w+)`/gm)].map((m) => m[1]);
}

describe('the text, memory and file services', () => {
  it('provide every symbol of their headers', () => {
    const provided = new Set(SERVICE_MODULES.flatMap((m) => [...Object.keys(m.services), ...Object.keys(m.variables ?? {})]));
    const wanted = OURS.flatMap(symbolsOf).filter((s) => !OTHERS.has(s));
    expect(wanted.length).toBeGreaterThan(150);
    expect(wanted.filter((s) => !provided.has(s))).toEqual([]);
  });

  it('never define one symbol twice', () => {
    const all = SERVICE_MODULES.flatMap((m) => [...Object.keys(m.services), ...Object.keys(m.variables ?? {})]);
    expect(all.filter((s, i) => all.indexOf(s) !== i)).toEqual([]);
  });
});
