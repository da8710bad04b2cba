// Which parts of RAM the interpreter's fast paths may touch without a PMP
// check: for instruction fetch, load and store, all of RAM when every
// privilege the hart can reach before its next SYSTEM instruction (the
// current one, M and, with delegation, S through a trap, MPP through MPRV) has
// that permission on all of RAM by one PMP entry (or, for M, by none);
// otherwise none of it, and every access takes the checked slow path.

import type { Cpu } from './cpu.ts';
import { MSTATUS_MPP, MSTATUS_MPRV } from './csr.ts';
import { pmpAllowsWholeWindow, PMP_R, PMP_W, PMP_X } from './pmp.ts';
import { dataPrivilege } from './slow-path.ts';

const M = 1 << 3, S = 1 << 1;

export class RamWindows {
  /** Bytes from the start of RAM that each access kind may use unchecked: RAM's size or 0. */
  fetch = 0;
  load = 0;
  store = 0;
  /** `fetch`, or 0 when translated code may not run (a watchpoint on RAM is set): the dispatcher's one test. */
  translate = 0;
  /** The state the windows were computed for; NaN forces a recomputation. */
  private key = NaN;

  constructor(private readonly cpu: Cpu) {}

  /** The next update() recomputes (the host changed CSRs behind the hart's back). */
  invalidate(): void {
    this.key = NaN;
  }

  /** Recomputes the windows if privilege, MPRV/MPP, delegation or PMP changed; true if it did. */
  update(): boolean {
    const cpu = this.cpu, c = cpu.csr;
    const toS = cpu.priv !== 3 && (c.medeleg | c.mideleg) !== 0;
    const key = (cpu.watchpoints.version * 65536 + c.pmpVersion) * 256 + cpu.priv * 32 + (c.mstatus & (MSTATUS_MPRV | MSTATUS_MPP)) / 2048 * 2 + (toS ? 1 : 0);
    if (key === this.key) return false;
    this.key = key;
    const reachable = (1 << cpu.priv) | M | (toS ? S : 0);
    const mprv = (c.mstatus & MSTATUS_MPRV) !== 0;
    const data = reachable | (1 << dataPrivilege(cpu)) | (mprv ? (1 << cpu.priv) : 0);
    this.fetch = this.windowFor(reachable, PMP_X);
    // A watched access to RAM must reach the slow path, where watchpoints are checked;
    // device memory is outside RAM and takes the slow path anyway.
    const wp = cpu.watchpoints;
    const watchRamReads = wp.watchReads && wp.overlaps(cpu.ramBase >>> 0, cpu.ramSize, 'read');
    const watchRamWrites = wp.watchWrites && wp.overlaps(cpu.ramBase >>> 0, cpu.ramSize, 'write');
    this.load = watchRamReads ? 0 : this.windowFor(data, PMP_R);
    this.store = watchRamWrites ? 0 : this.windowFor(data, PMP_W);
    this.translate = watchRamReads || watchRamWrites ? 0 : this.fetch;
    return true;
  }

  /** RAM's size if every privilege in the `privs` bit set may do `access` anywhere in RAM, else 0. */
  private windowFor(privs: number, access: number): number {
    const cpu = this.cpu;
    for (let priv = 0; priv < 4; priv++) {
      if (((privs >>> priv) & 1) !== 0 && !pmpAllowsWholeWindow(cpu.csr, cpu.ramBase, cpu.ramSize, access, priv)) return 0;
    }
    return cpu.ramSize;
  }
}
