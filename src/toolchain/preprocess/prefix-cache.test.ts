// The reused run of a file's #include prefix: a rebuild gives exactly the tokens and
// diagnostics a fresh preprocessor gives, and a change to a header, a -D or the prefix
// itself is seen at once.
import { describe, it, expect } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import type { Token } from './token.ts';
import { convertTokens } from './convert.ts';
import { Preprocessor, type PreprocessOptions } from './directives.ts';
import { preprocessCached, prefixEnd } from './prefix-cache.ts';
import { lex } from './tokenize.ts';

function tree(files: Record<string, string>, defines: Record<string, string> = {}): PreprocessOptions {
  return { includeDirs: ['/inc'], defines, readFile: (p) => files[p] };
}

const show = (toks: Token[]): string => toks.map((t) => `${t.text}@${t.loc.file}:${t.loc.line}`).join(' ');
const showDiags = (d: Diagnostic[]): string[] => d.map((x) => `${x.loc.file}:${x.loc.line}: ${x.severity}: ${x.message}`);

/** What a preprocessor with no cache makes of it. */
function fresh(file: string, text: string, opts: PreprocessOptions): { toks: string; diags: string[] } {
  const diags: Diagnostic[] = [];
  const toks = convertTokens(new Preprocessor(opts, diags).run(file, text), diags);
  return { toks: show(toks), diags: showDiags(diags) };
}

function cached(file: string, text: string, opts: PreprocessOptions): { toks: string; diags: string[] } {
  const diags: Diagnostic[] = [];
  const toks = preprocessCached(file, text, opts, diags);
  expect(toks[toks.length - 1].kind).toBe('eof');
  return { toks: show(toks.slice(0, -1)), diags: showDiags(diags) };
}

const HEADERS = {
  '/inc/linux/a.h': '#ifndef A_H\n#define A_H\n#define TWICE(x) ((x) * 2)\nstatic int a_id = __COUNTER__;\n#warning "a.h is old"\n#endif\n',
  '/inc/linux/b.h': '#include <linux/a.h>\n#define B_VALUE TWICE(21)\nint b(void);\n',
};
const DRIVER = '/* driver */\n#define pr_fmt(fmt) "drv: " fmt\n#include <linux/a.h>\n#include <linux/b.h>\nint v = B_VALUE + __COUNTER__;\nconst char *f = __FILE__;\n';

describe('the #include prefix of a file, preprocessed once', () => {
  it('ends after the opening #include/#define lines, and only when they include something', () => {
    const toks = (s: string): ReturnType<typeof lex> => lex('t.c', s, []);
    const main = toks(DRIVER);
    expect(main[prefixEnd(main)].text).toBe('int');
    expect(prefixEnd(toks('#define X 1\nint x = X;\n'))).toBe(0);
    expect(prefixEnd(toks('#ifdef X\n#include <a.h>\n#endif\n'))).toBe(0);
  });

  it('gives the tokens and diagnostics of a fresh run, on the first build and on a rebuild', () => {
    const opts = tree(HEADERS);
    const want = fresh('/src/drv.c', DRIVER, opts);
    expect(want.diags).toEqual(['/inc/linux/a.h:5: warning: #warning "a.h is old"']);
    expect(cached('/src/drv.c', DRIVER, opts)).toEqual(want);
    expect(cached('/src/drv.c', DRIVER, opts)).toEqual(want);
    const edited = `${DRIVER}int w = TWICE(v) + __COUNTER__;\n`;
    expect(cached('/src/drv.c', edited, opts)).toEqual(fresh('/src/drv.c', edited, opts));
  });

  it('sees a changed header, a new header earlier in the search path and another -D', () => {
    const files: Record<string, string> = { ...HEADERS };
    const opts = tree(files);
    cached('/src/drv2.c', DRIVER, opts);
    files['/inc/linux/b.h'] = '#include <linux/a.h>\n#define B_VALUE TWICE(5)\n';
    expect(cached('/src/drv2.c', DRIVER, opts)).toEqual(fresh('/src/drv2.c', DRIVER, opts));
    expect(cached('/src/drv2.c', DRIVER, opts).toks).toContain('5@');
    const nearer = { ...files, '/src/linux/b.h': '#define B_VALUE 77\n' };
    const quoted = DRIVER.replace('<linux/b.h>', '"linux/b.h"');
    cached('/src/drv2.c', quoted, tree(files));
    expect(cached('/src/drv2.c', quoted, tree(nearer)).toks).toContain('77@');
    const withDefine = tree(files, { B_EXTRA: '1' });
    expect(cached('/src/drv2.c', DRIVER, withDefine)).toEqual(fresh('/src/drv2.c', DRIVER, withDefine));
  });
});
