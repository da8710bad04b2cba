// Every file of kernel services, in the order their boot() steps run. The
// kernel engine builds its symbol table (the kernel-service window) from
// these: a symbol a driver may call is a service or a variable here.

import type { ServiceModule } from '../api.ts';
import { chrdevServices } from './chrdev.ts';
import { debugfsServices } from './debugfs.ts';
import { delayServices } from './delay.ts';
import { fileOpsServices } from './file-ops.ts';
import { ioremapServices } from './ioremap.ts';
import { irqServices } from './irq.ts';
import { kernelMiscServices } from './kernel-misc.ts';
import { kstrtoxServices } from './kstrtox.ts';
import { kthreadServices } from './kthread.ts';
import { miscServices } from './miscdevice.ts';
import { moduleparamServices } from './moduleparam.ts';
import { mutexServices } from './mutex.ts';
import { ofServices } from './of.ts';
import { platformServices } from './platform.ts';
import { printkServices } from './printk.ts';
import { schedServices } from './sched.ts';
import { seqFileServices } from './seq_file.ts';
import { slabServices } from './slab.ts';
import { softirqServices } from './softirq.ts';
import { stringServices } from './string.ts';
import { sysfsServices } from './sysfs.ts';
import { timeServices } from './time.ts';
import { timerServices } from './timer.ts';
import { uaccessServices } from './uaccess.ts';
import { waitServices } from './wait.ts';
import { workqueueServices } from './workqueue.ts';

export const SERVICE_MODULES: readonly ServiceModule[] = [
  schedServices,
  kernelMiscServices,
  printkServices,
  stringServices,
  kstrtoxServices,
  slabServices,
  uaccessServices,
  fileOpsServices,
  chrdevServices,
  miscServices,
  debugfsServices,
  seqFileServices,
  moduleparamServices,
  sysfsServices,
  ofServices,
  irqServices,
  ioremapServices,
  platformServices,
  waitServices,
  timeServices,
  delayServices,
  timerServices,
  workqueueServices,
  softirqServices,
  mutexServices,
  kthreadServices,
];
