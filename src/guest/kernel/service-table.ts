// The kernel's symbol table: every service gets a 4-byte slot in the service
// window (a call to it is a fetch from nowhere that the run loop services),
// every kernel variable a place in the kernel data area in RAM. Modules link
// against these addresses (the module loader's KernelSymbolTable).

import type { KernelSymbol, KernelSymbolTable } from '../module/ksymtab.ts';
import type { KernelVariable, Service, ServiceModule } from './api.ts';
import { FIRST_SERVICE_SLOT, KERNEL_DATA, KERNEL_DATA_SIZE, WINDOW_SLOT } from './layout.ts';

export interface ServiceSlot {
  name: string;
  service: Service;
  address: number;
}

export interface PlacedVariable {
  name: string;
  address: number;
  variable: KernelVariable;
}

export class ServiceWindow implements KernelSymbolTable {
  readonly slots: ServiceSlot[] = [];
  readonly variables: PlacedVariable[] = [];
  private readonly symbols = new Map<string, KernelSymbol>();
  readonly end: number;

  constructor(modules: readonly ServiceModule[]) {
    let data = KERNEL_DATA;
    for (const m of modules) {
      const gpl = new Set(m.gplOnly ?? []);
      for (const [name, service] of Object.entries(m.services)) {
        if (this.symbols.has(name)) continue; // the first module to define a symbol owns it
        const address = FIRST_SERVICE_SLOT + WINDOW_SLOT * this.slots.length;
        this.slots.push({ name, service, address });
        this.symbols.set(name, { address, gplOnly: gpl.has(name) });
      }
      for (const [name, variable] of Object.entries(m.variables ?? {})) {
        if (this.symbols.has(name)) continue;
        const align = variable.align ?? Math.min(8, Math.max(4, variable.size));
        data = Math.ceil(data / align) * align;
        if (data + variable.size > KERNEL_DATA + KERNEL_DATA_SIZE) throw new Error(`kernel data area full at ${name}`);
        this.variables.push({ name, address: data, variable });
        this.symbols.set(name, { address: data, gplOnly: gpl.has(name) });
        data += variable.size;
      }
    }
    this.end = FIRST_SERVICE_SLOT + WINDOW_SLOT * this.slots.length;
  }

  lookup(name: string): KernelSymbol | undefined {
    return this.symbols.get(name);
  }

  /** The service whose slot holds `pc`, if any. */
  serviceAt(pc: number): ServiceSlot | undefined {
    const i = ((pc >>> 0) - FIRST_SERVICE_SLOT) / WINDOW_SLOT;
    return Number.isInteger(i) && i >= 0 ? this.slots[i] : undefined;
  }

  /** "name+0x0/0x4" for an address in the window or the data area, else undefined. */
  describe(addr: number): string | undefined {
    const a = addr >>> 0;
    if (a >= FIRST_SERVICE_SLOT && a < this.end) {
      const s = this.slots[Math.floor((a - FIRST_SERVICE_SLOT) / WINDOW_SLOT)];
      return `${s.name}+0x${(a - s.address).toString(16)}/0x${WINDOW_SLOT.toString(16)}`;
    }
    const v = this.variables.find((x) => a >= x.address && a < x.address + Math.max(1, x.variable.size));
    return v ? `${v.name}+0x${(a - v.address).toString(16)}/0x${v.variable.size.toString(16)}` : undefined;
  }
}
