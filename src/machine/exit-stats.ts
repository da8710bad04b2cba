// VM-exit accounting: how many times the guest trapped into each device (and
// each register), how many pass-through accesses it made instead, and how much
// virtual time the exits cost. This is the number para-virtualization is about.

export interface ExitCount {
  exits: number;
  reads: number;
  writes: number;
  timeNs: number;
}

export interface ExitStatsSnapshot {
  /** Per device (region owner). */
  devices: Record<string, ExitCount>;
  /** Per "device.register" ("stopwatch.command"). */
  registers: Record<string, ExitCount>;
  /** Pass-through accesses per device. */
  passthrough: Record<string, { reads: number; writes: number }>;
  totalExits: number;
  totalExitTimeNs: number;
}

function emptyCount(): ExitCount {
  return { exits: 0, reads: 0, writes: 0, timeNs: 0 };
}

function add(c: ExitCount, op: 'read' | 'write', costNs: number): void {
  c.exits++;
  if (op === 'read') c.reads++;
  else c.writes++;
  c.timeNs += costNs;
}

const NO_PASSTHROUGH = { reads: 0, writes: 0 } as const;

export class ExitStats {
  private devices = new Map<string, ExitCount>();
  private registers = new Map<string, ExitCount>();
  /** device → register → its entry in `registers`: no key string built per exit. */
  private registerIndex = new Map<string, Map<string | undefined, ExitCount>>();
  private passthrough = new Map<string, { reads: number; writes: number }>();
  totalExits = 0;
  totalExitTimeNs = 0;

  countExit(device: string, reg: string | undefined, op: 'read' | 'write', costNs: number): void {
    this.bump(this.devices, device, op, costNs);
    let regs = this.registerIndex.get(device);
    if (!regs) this.registerIndex.set(device, (regs = new Map()));
    let c = regs.get(reg);
    if (!c) {
      regs.set(reg, (c = emptyCount()));
      this.registers.set(`${device}.${reg ?? '?'}`, c);
    }
    add(c, op, costNs);
    this.totalExits++;
    this.totalExitTimeNs += costNs;
  }

  countPassthrough(device: string, op: 'read' | 'write'): void {
    let c = this.passthrough.get(device);
    if (!c) this.passthrough.set(device, (c = { reads: 0, writes: 0 }));
    if (op === 'read') c.reads++;
    else c.writes++;
  }

  /** One device's exits so far, read without building a snapshot (a cheap "did it change?"). */
  exitCount(device: string): number {
    return this.devices.get(device)?.exits ?? 0;
  }

  /** One device's pass-through accesses so far (the live counters: read, do not keep). */
  passthroughCount(device: string): { readonly reads: number; readonly writes: number } {
    return this.passthrough.get(device) ?? NO_PASSTHROUGH;
  }

  private bump(map: Map<string, ExitCount>, key: string, op: 'read' | 'write', costNs: number): void {
    let c = map.get(key);
    if (!c) map.set(key, (c = emptyCount()));
    add(c, op, costNs);
  }

  snapshot(): ExitStatsSnapshot {
    return {
      devices: Object.fromEntries([...this.devices].map(([k, v]) => [k, { ...v }])),
      registers: Object.fromEntries([...this.registers].map(([k, v]) => [k, { ...v }])),
      passthrough: Object.fromEntries([...this.passthrough].map(([k, v]) => [k, { ...v }])),
      totalExits: this.totalExits,
      totalExitTimeNs: this.totalExitTimeNs,
    };
  }

  reset(): void {
    this.devices.clear();
    this.registers.clear();
    this.registerIndex.clear();
    this.passthrough.clear();
    this.totalExits = 0;
    this.totalExitTimeNs = 0;
  }
}
