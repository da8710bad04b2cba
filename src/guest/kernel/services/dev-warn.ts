// WARN() as Linux prints it (kernel/panic.c __warn): a "cut here" line, the
// message, where it happened, the task, and the end-of-trace marker. The
// system goes on; a WARN only reports.
import type { KernelContext } from '../api.ts';

const KERN_WARNING = 4;

export function kernelWarn(k: KernelContext, message: string, where: string): void {
  k.printk(KERN_WARNING, '------------[ cut here ]------------');
  for (const line of message.replace(/\n$/, '').split('\n')) k.printk(KERN_WARNING, line);
  k.printk(KERN_WARNING, `WARNING: CPU: 0 PID: ${k.current.pid} at ${where}`);
  k.printk(KERN_WARNING, `CPU: 0 PID: ${k.current.pid} Comm: ${k.current.comm}`);
  k.printk(KERN_WARNING, '---[ end trace 0000000000000000 ]---');
}
