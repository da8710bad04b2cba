// gcc's -Wformat for printk/printf-like calls: a conversion whose argument has the
// wrong size (%d given a u64 shifts every later vararg on RV32) or kind (%s given a
// number), and too few or too many arguments for the format string.

import type { Expr, Obj } from './ast.ts';
import type { Parser } from './parse-state.ts';
import { isInteger, typeName, type Type } from './types.ts';
import { charCodesToString } from '../big-arrays.ts';
import { nameTable } from '../name-table.ts';

/** Functions known to take a printf format even without __attribute__((format)). */
const KNOWN: Record<string, number> = nameTable({ printk: 1, printf: 1, sprintf: 2, snprintf: 3, scnprintf: 3, seq_printf: 2, _printk: 1 });

export function printfFormatIndex(fn: Obj): number | undefined {
  return fn.printfFormat ?? (Object.hasOwn(KNOWN, fn.name) ? KNOWN[fn.name] : undefined);
}

function formatBytes(e: Expr): Uint8Array | undefined {
  let x = e;
  while (x.kind === 'cast') x = x.operand;
  if (x.kind === 'addr') x = x.operand;
  if (x.kind === 'var' && x.obj.name === '.str' && x.obj.data) return x.obj.data;
  return undefined;
}

type Want = 'int' | 'long long' | 'string' | 'pointer' | 'none';

interface Conversion { spec: string; want: Want }

function conversions(fmt: string): Conversion[] {
  const out: Conversion[] = [];
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z|t|j)?([a-zA-Z%])/g;
  for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
    const [spec, , width, prec, len, conv] = m;
    if (width === '*') out.push({ spec: '*', want: 'int' });
    if (prec === '*') out.push({ spec: '.*', want: 'int' });
    if (conv === '%') continue;
    if (conv === 's') out.push({ spec, want: 'string' });
    else if (conv === 'p') {
      out.push({ spec, want: 'pointer' });
      // %pX kernel extensions (%pI4, %pOF, ...) consume alphanumerics after 'p'
      while (re.lastIndex < fmt.length && /[a-zA-Z0-9]/.test(fmt[re.lastIndex])) re.lastIndex++;
    } else if ('diouxXc'.includes(conv)) out.push({ spec, want: len === 'll' || len === 'j' ? 'long long' : 'int' });
    else out.push({ spec, want: 'none' });
  }
  return out;
}

function mismatch(want: Want, t: Type): string | undefined {
  const isPtr = t.kind === 'ptr' || t.kind === 'array' || t.kind === 'func';
  const size = t.kind === 'int' ? t.size : 4;
  if (want === 'int' && (isPtr || (isInteger(t) && size === 8))) return 'a 32-bit integer';
  if (want === 'long long' && !(isInteger(t) && size === 8)) return 'a 64-bit integer (long long / u64)';
  if (want === 'string' && !isPtr) return 'a string (char *)';
  if (want === 'pointer' && !isPtr) return 'a pointer';
  if (t.kind === 'struct') return 'a number or a pointer';
  return undefined;
}

export function checkFormat(p: Parser, fn: Obj, args: Expr[]): void {
  const idx = printfFormatIndex(fn);
  if (idx === undefined || idx < 1 || idx > args.length) return;
  const bytes = formatBytes(args[idx - 1]);
  if (!bytes) return;
  const fmt = charCodesToString(bytes.subarray(0, bytes.length - 1));
  const convs = conversions(fmt);
  // format(printf, idx, first): the checked arguments start at `first` (0: a va_list, unchecked).
  const first = fn.printfFirst ?? idx + 1;
  if (first === 0) return;
  const rest = args.slice(first - 1);
  convs.forEach((c, i) => {
    const a = rest[i];
    if (!a) return;
    const why = c.want === 'none' ? undefined : mismatch(c.want, a.ty);
    if (why) {
      const hint = c.want === 'int' && isInteger(a.ty) ? ` (use %ll${c.spec.slice(-1)} for a 64-bit value)` : '';
      p.warn(a.loc, a.length, `format '${c.spec}' expects ${why}, but argument ${first + i} has type '${typeName(a.ty)}'${hint}`);
    }
  });
  const fmtArg = args[idx - 1];
  if (rest.length < convs.length) p.warn(fmtArg.loc, fmtArg.length, `too few arguments for format: it has ${convs.length} conversions but ${rest.length} arguments follow`);
  else if (rest.length > convs.length) p.warn(rest[convs.length].loc, rest[convs.length].length, `too many arguments for format: it has ${convs.length} conversions but ${rest.length} arguments follow`);
}
