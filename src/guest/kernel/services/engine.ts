// How the engine's own service files (sched.ts, kernel-misc.ts) reach the
// engine behind a KernelContext: the kernel registers itself in its shared
// state at start-up. Other service files use only the KernelContext.

import type { KernelContext } from '../api.ts';
import type { GuestKernel } from '../kernel.ts';

export const ENGINE_STATE = 'kernel.engine';

export function engineOf(k: KernelContext): GuestKernel {
  return k.state<GuestKernel>(ENGINE_STATE, () => { throw new Error('the kernel engine is not running'); });
}
