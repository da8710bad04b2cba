// The device registers a student can put a watchpoint on by name, with the
// names of their values, as the page offers them ("break when command is
// written with START", "when status reads RUNNING"). The page may not import
// the machine, so the names are written out here; a test in the machine
// (src/machine/cpu/device-watch.test.ts) checks them against the stopwatch's
// own constants, so the two cannot drift apart. Where each register is mapped
// is the worker's business: it resolves the name on the board.

export interface DeviceRegisterInfo {
  device: string;
  reg: string;
  /** What the guest may do with it: a write-only register is watched for writes, a read-only one for reads. */
  access: 'read' | 'write';
  /** The register's value names, in value order. */
  values: Readonly<Record<string, number>>;
  /** One line for the form. */
  help: string;
}

export const WATCHABLE_REGISTERS: readonly DeviceRegisterInfo[] = [
  {
    device: 'stopwatch', reg: 'command', access: 'write',
    values: { RESET: 0, START: 1, PAUSE: 2, UPDATE: 3, TIMEOUT: 4, TIMEOUT_ACK: 5 },
    help: 'write-only: the driver writes a command here (a VM exit)',
  },
  {
    device: 'stopwatch', reg: 'status', access: 'read',
    values: { RUNNING: 0, RESET: 1, PAUSED: 2 },
    help: 'read-only: the driver reads the state here (a VM exit)',
  },
];

export function registerInfo(device: string, reg: string): DeviceRegisterInfo | undefined {
  return WATCHABLE_REGISTERS.find((r) => r.device === device && r.reg === reg);
}

/** "START" for stopwatch command 1; undefined for a value or register without a name. */
export function registerValueName(device: string, reg: string, value: number): string | undefined {
  const values = registerInfo(device, reg)?.values;
  if (!values) return undefined;
  for (const [name, v] of Object.entries(values)) if (v === value) return name;
  return undefined;
}
