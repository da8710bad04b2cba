// How a variable reads for a student, from its DWARF type and the bytes of its
// slot: a C type name as it was written, and a value in the form gdb's `info
// locals` would use (an int in decimal, an unsigned also in hex, a pointer in
// hex or NULL, a char with its character, an enum by its constant's name, a
// struct or array in braces with its first members). Anything this cannot decode is "unavailable", never a guess.

import type { DebugType } from '../toolchain/obj/dwarf-info-read.ts';

export const UNAVAILABLE = 'unavailable';

/** Reads `size` bytes of guest memory at `addr`; null where nothing readable is. */
export type Peek = (addr: number, size: number) => Uint8Array | null;

const DW_ATE_boolean = 0x02, DW_ATE_signed = 0x05, DW_ATE_signed_char = 0x06, DW_ATE_unsigned = 0x07, DW_ATE_unsigned_char = 0x08;
const MAX_MEMBERS = 6, MAX_ELEMENTS = 8, MAX_STRING = 24;

/** The type with typedefs and qualifiers looked through. */
function resolved(t: DebugType | null): DebugType | null {
  while (t && (t.kind === 'typedef' || t.kind === 'qualified')) t = t.target;
  return t;
}

export function typeText(t: DebugType | null): string {
  if (!t) return 'void';
  switch (t.kind) {
    case 'base': return t.name;
    case 'typedef': return t.name;
    case 'enum': return t.name ? `enum ${t.name}` : 'enum';
    case 'function': return 'function';
    case 'struct': return `${t.union ? 'union' : 'struct'} ${t.name ?? '{…}'}`;
    case 'array': return `${typeText(t.target)} [${t.count ?? ''}]`;
    case 'pointer': {
      const inner = typeText(t.target);
      return inner.endsWith('*') ? `${inner}*` : `${inner} *`;
    }
    case 'qualified': {
      const inner = typeText(t.target);
      // A const pointer reads "char * const"; a pointer to const, "const char *".
      return t.target?.kind === 'pointer' ? `${inner} ${t.qualifier}` : `${t.qualifier} ${inner}`;
    }
  }
}

/** The size of a value of type `t` in bytes (0: not known). */
export function sizeOfType(t: DebugType | null): number {
  const r = resolved(t);
  if (!r) return 0;
  switch (r.kind) {
    case 'base': case 'enum': case 'struct': return r.size;
    case 'pointer': return 4;
    case 'array': return r.count === null ? 0 : r.count * sizeOfType(r.target);
    default: return 0;
  }
}

function unsignedAt(bytes: Uint8Array, at: number, size: number): bigint {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]);
  return v;
}

const hex = (v: bigint, size: number) => `0x${v.toString(16).padStart(2 * size, '0')}`;

function charText(code: number): string {
  const named: Record<number, string> = { 0: '\\0', 9: '\\t', 10: '\\n', 13: '\\r', 39: "\\'", 92: '\\\\' };
  if (named[code] !== undefined) return `'${named[code]}'`;
  return code >= 32 && code < 127 ? `'${String.fromCharCode(code)}'` : `'\\x${code.toString(16).padStart(2, '0')}'`;
}

function isCharType(t: DebugType | null): boolean {
  const r = resolved(t);
  return r?.kind === 'base' && r.size === 1 && (r.encoding === DW_ATE_signed_char || r.encoding === DW_ATE_unsigned_char);
}

/** Printable text of a NUL-terminated string, or null if the bytes do not look like one. */
function stringText(bytes: Uint8Array): string | null {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0) return JSON.stringify(s);
    if (c === 10) { s += '\n'; continue; }
    if (c < 32 || c >= 127) return null;
    s += String.fromCharCode(c);
  }
  return `${JSON.stringify(s).slice(0, -1)}…"`;
}

/** The value of type `t` whose bytes start at `bytes[at]`; `depth` > 0 inside a struct or array. */
export function valueText(t: DebugType | null, bytes: Uint8Array, at: number, peek: Peek, depth = 0): string {
  const r = resolved(t);
  if (!r) return UNAVAILABLE;
  const size = sizeOfType(r);
  if (size > 0 && at + size > bytes.length) return UNAVAILABLE;
  switch (r.kind) {
    case 'base': {
      if (r.size < 1 || r.size > 8) return UNAVAILABLE;
      const u = unsignedAt(bytes, at, r.size);
      const signedValue = BigInt.asIntN(8 * r.size, u);
      switch (r.encoding) {
        case DW_ATE_boolean: return u === 0n ? 'false' : 'true';
        case DW_ATE_signed_char: return `${signedValue} ${charText(Number(u))}`;
        case DW_ATE_unsigned_char: return `${u} ${charText(Number(u))}`;
        case DW_ATE_signed: return signedValue.toString();
        case DW_ATE_unsigned: return `${u} (${hex(u, r.size)})`;
        default: return UNAVAILABLE; // floating point and the like: this hart has no FPU anyway
      }
    }
    case 'enum': {
      // The constant's name with its value, `RESET (1)`; a value no constant has, as the number gdb prints.
      const u = unsignedAt(bytes, at, r.size), signed = BigInt.asIntN(8 * r.size, u);
      // Compared as bits: gcc may write a negative constant in an unsigned form (data1 0xff for -1).
      const named = r.enumerators.find((e) => BigInt.asUintN(8 * r.size, BigInt(e.value)) === u);
      return named ? `${named.name} (${named.value})` : signed.toString();
    }
    case 'pointer': {
      const p = Number(unsignedAt(bytes, at, 4));
      if (p === 0) return 'NULL';
      const shown = hex(BigInt(p), 4);
      if (depth > 0 || !isCharType(r.target)) return shown;
      const text = peekString(p, peek);
      return text ? `${shown} ${text}` : shown;
    }
    case 'array': {
      if (r.count === null || r.count <= 0) return UNAVAILABLE;
      if (isCharType(r.target)) return stringText(bytes.subarray(at, at + Math.min(r.count, MAX_STRING))) ?? elements(r.target, r.count, bytes, at, peek, depth);
      return depth > 0 ? '{…}' : elements(r.target, r.count, bytes, at, peek, depth);
    }
    case 'struct': {
      if (depth > 0) return '{…}';
      const shown = r.members.slice(0, MAX_MEMBERS).map((m) => {
        const v = m.bitSize !== undefined ? '…' : valueText(m.type, bytes, at + m.offset, peek, depth + 1);
        return m.name ? `${m.name} = ${v}` : v;
      });
      return `{${shown.join(', ')}${r.members.length > MAX_MEMBERS ? ', …' : ''}}`;
    }
    default: return UNAVAILABLE;
  }
}

function elements(t: DebugType | null, count: number, bytes: Uint8Array, at: number, peek: Peek, depth: number): string {
  const step = sizeOfType(t);
  if (step <= 0) return UNAVAILABLE;
  const shown: string[] = [];
  for (let i = 0; i < Math.min(count, MAX_ELEMENTS); i++) shown.push(valueText(t, bytes, at + i * step, peek, depth + 1));
  return `{${shown.join(', ')}${count > MAX_ELEMENTS ? ', …' : ''}}`;
}

function peekString(addr: number, peek: Peek): string | null {
  const bytes = peek(addr, MAX_STRING);
  return bytes ? stringText(bytes) : null;
}
