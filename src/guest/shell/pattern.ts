// Shell pattern matching (XCU 2.13): `*`, `?`, bracket expressions with `!`
// or `^`, and backslash-escaped characters matching themselves. Used by
// `case`, `${x%pat}` and pathname expansion.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-/:-@\\[-`{-~', blank: ' \\t',
};

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** The regular expression source of a pattern (no anchors). */
export function patternSource(pat: string, greedy = true): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\' && i + 1 < pat.length) re += escapeRe(pat[++i]);
    else if (c === '*') re += greedy ? '[^]*' : '[^]*?';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const end = bracketEnd(pat, i);
      if (end < 0) { re += '\\['; continue; }
      re += bracketSource(pat.slice(i + 1, end));
      i = end;
    } else re += escapeRe(c);
  }
  return re;
}

function bracketEnd(pat: string, start: number): number {
  let i = start + 1;
  if (pat[i] === '!' || pat[i] === '^') i++;
  if (pat[i] === ']') i++;
  for (; i < pat.length; i++) {
    if (pat[i] === '[' && pat[i + 1] === ':') {
      const close = pat.indexOf(':]', i + 2);
      if (close > 0) { i = close + 1; continue; }
    }
    if (pat[i] === ']') return i;
  }
  return -1;
}

function bracketSource(body: string): string {
  let negate = false;
  if (body[0] === '!' || body[0] === '^') { negate = true; body = body.slice(1); }
  let set = '';
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('[:', i)) {
      const close = body.indexOf(':]', i + 2);
      set += CLASSES[body.slice(i + 2, close)] ?? '';
      i = close + 1;
    } else if (body[i] === '\\' && i + 1 < body.length) set += `\\${body[++i]}`;
    else if (body[i] === '-' && i > 0 && i + 1 < body.length) set += '-';
    else set += /[\\\]^-]/.test(body[i]) ? `\\${body[i]}` : body[i];
  }
  return `[${negate ? '^' : ''}${set}]`;
}

export function matchPattern(pat: string, text: string): boolean {
  return new RegExp(`^${patternSource(pat)}$`).test(text);
}

/** Whether a pattern has an unescaped `*`, `?` or `[`. */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === '\\') i++;
    else if (pat[i] === '*' || pat[i] === '?' || pat[i] === '[') return true;
  }
  return false;
}

/** The pattern with its escapes removed (the literal text it stands for). */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\([^])/g, '$1');
}

/** ${v%pat} (suffix) and ${v#pat} (prefix), shortest or longest. */
export function removeAffix(value: string, pat: string, suffix: boolean, longest: boolean): string {
  const re = new RegExp(`^${patternSource(pat)}$`);
  if (suffix) {
    for (let k = 0; k <= value.length; k++) {
      const i = longest ? k : value.length - k;
      if (re.test(value.slice(i))) return value.slice(0, i);
    }
  } else {
    for (let k = 0; k <= value.length; k++) {
      const i = longest ? value.length - k : k;
      if (re.test(value.slice(0, i))) return value.slice(i);
    }
  }
  return value;
}
