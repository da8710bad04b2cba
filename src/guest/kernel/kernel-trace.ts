// What the kernel adds to the machine's trace: a `kcall` event when a driver
// calls one of the kernel services a student writes against (ioremap,
// request_irq, copy_to_user…), and when the kernel calls into the driver (its
// interrupt handler, probe, a file's read): the trace then reads as the story
// of a driver call, not only of bus accesses. The kernel's bookkeeping services
// (memcpy, locks, kmalloc) are left out: they would drown the rest, and a
// trace that is off pays one branch.

import type { TraceEvent } from '../../protocol/trace-events.ts';
import type { Tracer } from '../../machine/trace/tracer.ts';

/** The driver-facing services worth a line in the trace. */
const TRACED_SERVICES = new Set([
  'ioremap', 'ioremap_prot', 'iounmap', 'devm_ioremap', 'devm_ioremap_resource', 'devm_ioremap_uc', 'devm_ioremap_wc',
  'devm_platform_ioremap_resource', 'devm_platform_get_and_ioremap_resource', 'platform_get_resource', 'platform_get_irq',
  'request_irq', 'request_threaded_irq', 'devm_request_irq', 'devm_request_threaded_irq', 'free_irq', 'devm_free_irq',
  'enable_irq', 'disable_irq', 'disable_irq_nosync',
  'misc_register', 'misc_deregister', 'register_chrdev', 'unregister_chrdev', '__register_chrdev', 'cdev_add',
  '__platform_driver_register', 'platform_driver_register', 'platform_driver_unregister',
  'copy_to_user', 'copy_from_user', '_copy_to_user', '_copy_from_user', 'simple_read_from_buffer', 'simple_write_to_buffer',
  'debugfs_create_dir', 'debugfs_create_file', 'debugfs_remove', 'debugfs_remove_recursive',
  'mod_timer', 'add_timer', 'del_timer', 'del_timer_sync', 'msleep', 'schedule_work', 'queue_work_on',
  'complete', 'wait_for_completion', 'wait_for_completion_interruptible', 'wait_for_completion_timeout',
  'wake_up', '__wake_up', 'kthread_create_on_node', 'kstrtoint', 'kstrtouint', 'kstrtol', 'kstrtoul',
]);

/** A call into a traced service from the guest: the event, whose `ret` is filled in when the service returns at once. */
export function traceServiceCall(tracer: Tracer, name: string, args: Int32Array | number[], callerPc: number): TraceEvent | null {
  if (!tracer.enabled || !TRACED_SERVICES.has(name)) return null;
  const body = { kind: 'kcall' as const, name, args: [args[10] >>> 0, args[11] >>> 0, args[12] >>> 0, args[13] >>> 0] };
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
