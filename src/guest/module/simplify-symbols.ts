// Giving every symbol of a module its final address (Linux's simplify_symbols):
// a defined symbol is its section's address plus its offset; an undefined one
// is looked up in the kernel, then in the modules loaded before (EXPORT_SYMBOL),
// except __this_module, which the loader supplies. A name found nowhere is
// logged as Linux logs it (`mod: Unknown symbol foo (err -2)`) and, once every
// symbol has been tried, fails the load with -ENOENT; a weak one is 0.

import { SHN_ABS, SHN_COMMON, SHN_UNDEF, STB_WEAK, STT_SECTION } from '../../toolchain/obj/elf.ts';
import type { LoadInfo } from './elf-info.ts';
import type { ModuleLayout } from './layout.ts';
import { findSymbol, type Exporter, type KernelSymbolTable } from './ksymtab.ts';
import { EINVAL, ENOENT, ENOEXEC } from './errno.ts';

export const THIS_MODULE_SYMBOL = '__this_module';

export interface ResolveContext {
  modname: string;
  /** Whether the module's license lets it use EXPORT_SYMBOL_GPL symbols. */
  gplOk: boolean;
  /** Namespaces the module imports (MODULE_IMPORT_NS). */
  importedNamespaces: string[];
  kernel: KernelSymbolTable;
  modules: readonly Exporter[];
}

export interface External {
  /** Symbol index → address, for the undefined symbols; __this_module is left to the loader. */
  values: Map<number, number>;
  /** Modules whose exports are used. */
  uses: Set<string>;
  /** 0, or the error of the last symbol that could not be resolved. */
  errno: number;
}

/** Resolves the undefined symbols; needs no address of the module's own. */
export function resolveUndefined(info: LoadInfo, ctx: ResolveContext, log: string[]): External {
  const out: External = { values: new Map(), uses: new Set(), errno: 0 };
  info.symbols.forEach((s, i) => {
    if (i === 0 || s.shndx !== SHN_UNDEF || s.name === '' || s.name === THIS_MODULE_SYMBOL) return;
    const found = findSymbol(s.name, ctx.kernel, ctx.modules);
    let err = found && found.gplOnly && !ctx.gplOk ? -ENOENT : found ? 0 : -ENOENT;
    if (found && !err && found.namespace && !ctx.importedNamespaces.includes(found.namespace)) {
      log.push(`${ctx.modname}: module uses symbol (${s.name}) from namespace ${found.namespace}, but does not import it.`);
      err = -EINVAL;
    }
    if (!err) {
      out.values.set(i, found!.address);
      if (found!.owner) out.uses.add(found!.owner);
      return;
    }
    if (err === -ENOENT && !found && s.bind === STB_WEAK) { out.values.set(i, 0); return; }
    log.push(`${ctx.modname}: Unknown symbol ${s.name} (err ${err})`);
    out.errno = err;
  });
  return out;
}

/** A COMMON symbol (from a build without -fno-common), refused as Linux refuses it. */
export function commonSymbol(info: LoadInfo): string | undefined {
  const s = info.symbols.find((x) => x.shndx === SHN_COMMON);
  return s && `Please compile with -fno-common (the variable '${s.name}' is a common symbol, which a module cannot have)`;
}

export const ERR_COMMON = -ENOEXEC;

/** Final address of every symbol; undefined for one in a section that is not loaded. */
export function symbolValues(info: LoadInfo, layout: ModuleLayout, base: { core: number; init: number }, external: External,
  thisModule: number): (number | undefined)[] {
  return info.symbols.map((s, i) => {
    if (i === 0) return 0;
    if (s.shndx === SHN_UNDEF) return s.name === THIS_MODULE_SYMBOL ? thisModule : external.values.get(i);
    if (s.shndx === SHN_ABS) return s.value;
    const p = layout.placed.get(s.shndx);
    if (!p) return undefined;
    return ((p.init ? base.init : base.core) + p.offset + (s.type === STT_SECTION ? 0 : s.value)) >>> 0;
  });
}
