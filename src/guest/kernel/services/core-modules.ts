// The engine's stand-in services (core-*.ts): just enough printk, string,
// platform, IRQ and debugfs for the default stopwatch driver, listed after
// SERVICE_MODULES so that the real service files win wherever they define a
// symbol. Delete this list (and the core-*.ts files) once they cover it.

import type { ServiceModule } from '../api.ts';
import { coreFops } from './core-fops.ts';
import { coreLib } from './core-lib.ts';
import { corePlatform } from './core-platform.ts';
import { corePrintk } from './core-printk.ts';

export const CORE_MODULES: readonly ServiceModule[] = [corePrintk, coreLib, coreFops, corePlatform];
