// Every text colour of the page against the surfaces it sits on, by WCAG's
// formula: at least 4.5:1, so the playground reads on a washed-out lecture
// hall projector too. The colours are read from the style sheets themselves
// (the theme's custom properties and every pane's CSS), so a new pane or a
// changed colour is checked without anyone listing it here.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TERMINAL_THEME } from '../guest-pane/terminal-theme.ts';
import { AA_TEXT, contrastRatio, over, parseColor, type Rgba } from './wcag.ts';

const UI = join(import.meta.dirname, '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : []);
}

/** The custom properties of the theme's :root. */
function themeProperties(): Map<string, string> {
  const css = readFileSync(join(UI, 'theme.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const root = /:root\s*\{([^}]*)\}/.exec(css)![1];
  return new Map([...root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const theme = themeProperties();

function resolve(value: string): Rgba | null {
  const v = /^var\((--[\w-]+)\)$/.exec(value.trim());
  return parseColor(v ? theme.get(v[1]) ?? '' : value);
}

const token = (name: string) => resolve(`var(${name})`)!;

/** The surfaces text is drawn on: the page, a pane, a button, a hovered one, a selected row. */
const SURFACES = ['--bg', '--panel', '--surface-raised', '--surface-hover', '--surface-selected'];
const TEXT_TOKENS = ['--text', '--text-dim', '--text-faint', '--accent', '--changed', '--reg-name', '--csr-name'];

interface Rule { file: string; selector: string; color?: string; background?: string }

/** Each rule's own colour and background (nested @media rules included: their inner rules match too). */
function rules(): Rule[] {
  return cssFiles(UI).flatMap((file) => {
    const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => {
      const decls = new Map([...m[2].matchAll(/([\w-]+)\s*:\s*([^;]+)/g)].map((d) => [d[1], d[2].trim()]));
      return { file: file.slice(UI.length + 1), selector: m[1].trim(), color: decls.get('color'), background: decls.get('background') ?? decls.get('background-color') };
    });
  }).filter((r) => !r.selector.startsWith(':root') && !r.selector.includes('::backdrop'));
}

function ratio(fg: Rgba, bg: Rgba): number {
  const base = bg.a < 1 ? over(bg, token('--panel')) : bg;
  return Math.round(contrastRatio(fg.a < 1 ? over(fg, base) : fg, base) * 100) / 100;
}

describe('text contrast (WCAG AA, 4.5:1)', () => {
  it('every text colour of the theme on every surface', () => {
    const failures: string[] = [];
    for (const text of TEXT_TOKENS) {
      for (const surface of SURFACES) {
        const r = ratio(token(text), token(surface));
        if (r < AA_TEXT) failures.push(`${text} on ${surface}: ${r}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('every pane\'s own text colours, on their own background or on every surface', () => {
    const failures: string[] = [];
    const checked = rules();
    for (const rule of checked) {
      const fg = rule.color ? resolve(rule.color) : null;
      const bg = rule.background ? resolve(rule.background) : null;
      if (bg) {
        const text = fg ?? token('--text');
        const r = ratio(text, bg);
        if (r < AA_TEXT) failures.push(`${rule.file} ${rule.selector}: ${r}:1`);
      } else if (fg) {
        for (const surface of SURFACES) {
          const r = ratio(fg, token(surface));
          if (r < AA_TEXT) failures.push(`${rule.file} ${rule.selector} on ${surface}: ${r}:1`);
        }
      }
    }
    expect(checked.length, 'the style sheets were found and read').toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('the terminal\'s text and colours on its background', () => {
    const bg = parseColor(TERMINAL_THEME.background!)!;
    const colours = { foreground: TERMINAL_THEME.foreground, red: TERMINAL_THEME.red, green: TERMINAL_THEME.green, yellow: TERMINAL_THEME.yellow,
      blue: TERMINAL_THEME.blue, magenta: TERMINAL_THEME.magenta, cyan: TERMINAL_THEME.cyan, white: TERMINAL_THEME.white };
    const failures = Object.entries(colours).filter(([, c]) => ratio(parseColor(c!)!, bg) < AA_TEXT).map(([name, c]) => `${name} ${c}`);
    expect(failures).toEqual([]);
  });

  it('the formula gives WCAG\'s known values', () => {
    expect(ratio(parseColor('#000')!, parseColor('#fff')!)).toBe(21);
    expect(ratio(parseColor('#777777')!, parseColor('#ffffff')!)).toBe(4.48); // the classic "just fails AA" grey
    expect(ratio(parseColor('#5c6576')!, parseColor('#161a22')!)).toBe(2.97); // the old faint text on a pane
  });
});
