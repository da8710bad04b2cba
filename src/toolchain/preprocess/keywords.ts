// The words the preprocessor hands to the parser as kind 'keyword' (C99 6.4.1,
// the C11 words gcc accepts in gnu99 mode, and the GNU alternate spellings of gcc's
// "Alternate Keywords" and "Other Builtins" that take a type operand).
//
// Agreement with the parser: a token whose text is in KEYWORDS has kind 'keyword';
// every other name has kind 'ident'. Builtins that take only expressions
// (__builtin_expect, __builtin_constant_p, __builtin_va_start, __builtin_va_end,
// __builtin_va_copy, __builtin_unreachable, __builtin_trap, ...) stay identifiers
// and are recognised by name, like calls. Builtins that take a TYPE operand are
// keywords: __builtin_va_arg, __builtin_offsetof, __builtin_types_compatible_p, and
// the type name __builtin_va_list. Use canonicalKeyword() to fold the GNU spellings
// (`__inline__` → `inline`, `__asm__` → `asm`, `__alignof__` → `_Alignof`, ...).

import { nameTable } from '../name-table.ts';
const C99 = [
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else',
  'enum', 'extern', 'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register',
  'restrict', 'return', 'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef',
  'union', 'unsigned', 'void', 'volatile', 'while', '_Bool', '_Complex', '_Imaginary',
];

/** C11 keywords that gcc also accepts in its default gnu dialects. */
const C11 = ['_Alignas', '_Alignof', '_Atomic', '_Generic', '_Noreturn', '_Static_assert', '_Thread_local'];

/** GNU spelling → the keyword it means. */
const GNU_ALIASES: Record<string, string> = nameTable({
  typeof: 'typeof',
  __typeof__: 'typeof',
  __typeof: 'typeof',
  asm: 'asm',
  __asm__: 'asm',
  __asm: 'asm',
  __attribute__: '__attribute__',
  __attribute: '__attribute__',
  __volatile__: 'volatile',
  __volatile: 'volatile',
  __inline__: 'inline',
  __inline: 'inline',
  __restrict__: 'restrict',
  __restrict: 'restrict',
  __signed__: 'signed',
  __signed: 'signed',
  __const__: 'const',
  __const: 'const',
  __alignof__: '_Alignof',
  __alignof: '_Alignof',
  __extension__: '__extension__',
  __label__: '__label__',
  __auto_type: '__auto_type',
  __thread: '_Thread_local',
  __builtin_va_arg: '__builtin_va_arg',
  __builtin_va_list: '__builtin_va_list',
  __builtin_offsetof: '__builtin_offsetof',
  __builtin_types_compatible_p: '__builtin_types_compatible_p',
});

export const KEYWORDS: ReadonlySet<string> = new Set([...C99, ...C11, ...Object.keys(GNU_ALIASES)]);

/** The standard spelling of a keyword ('__inline__' → 'inline'); other words unchanged. */
export function canonicalKeyword(text: string): string {
  return Object.hasOwn(GNU_ALIASES, text) ? GNU_ALIASES[text] : text;
}
