// Every file of kernel services, in the order their boot() steps run. The
// kernel engine builds its symbol table (the kernel-service window) from
// these: a symbol a driver may call is a service or a variable here.

import type { ServiceModule } from '../api.ts';
import { schedServices } from './sched.ts';
import { kernelMiscServices } from './kernel-misc.ts';

export const SERVICE_MODULES: readonly ServiceModule[] = [
  schedServices,
  kernelMiscServices,
];
