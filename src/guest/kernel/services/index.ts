// Every file of kernel services, in the order their boot() steps run. The
// kernel engine builds its symbol table (the kernel-service window) from
// these: a symbol a driver may call is a service or a variable here.

import type { ServiceModule } from '../api.ts';
import { ioremapServices } from './ioremap.ts';
import { irqServices } from './irq.ts';
import { ofServices } from './of.ts';
import { platformServices } from './platform.ts';
import { waitServices } from './wait.ts';
import { timeServices } from './time.ts';
import { delayServices } from './delay.ts';

export const SERVICE_MODULES: readonly ServiceModule[] = [
  ofServices,
  irqServices,
  ioremapServices,
  platformServices,
  waitServices,
  timeServices,
  delayServices,
];
