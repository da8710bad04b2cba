// The engine's own odds and ends a driver calls: module reference counts
// (try_module_get / module_put keep a module from being removed while a file
// of it is open), dump_stack, add_taint and
// panic, printed in the shape Linux prints them.

import { TaskAborted, type KernelContext, type ServiceModule } from '../api.ts';
import { engineOf } from './engine.ts';
import { formatKernel } from './vsprintf.ts';

/** Linux's taint flags by number (include/linux/panic.h), as letters. */
const TAINT_LETTERS = 'PFSRMBUDAWCIOELKXTN';

function moduleAt(k: KernelContext, addr: number) {
  return engineOf(k).modules.find((m) => m.structAddr === addr >>> 0);
}

export const kernelMiscServices: ServiceModule = {
  services: {
    try_module_get: (k, a) => {
      if (!a.u32(0)) return 1;
      const m = moduleAt(k, a.u32(0));
      if (!m || m.state === 'GOING') return 0;
      m.refcount++;
      return 1;
    },
    __module_get: (k, a) => {
      const m = moduleAt(k, a.u32(0));
      if (m) m.refcount++;
    },
    module_put: (k, a) => {
      const m = moduleAt(k, a.u32(0));
      if (m && m.refcount > 0) m.refcount--;
    },
    dump_stack: (k) => {
      for (const line of engineOf(k).faults.dumpStack(engineOf(k).taskOf(k))) k.printk(4, line);
    },
    add_taint: (k, a) => {
      const letter = TAINT_LETTERS[a.u32(0)];
      if (letter) engineOf(k).taints.add(letter);
    },
    panic: (k, a) => {
      const text = formatKernel(k, k.ram.cString(a.u32(0)), a.varargs(1)).replace(/\n$/, '');
      k.printk(0, `Kernel panic - not syncing: ${text}`);
      k.printk(0, `---[ end Kernel panic - not syncing: ${text} ]---`);
      throw new TaskAborted('oops', `Kernel panic - not syncing: ${text}`);
    },
  },
};
