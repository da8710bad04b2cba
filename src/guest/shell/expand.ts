// Word expansion (XCU 2.6): tilde, parameters, command substitution and
// arithmetic, then field splitting on $IFS, pathname expansion and quote
// removal. A word is its source text; expansion walks it once, keeping
// for each field the text and the pattern (quoted characters escaped).
import { ArithError, evaluateArith } from './arith.ts';
import { hasGlob, removeAffix } from './pattern.ts';

export interface ExpandHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** $0..$9, $#, $?, $$, $!, $-, $@ and $* as one string. */
  special(name: string): string | undefined;
  positional(): string[];
  commandSubstitution(src: string): Promise<string>;
  glob(pattern: string): string[];
  /** `set -u`: an unset variable is an error. */
  nounset: boolean;
}

/** An expansion error (`${x?msg}`, bad substitution): the command fails with status 2. */
export class ExpansionError extends Error {}

interface Field { text: string; pat: string; glob: boolean; started: boolean }

class Fields {
  readonly done: Field[] = [];
  cur: Field = { text: '', pat: '', glob: false, started: false };

  add(s: string, quoted: boolean): void {
    if (!s && !quoted) return;
    this.cur.started = true;
    this.cur.text += s;
    if (quoted) this.cur.pat += s.replace(/[\\*?[\]]/g, '\\$&');
    else {
      this.cur.pat += s;
      if (/[*?[]/.test(s)) this.cur.glob = true;
    }
  }

  /** An unquoted expansion's result, split on IFS. */
  addSplit(s: string, ifs: string): void {
    for (const c of s) {
      if (!ifs.includes(c)) { this.add(c, c === '\\'); continue; }
      if (/\s/.test(c)) { if (this.cur.started) this.end(); }
      else { this.cur.started = true; this.end(); }
    }
  }

  end(): void {
    if (this.cur.started) this.done.push(this.cur);
    this.cur = { text: '', pat: '', glob: false, started: false };
  }
}

type Mode = 'fields' | 'string' | 'pattern' | 'heredoc';

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** A command's words to fields: split and pathname-expanded. */
  async words(words: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) out.push(...(await this.fields(w)));
    return out;
  }

  async fields(word: string): Promise<string[]> {
    const f = new Fields();
    await this.walk(word, f, false, 'fields');
    f.end();
    const out: string[] = [];
    for (const field of f.done) {
      const matches = field.glob && hasGlob(field.pat) ? this.host.glob(field.pat) : [];
      if (matches.length) out.push(...matches);
      else out.push(field.text);
    }
    return out;
  }

  /** One string, not split (assignments, redirection targets, case words). */
  async string(word: string): Promise<string> {
    const f = new Fields();
    await this.walk(word, f, false, 'string');
    return f.cur.text;
  }

  /** A pattern (case, ${x%pat}): quoted characters escaped. */
  async pattern(word: string): Promise<string> {
    const f = new Fields();
    await this.walk(word, f, false, 'pattern');
    return f.cur.pat;
  }

  /** A here-document's body: expansions, and backslash only before $ ` \ newline. */
  async heredoc(body: string): Promise<string> {
    const f = new Fields();
    await this.walk(body, f, true, 'heredoc');
    return f.cur.text;
  }

  private ifs(): string {
    return this.host.getVar('IFS') ?? ' \t\n';
  }

  private async walk(src: string, f: Fields, quoted: boolean, mode: Mode): Promise<void> {
    let i = 0;
    if (!quoted && src[0] === '~' && mode !== 'heredoc') {
      const m = /^~(?=\/|$)/.exec(src);
      if (m) { f.add(this.host.getVar('HOME') ?? '/', true); i = 1; }
    }
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') {
        const n = src[i + 1] ?? '';
        if (!quoted) { f.add(n, true); i += 2; continue; }
        if ('$`\\\n'.includes(n) || (n === '"' && mode !== 'heredoc')) { if (n !== '\n') f.add(n, true); i += 2; continue; }
        f.add('\\', true); i++; continue;
      }
      if (c === "'" && !quoted) {
        const end = src.indexOf("'", i + 1);
        f.add(src.slice(i + 1, end), true);
        i = end + 1;
        continue;
      }
      if (c === '"' && mode !== 'heredoc') {
        if (quoted) { i++; continue; }
        const end = matchingQuote(src, i);
        f.cur.started = true;
        await this.walk(src.slice(i + 1, end), f, true, mode);
        i = end + 1;
        continue;
      }
      if (c === '`') {
        const end = backquoteEnd(src, i);
        const inner = src.slice(i + 1, end).replace(/\\([$`\\])/g, '$1');
        this.emit(f, await this.host.commandSubstitution(inner), quoted, mode);
        i = end + 1;
        continue;
      }
      if (c === '$') { i = await this.dollar(src, i, f, quoted, mode); continue; }
      f.add(c, quoted);
      i++;
    }
  }

  private emit(f: Fields, value: string, quoted: boolean, mode: Mode): void {
    if (quoted || mode !== 'fields') f.add(value, quoted || mode !== 'pattern');
    else f.addSplit(value, this.ifs());
  }

  private async dollar(src: string, i: number, f: Fields, quoted: boolean, mode: Mode): Promise<number> {
    const next = src[i + 1];
    if (src.startsWith('$((', i)) {
      const end = parenEnd(src, i + 1);
      if (src[end - 1] === ')') {
        const expr = await this.string(src.slice(i + 3, end - 1));
        this.emit(f, this.arith(expr), quoted, mode);
        return end + 1;
      }
    }
    if (next === '(') {
      const end = parenEnd(src, i + 1);
      this.emit(f, await this.host.commandSubstitution(src.slice(i + 2, end)), quoted, mode);
      return end + 1;
    }
    if (next === '{') {
      const end = braceEnd(src, i + 1);
      await this.braced(src.slice(i + 2, end), f, quoted, mode);
      return end + 1;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(src.slice(i + 1));
    if (!m) { f.add('$', quoted); return i + 1; }
    this.param(m[1], f, quoted, mode);
    return i + 1 + m[1].length;
  }

  private arith(expr: string): string {
    try {
      return evaluateArith(expr, { get: (n) => this.host.getVar(n), set: (n, v) => this.host.setVar(n, v) }).toString();
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message);
      throw e;
    }
  }

  private lookup(name: string): string | undefined {
    if (/^[A-Za-z_]/.test(name)) return this.host.getVar(name);
    return this.host.special(name);
  }

  private param(name: string, f: Fields, quoted: boolean, mode: Mode): void {
    if (name === '@' || name === '*') { this.positionals(name, f, quoted, mode); return; }
    const v = this.lookup(name);
    if (v === undefined && this.host.nounset && /^[A-Za-z_]/.test(name)) throw new ExpansionError(`${name}: parameter not set`);
    this.emit(f, v ?? '', quoted, mode);
  }

  private positionals(name: string, f: Fields, quoted: boolean, mode: Mode): void {
    const args = this.host.positional();
    if (quoted && name === '@' && mode === 'fields') {
      args.forEach((a, k) => { if (k > 0) { f.cur.started = true; f.end(); } f.add(a, true); });
      if (args.length === 0 && !f.cur.text) f.cur.started = false;
      return;
    }
    if (!quoted && mode === 'fields') {
      args.forEach((a, k) => { if (k > 0 && f.cur.started) f.end(); f.addSplit(a, this.ifs()); });
      return;
    }
    const sep = name === '*' ? (this.ifs()[0] ?? '') : ' ';
    this.emit(f, args.join(sep), quoted, mode);
  }

  private async braced(body: string, f: Fields, quoted: boolean, mode: Mode): Promise<void> {
    if (body.startsWith('#') && body.length > 1) {
      const v = this.lookup(body.slice(1));
      this.emit(f, String((v ?? '').length), quoted, mode);
      return;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(.*)$/s.exec(body);
    if (!m) throw new ExpansionError(`\${${body}}: bad substitution`);
    const [, name, rest] = m;
    if (!rest) { this.param(name, f, quoted, mode); return; }
    const op = /^(:?[-=?+]|%%|##|%|#)/.exec(rest);
    if (!op) throw new ExpansionError(`\${${body}}: bad substitution`);
    const arg = rest.slice(op[1].length);
    const value = name === '@' || name === '*' ? (this.host.positional().length ? this.host.positional().join(' ') : undefined) : this.lookup(name);
    const unsetOrNull = value === undefined || (op[1].startsWith(':') && value === '');
    switch (op[1].replace(':', '')) {
      case '-': if (unsetOrNull) await this.walk(arg, f, quoted, mode); else this.param(name, f, quoted, mode); return;
      case '+': if (!unsetOrNull) await this.walk(arg, f, quoted, mode); return;
      case '=':
        if (unsetOrNull) { const v = await this.string(arg); this.host.setVar(name, v); this.emit(f, v, quoted, mode); }
        else this.param(name, f, quoted, mode);
        return;
      case '?':
        if (unsetOrNull) throw new ExpansionError(`${name}: ${arg ? await this.string(arg) : 'parameter not set'}`);
        this.param(name, f, quoted, mode);
        return;
      default: {
        const pat = await this.pattern(arg);
        const suffix = op[1][0] === '%';
        this.emit(f, removeAffix(value ?? '', pat, suffix, op[1].length === 2), quoted, mode);
      }
    }
  }
}

function matchingQuote(src: string, i: number): number {
  for (let k = i + 1; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '"') return k;
    else if (c === '`') k = backquoteEnd(src, k);
    else if (c === '$' && src[k + 1] === '(') k = parenEnd(src, k + 1);
    else if (c === '$' && src[k + 1] === '{') k = braceEnd(src, k + 1);
  }
  return src.length;
}

function backquoteEnd(src: string, i: number): number {
  for (let k = i + 1; k < src.length; k++) {
    if (src[k] === '\\') k++;
    else if (src[k] === '`') return k;
  }
  return src.length;
}

/** The index of the `)` matching the `(` at i. */
function parenEnd(src: string, i: number): number {
  let depth = 0;
  for (let k = i; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === "'") k = src.indexOf("'", k + 1);
    else if (c === '"') k = matchingQuote(src, k);
    else if (c === '`') k = backquoteEnd(src, k);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
    if (k < 0) break;
  }
  return src.length;
}

function braceEnd(src: string, i: number): number {
  for (let k = i + 1; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === "'") k = src.indexOf("'", k + 1);
    else if (c === '"') k = matchingQuote(src, k);
    else if (c === '$' && src[k + 1] === '{') k = braceEnd(src, k + 1);
    else if (c === '$' && src[k + 1] === '(') k = parenEnd(src, k + 1);
    else if (c === '}') return k;
    if (k < 0) break;
  }
  return src.length;
}

