// Every file of kernel services, in the order their boot() steps run. The
// kernel engine builds its symbol table (the kernel-service window) from
// these: a symbol a driver may call is a service or a variable here.

import type { ServiceModule } from '../api.ts';
import { delayServices } from './delay.ts';
import { ioremapServices } from './ioremap.ts';
import { irqServices } from './irq.ts';
import { kthreadServices } from './kthread.ts';
import { mutexServices } from './mutex.ts';
import { ofServices } from './of.ts';
import { platformServices } from './platform.ts';
import { softirqServices } from './softirq.ts';
import { timeServices } from './time.ts';
import { timerServices } from './timer.ts';
import { waitServices } from './wait.ts';
import { workqueueServices } from './workqueue.ts';

export const SERVICE_MODULES: readonly ServiceModule[] = [
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
