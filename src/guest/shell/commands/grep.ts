// grep: basic (BRE) or extended (-E) regular expressions, or fixed strings
// (-F), with -q -c -v -i -n -l -h -H -s -w -x -e. Exit status 0 when a line
// was selected, 1 when none, 2 on an error, as POSIX says.
import { fail, forEachInput, lines, out, parseFlags, type CommandContext } from './context.ts';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-/:-@\\[-`{-~', blank: ' \\t',
};

/** A POSIX bracket expression from `i` (at `[`): its JS source and where it ends. */
function bracket(p: string, i: number): [string, number] {
  let k = i + 1;
  let src = '[';
  if (p[k] === '^') { src += '^'; k++; }
  if (p[k] === ']') { src += '\\]'; k++; }
  for (; k < p.length && p[k] !== ']'; k++) {
    if (p.startsWith('[:', k)) {
      const close = p.indexOf(':]', k);
      src += CLASSES[p.slice(k + 2, close)] ?? '';
      k = close + 1;
    } else src += p[k] === '\\' || p[k] === '[' ? `\\${p[k]}` : p[k];
  }
  return [`${src}]`, k];
}

/** A POSIX regular expression (basic, or extended with `ere`) as JavaScript regex source. */
export function posixRegex(p: string, ere: boolean): string {
  let src = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '[') { const [b, end] = bracket(p, i); src += b; i = end; continue; }
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      if (!ere && '(){}|+?'.includes(n)) src += n;
      else src += /[A-Za-z0-9]/.test(n) && !'wWsSbB'.includes(n) ? n : `\\${n}`;
      continue;
    }
    if (!ere && '(){}|+?'.includes(c)) { src += `\\${c}`; continue; }
    if (c === '*' && (src === '' || src === '^' || (!ere && /\\\($/.test(p.slice(0, i))))) { src += '\\*'; continue; }
    if (c === '/') { src += '\\/'; continue; }
    src += c;
  }
  return src;
}

export async function grep(ctx: CommandContext): Promise<number> {
  const patterns: string[] = [];
  const args: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    if (ctx.args[i] === '-e') patterns.push(ctx.args[++i] ?? '');
    else args.push(ctx.args[i]);
  }
  const p = parseFlags(args, 'qcvinlhHsEFwxr');
  if (p.bad) return fail(ctx, p.bad, 2);
  const f = p.flags;
  const rest = [...p.rest];
  if (!patterns.length) {
    if (!rest.length) return fail(ctx, 'usage: grep [-qcvinlhHsEFwx] PATTERN [FILE]...', 2);
    patterns.push(...rest.shift()!.split('\n'));
  }
  const sources = patterns.map((pat) => (f.has('F') ? pat.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : posixRegex(pat, f.has('E'))));
  let body = sources.map((s) => `(?:${s})`).join('|');
  if (f.has('w')) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
  if (f.has('x')) body = `^(?:${body})$`;
  let re: RegExp;
  try {
    re = new RegExp(body, f.has('i') ? 'i' : '');
  } catch {
    return fail(ctx, `bad regex '${patterns.join('\n')}'`, 2);
  }
  const named = (rest.length > 1 || f.has('H')) && !f.has('h');
  let selectedAny = false;
  const status = await forEachInput(ctx, rest, async (reader, name) => {
    const label = name === '-' ? '(standard input)' : name;
    let count = 0;
    let n = 0;
    for await (const line of lines(reader, ctx.signal)) {
      n++;
      const text = line.replace(/\n$/, '');
      if (re.test(text) === f.has('v')) continue;
      count++;
      selectedAny = true;
      if (f.has('q')) return;
      if (f.has('l')) break;
      if (!f.has('c')) await out(ctx, `${named ? `${label}:` : ''}${f.has('n') ? `${n}:` : ''}${text}\n`);
    }
    if (f.has('c')) await out(ctx, `${named ? `${label}:` : ''}${count}\n`);
    if (f.has('l') && count) await out(ctx, `${label}\n`);
  });
  if (f.has('q') && selectedAny) return 0;
  if (status && !(f.has('s') && selectedAny)) return 2;
  return selectedAny ? 0 : 1;
}
