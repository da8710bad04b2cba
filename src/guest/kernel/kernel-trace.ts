// What the kernel adds to the machine's trace: a `kcall` event when a driver
// calls one of the kernel services a student writes against (ioremap,
// request_irq, copy_to_user…), and when the kernel calls into the driver (its
// interrupt handler, probe, a file's read): the trace then reads as the story
// of a driver call, not only of bus accesses. The kernel's bookkeeping services
// (memcpy, locks, kmalloc) are left out: they would drown the rest, and a
// trace that is off pays one branch.

import type { TraceEvent } from '../../protocol/trace-events.ts';
import type { Tracer } from '../../machine/trace/tracer.ts';

/** The driver-facing services worth a line in the trace, with how many arguments each takes (Linux's prototypes). */
const TRACED_SERVICES = new Map<string, number>([
  ['ioremap', 2], ['ioremap_prot', 3], ['iounmap', 1], ['devm_ioremap', 3], ['devm_ioremap_resource', 2], ['devm_ioremap_uc', 3],
  ['devm_ioremap_wc', 3], ['devm_platform_ioremap_resource', 2], ['devm_platform_get_and_ioremap_resource', 3],
  ['platform_get_resource', 3], ['platform_get_irq', 2],
  ['request_irq', 5], ['request_threaded_irq', 6], ['devm_request_irq', 6], ['devm_request_threaded_irq', 7],
  ['free_irq', 2], ['devm_free_irq', 3], ['enable_irq', 1], ['disable_irq', 1], ['disable_irq_nosync', 1],
  ['misc_register', 1], ['misc_deregister', 1], ['register_chrdev', 3], ['__register_chrdev', 5], ['unregister_chrdev', 2],
  ['cdev_add', 3], ['__platform_driver_register', 2], ['platform_driver_register', 1], ['platform_driver_unregister', 1],
  ['copy_to_user', 3], ['copy_from_user', 3], ['_copy_to_user', 3], ['_copy_from_user', 3],
  ['simple_read_from_buffer', 5], ['simple_write_to_buffer', 5],
  ['debugfs_create_dir', 2], ['debugfs_create_file', 5], ['debugfs_remove', 1], ['debugfs_remove_recursive', 1],
  ['mod_timer', 2], ['add_timer', 1], ['del_timer', 1], ['del_timer_sync', 1], ['msleep', 1], ['schedule_work', 1], ['queue_work_on', 3],
  ['complete', 1], ['wait_for_completion', 1], ['wait_for_completion_interruptible', 1], ['wait_for_completion_timeout', 2],
  ['__wake_up', 4], ['kstrtoint', 3], ['kstrtouint', 3], ['kstrtol', 3], ['kstrtoul', 3],
]);

/** A call into a traced service from the guest (`regs`: the hart's x registers): the event, whose `ret` is filled in when the service returns at once. */
export function traceServiceCall(tracer: Tracer, name: string, regs: Int32Array | number[], callerPc: number): TraceEvent | null {
  const arity = tracer.enabled ? TRACED_SERVICES.get(name) : undefined;
  if (arity === undefined) return null;
  const taken: number[] = [];
  for (let i = 0; i < Math.min(arity, 8); i++) taken.push(regs[10 + i] >>> 0); // a0..a7
  const body = { kind: 'kcall' as const, name, args: taken };
  tracer.emit(body, callerPc);
  return body as TraceEvent;
}

/** The kernel calls guest code at `fn` (`symbol`: how the kernel names it, "stopwatch_timeout_irq+0x0/0x58 [stopwatch]"). */
export function traceGuestCall(tracer: Tracer, fn: number, symbol: string, args: readonly number[], irq: boolean): void {
  if (!tracer.enabled) return;
  const name = symbol.replace(/\+0x[0-9a-f]+\/0x[0-9a-f]+/, '').replace(/\s*\[[^\]]*\]$/, '');
  tracer.emit({ kind: 'kcall', name, args: args.slice(0, 4).map((a) => a >>> 0), into: irq ? 'irq-handler' : 'driver' }, fn >>> 0);
}

/** The call instruction before a return address: a 4-byte jalr (kernel-C's calls), or a 2-byte c.jalr. */
export function callSite(ra: number, halfwordAt: (addr: number) => number | undefined): number {
  const at = (ra - 4) >>> 0;
  const low = halfwordAt(at);
  return low !== undefined && (low & 3) === 3 ? at : (ra - 2) >>> 0;
}
