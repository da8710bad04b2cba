// Where the code window's names come from: for a bare-metal program, its ELF
// (the DWARF line table and the symbol table); in the guest, the kernel's
// image, every loaded module's symbols, and the student's driver's line table
// relocated to where insmod put it. Each is rebuilt only when the code moved.

import type { GuestSystem } from '../guest/system.ts';
import type { Module } from '../guest/module/module.ts';
import { readElf, readSymbols, SHF_EXECINSTR, SHN_UNDEF, STT_FUNC, STT_NOTYPE } from '../toolchain/obj/elf.ts';
import { labelsByAddress, type CodeNames } from './code-annotation.ts';
import { SourceMap } from './source-map.ts';

const NO_LABELS: ReadonlyMap<number, string> = new Map();

/** A bare-metal program's names. A file that is not an ELF, or whose debug
 * information cannot be read (gcc's DWARF 5), just names less. */
export function programCodeNames(elf: Uint8Array, files: Readonly<Record<string, string>> = {}): CodeNames {
  let lines: SourceMap | null = null;
  let labels: ReadonlyMap<number, string> = NO_LABELS;
  try {
    const file = readElf(elf);
    const code = (shndx: number) => shndx !== SHN_UNDEF && ((file.sections[shndx]?.flags ?? 0) & SHF_EXECINSTR) !== 0;
    labels = labelsByAddress(readSymbols(file)
      .filter((s) => (s.type === STT_FUNC || s.type === STT_NOTYPE) && code(s.shndx))
      .map((s) => [s.name, s.value] as const));
    lines = SourceMap.forProgram(elf);
  } catch {
    // The window stays plain disassembly (with the labels read before the failure).
  }
  return { lines: lines && lines.rows.length > 0 ? lines : null, labels, files };
}

/** The driver the page built and inserted: its module's name, its .ko and its files. */
export interface GuestDriverCode {
  module: string;
  object: Uint8Array;
  files: Readonly<Record<string, string>>;
}

/** The running guest's names, asked at each register snapshot. */
export class GuestCodeNames {
  private kernelLabels: ReadonlyMap<number, string> | null = null;
  /** Keyed by the module record insmod made and whether its init code is still there. */
  private mapOf: { module: Module; withInit: boolean; object: Uint8Array; map: SourceMap | null } | null = null;
  /** The modules the labels were made for, each with whether its init code was still there. */
  private labelsOf: { modules: Array<readonly [Module, boolean]>; labels: ReadonlyMap<number, string> } | null = null;

  names(sys: GuestSystem, driver: GuestDriverCode | null): CodeNames {
    return { lines: this.driverMap(sys, driver), labels: this.labels(sys), files: driver?.files ?? {} };
  }

  /** The driver's line table where the module is now (rmmod and insmod in the shell move it). */
  private driverMap(sys: GuestSystem, driver: GuestDriverCode | null): SourceMap | null {
    const module = driver ? sys.kernel.modules.find((m) => m.name === driver.module) : undefined;
    if (!driver || !module) return null;
    const withInit = module.init !== undefined;
    const had = this.mapOf;
    if (had && had.module === module && had.withInit === withInit && had.object === driver.object) return had.map;
    let map: SourceMap | null = null;
    try {
      map = SourceMap.forModule(sys, driver.module, driver.object);
    } catch {
      // An object that is not the one inserted: no C lines, the labels still name the code.
    }
    this.mapOf = { module, withInit, object: driver.object, map };
    return map;
  }

  /** The kernel's labels (its assembly: boot code, trap entry, idle loop), its services' addresses and the modules' code symbols. */
  private labels(sys: GuestSystem): ReadonlyMap<number, string> {
    const modules = sys.kernel.modules.map((m) => [m, m.init !== undefined] as const);
    const had = this.labelsOf;
    if (had && had.modules.length === modules.length && modules.every(([m, init], i) => had.modules[i][0] === m && had.modules[i][1] === init)) return had.labels;
    this.kernelLabels ??= labelsByAddress([...sys.kernel.image.symbols].filter(([name]) => name !== '_etext' && name !== '__global_pointer$'));
    // Only code that is still there: a module's text, and its init text until init has returned (then it is freed).
    const inCode = (m: Module, a: number) => m.sections.some((s) => s.name.includes('text') && (!s.init || m.init !== undefined) && a >= s.addr && a < s.addr + s.size);
    const moduleLabels = labelsByAddress(modules.flatMap(([m]) => [...m.symbols].filter(([, a]) => inCode(m, a))));
    // The kernel's services (ioremap, request_irq…) live in a window of addresses of their own: a call there is named too.
    const services = sys.kernel.serviceWindow.slots.map((slot) => [slot.address, slot.name] as const);
    const labels = new Map([...this.kernelLabels, ...services, ...moduleLabels]);
    this.labelsOf = { modules, labels };
    return labels;
  }
}
