// Symbols a module can link against (Linux's find_symbol): the kernel's own
// (the guest kernel's services, by the names Linux 6.1 exports) and those
// other modules export with EXPORT_SYMBOL / EXPORT_SYMBOL_GPL. A module's
// exports are its ___ksymtab+NAME and ___ksymtab_gpl+NAME sections, one struct
// kernel_symbol each (value, name, namespace: 12 bytes on RV32), as
// src/guest/include/linux/export.h emits them.

export interface KernelSymbol {
  address: number;
  /** EXPORT_SYMBOL_GPL: only modules with a GPL-compatible license may use it. */
  gplOnly: boolean;
  /** EXPORT_SYMBOL_NS: users must MODULE_IMPORT_NS it. */
  namespace?: string;
}

/** The kernel's exported symbols; the guest kernel implements it. */
export interface KernelSymbolTable {
  lookup(name: string): KernelSymbol | undefined;
}

export interface ExportedSymbol extends KernelSymbol {
  name: string;
}

/** What a loaded module offers to the modules loaded after it. */
export interface Exporter {
  name: string;
  exports: ExportedSymbol[];
}

export const KERNEL_SYMBOL_SIZE = 12;

/** The name and license of an export section, or undefined if it is not one. */
export function ksymtabSection(name: string): { symbol: string; gplOnly: boolean } | undefined {
  if (name.startsWith('___ksymtab+')) return { symbol: name.slice('___ksymtab+'.length), gplOnly: false };
  if (name.startsWith('___ksymtab_gpl+')) return { symbol: name.slice('___ksymtab_gpl+'.length), gplOnly: true };
  return undefined;
}

/** Reads the struct kernel_symbol of a relocated export section. */
export function readKernelSymbol(bytes: Uint8Array, name: string, gplOnly: boolean, cString: (addr: number) => string): ExportedSymbol {
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ns = bytes.length >= KERNEL_SYMBOL_SIZE ? d.getUint32(8, true) : 0;
  const namespace = ns ? cString(ns) : '';
  return { name, address: bytes.length >= 4 ? d.getUint32(0, true) : 0, gplOnly, ...(namespace ? { namespace } : {}) };
}

export interface FoundSymbol extends KernelSymbol {
  /** The exporting module; undefined for the kernel. */
  owner?: string;
}

/** The kernel first, then the modules in load order, as Linux searches them. */
export function findSymbol(name: string, kernel: KernelSymbolTable, modules: readonly Exporter[]): FoundSymbol | undefined {
  const k = kernel.lookup(name);
  if (k) return k;
  for (const m of modules) {
    const e = m.exports.find((x) => x.name === name);
    if (e) return { ...e, owner: m.name };
  }
  return undefined;
}
