// Every file of kernel services, in the order their boot() steps run. The
// kernel engine builds its symbol table (the kernel-service window) from
// these: a symbol a driver may call is a service or a variable here.

import type { ServiceModule } from '../api.ts';
import { chrdevServices } from './chrdev.ts';
import { debugfsServices } from './debugfs.ts';
import { fileOpsServices } from './file-ops.ts';
import { kstrtoxServices } from './kstrtox.ts';
import { miscServices } from './miscdevice.ts';
import { moduleparamServices } from './moduleparam.ts';
import { printkServices } from './printk.ts';
import { seqFileServices } from './seq_file.ts';
import { slabServices } from './slab.ts';
import { stringServices } from './string.ts';
import { sysfsServices } from './sysfs.ts';
import { uaccessServices } from './uaccess.ts';

export const SERVICE_MODULES: readonly ServiceModule[] = [
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
];
