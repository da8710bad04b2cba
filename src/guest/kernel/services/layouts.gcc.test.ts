// Checks every offset in layouts.ts against riscv64-unknown-elf-gcc: a C file
// defines one constant per member with offsetof/sizeof over the guest's own
// headers, and the test reads the numbers back from the assembly gcc emits.
import { describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as L from './layouts.ts';

const INCLUDE = fileURLToPath(new URL('../../include', import.meta.url));

const STRUCTS: Array<[Record<string, number>, string]> = [
  [L.KOBJECT, 'kobject'], [L.DEVICE, 'device'], [L.DEVICE_DRIVER, 'device_driver'], [L.INODE, 'inode'],
  [L.FILE, 'file'], [L.FOPS, 'file_operations'], [L.SEQ_FILE, 'seq_file'], [L.SEQ_OPS, 'seq_operations'],
  [L.MISCDEVICE, 'miscdevice'], [L.KPARAM_OPS, 'kernel_param_ops'], [L.KPARAM, 'kernel_param'],
  [L.KPARAM_STRING, 'kparam_string'], [L.RESOURCE, 'resource'], [L.MODULE, 'module'], [L.ATTRIBUTE, 'attribute'],
  [L.DEVICE_ATTRIBUTE, 'device_attribute'], [L.ATTRIBUTE_GROUP, 'attribute_group'], [L.PATH, 'path'],
];

const HEADERS = ['module', 'fs', 'device', 'seq_file', 'miscdevice', 'moduleparam', 'ioport', 'kobject', 'sysfs'];

function cSource(): { source: string; expected: Map<string, number> } {
  const expected = new Map<string, number>();
  const lines = HEADERS.map((h) => `#include <linux/${h}.h>`);
  STRUCTS.forEach(([layout, struct], si) => {
    for (const [member, value] of Object.entries(layout)) {
      const name = `v_${si}_${member}`;
      const expr = member === 'size' ? `sizeof(struct ${struct})` : `__builtin_offsetof(struct ${struct}, ${member.replace(/_$/, '')})`;
      lines.push(`const unsigned ${name} __attribute__((used)) = ${expr};`);
      expected.set(`${struct}.${member}`, value);
    }
  });
  return { source: lines.join('\n'), expected };
}

describe('structure layouts of the text/memory/file services', () => {
  it('match gcc offsetof and sizeof over the guest headers (ilp32)', () => {
    const gccInclude = execFileSync('riscv64-unknown-elf-gcc', ['-print-file-name=include'], { encoding: 'utf8' }).trim();
    const { source, expected } = cSource();
    const r = spawnSync('riscv64-unknown-elf-gcc', ['-march=rv32imac_zicsr', '-mabi=ilp32', '-nostdinc', '-isystem', gccInclude,
      '-I', INCLUDE, '-D__KERNEL__', '-DMODULE', '-DKBUILD_MODNAME="layouts"', '-ffreestanding', '-std=gnu11', '-O2',
      '-fno-zero-initialized-in-bss', '-S', '-x', 'c', '-', '-o', '-'], { input: source, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const got = new Map<string, number>();
    let current = '';
    for (const line of r.stdout.split('\n')) {
      const label = /^v_(\d+)_(\w+):/.exec(line);
      if (label) current = `${STRUCTS[Number(label[1])][1]}.${label[2]}`;
      const word = /^\s*\.word\s+(\d+)/.exec(line);
      if (word && current) { got.set(current, Number(word[1])); current = ''; }
      if (/^\s*\.zero\s+4/.test(line) && current) { got.set(current, 0); current = ''; }
    }
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
  });
});
