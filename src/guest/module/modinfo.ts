// A module's .modinfo section (what MODULE_LICENSE, MODULE_DESCRIPTION,
// MODULE_PARM_DESC... put there): "tag=value" strings, NUL-terminated and laid
// end to end, read as Linux's get_modinfo and the modinfo tool read them.

import { utf8Decode } from '../../toolchain/obj/elf.ts';

export interface ParamInfo {
  name: string;
  /** From MODULE_PARM_DESC. */
  description?: string;
  /** From module_param: "int", "bool", "charp"... */
  type?: string;
}

export interface ModInfo {
  /** Every tag=value, in file order (a tag may repeat: alias, author). */
  entries: [string, string][];
  license?: string;
  description?: string;
  authors: string[];
  aliases: string[];
  params: ParamInfo[];
}

export function parseModinfo(bytes: Uint8Array): ModInfo {
  const text = utf8Decode(bytes);
  const entries: [string, string][] = [];
  for (const s of text.split('\0')) {
    const eq = s.indexOf('=');
    if (s === '' || eq < 0) continue;
    entries.push([s.slice(0, eq), s.slice(eq + 1)]);
  }
  const all = (tag: string): string[] => entries.filter(([k]) => k === tag).map(([, v]) => v);
  return {
    entries, license: all('license')[0], description: all('description')[0],
    authors: all('author'), aliases: all('alias'), params: paramInfo(all('parm'), all('parmtype')),
  };
}

/** "name:text" pairs of parm= and parmtype=, joined by parameter name. */
function paramInfo(descs: string[], types: string[]): ParamInfo[] {
  const byName = new Map<string, ParamInfo>();
  const entry = (s: string): [ParamInfo, string] => {
    const colon = s.indexOf(':');
    const name = colon < 0 ? s : s.slice(0, colon);
    let p = byName.get(name);
    if (!p) byName.set(name, (p = { name }));
    return [p, colon < 0 ? '' : s.slice(colon + 1)];
  };
  for (const t of types) { const [p, v] = entry(t); p.type = v; }
  for (const d of descs) { const [p, v] = entry(d); p.description = v; }
  return [...byName.values()];
}

/** Licenses that let a module use EXPORT_SYMBOL_GPL symbols without tainting the kernel
 * (Linux's license_is_gpl_compatible). */
export function licenseIsGplCompatible(license: string): boolean {
  return ['GPL', 'GPL v2', 'GPL and additional rights', 'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL'].includes(license);
}
