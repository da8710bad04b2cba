// Module parameters: the struct kernel_param array of the __param section
// (src/guest/include/linux/moduleparam.h, 20 bytes each on RV32), and the
// `insmod name.ko param=value ...` arguments matched against it as Linux's
// parse_args does for a module: '-' and '_' are the same in a name, a value
// may be double-quoted, and an unknown parameter is reported and ignored.
// Calling the parameter's ops->set is guest code: the kernel does it with the
// pairs returned here.

/** struct kernel_param on RV32. */
export const KERNEL_PARAM = { size: 20, name: 0, mod: 4, ops: 8, perm: 12, level: 14, flags: 15, arg: 16 } as const;
export const KERNEL_PARAM_FL_UNSAFE = 1;

export interface ModuleParam {
  name: string;
  /** Guest address of its struct kernel_param (what ops->set receives). */
  addr: number;
  ops: number;
  arg: number;
  /** sysfs permission bits (0444...). */
  perm: number;
  level: number;
  flags: number;
}

/** Reads the kernel_param entries of a relocated __param section; `cString` reads guest strings. */
export function readParams(bytes: Uint8Array, addr: number, cString: (addr: number) => string): ModuleParam[] {
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ModuleParam[] = [];
  for (let o = 0; o + KERNEL_PARAM.size <= bytes.length; o += KERNEL_PARAM.size) {
    out.push({
      name: cString(d.getUint32(o + KERNEL_PARAM.name, true)), addr: addr + o,
      ops: d.getUint32(o + KERNEL_PARAM.ops, true), arg: d.getUint32(o + KERNEL_PARAM.arg, true),
      perm: d.getUint16(o + KERNEL_PARAM.perm, true), level: d.getInt8(o + KERNEL_PARAM.level), flags: d.getUint8(o + KERNEL_PARAM.flags),
    });
  }
  return out;
}

/** One `name=value` of the command line; value is undefined for a bare `name`. */
export interface ParamArg {
  name: string;
  value?: string;
}

/** Splits insmod's arguments (joined by spaces, as insmod passes them) into name/value pairs, quotes honoured. */
export function parseModuleArgs(args: string): ParamArg[] {
  const out: ParamArg[] = [];
  let i = 0;
  while (i < args.length) {
    while (i < args.length && /\s/.test(args[i])) i++;
    if (i >= args.length) break;
    let word = '';
    let quoted = false;
    for (; i < args.length && (quoted || !/\s/.test(args[i])); i++) {
      if (args[i] === '"') quoted = !quoted;
      word += args[i];
    }
    out.push(splitArg(word));
  }
  return out;
}

function splitArg(word: string): ParamArg {
  const unquote = (s: string): string => s.replace(/^"/, '').replace(/"$/, '');
  const w = word.startsWith('"') ? word.slice(1) : word;
  const eq = w.indexOf('=');
  if (eq < 0) return { name: unquote(w) };
  return { name: w.slice(0, eq), value: unquote(w.slice(eq + 1)) };
}

const sameName = (a: string, b: string): boolean => a.replace(/-/g, '_') === b.replace(/-/g, '_');

/** Each argument that names a parameter, with its value, in command-line order; unknown ones
 * are logged (`mod: unknown parameter 'x' ignored`) and skipped, as Linux does. */
export function matchParams(modname: string, params: ModuleParam[], args: ParamArg[], log: string[]): { param: ModuleParam; value?: string }[] {
  const out: { param: ModuleParam; value?: string }[] = [];
  for (const a of args) {
    const param = params.find((p) => sameName(p.name, a.name));
    if (param) out.push({ param, value: a.value });
    else log.push(`${modname}: unknown parameter '${a.name}' ignored`);
  }
  return out;
}
