// The structure offsets the device and time services use, checked against
// riscv64-unknown-elf-gcc compiling the guest headers (ilp32): one
// _Static_assert per field, so a header change that moves a field fails here.
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../../../tests/linux/gcc-module.ts';
import { DEV_LAYOUTS } from './dev-layouts.ts';

const HEADERS = ['module', 'platform_device', 'of', 'of_device', 'ioport', 'completion', 'wait', 'timer',
  'workqueue', 'interrupt', 'mutex', 'sched', 'mod_devicetable', 'kobject', 'sysfs', 'device'];

/** Fields whose C designator differs from the constant's name. */
const DESIGNATORS: Record<string, string> = { 'timer_list.pprev': 'entry.pprev' };

function assertions(): string {
  const lines: string[] = [];
  for (const [struct, fields] of Object.entries(DEV_LAYOUTS)) {
    for (const [field, value] of Object.entries(fields)) {
      const what = field === 'size'
        ? `sizeof(struct ${struct})`
        : `__builtin_offsetof(struct ${struct}, ${DESIGNATORS[`${struct}.${field}`] ?? field})`;
      lines.push(`_Static_assert(${what} == ${value}, "struct ${struct}: ${field} is not ${value}");`);
    }
  }
  return lines.join('\n');
}

describe('device and time service layouts', () => {
  it('match gcc for every field of every structure', () => {
    const source = `${HEADERS.map((h) => `#include <linux/${h}.h>`).join('\n')}\n${assertions()}\n`;
    const r = compileModule('-', 'dev_layouts', source, true);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});
