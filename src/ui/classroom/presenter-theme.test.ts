// The presenter view's colours, read from its style sheet: every text colour
// on every surface at 7:1 or more (WCAG AAA), for a projector in a lit room,
// and every colour of the page's theme given a presenter value, so no pane
// keeps a dim grey of the everyday theme.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor } from '../contrast/wcag.ts';

const AAA_TEXT = 7;

function properties(file: string, selector: RegExp): Map<string, string> {
  const css = readFileSync(join(import.meta.dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const block = new RegExp(`${selector.source}\\s*\\{([^}]*)\\}`).exec(css)![1];
  return new Map([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const presenter = properties('presenter.css', /html\.presenter-view/);
const everyday = properties('../theme.css', /:root/);
const SURFACES = ['--bg', '--panel', '--surface-raised', '--surface-hover', '--surface-selected'];
const TEXT = ['--text', '--text-dim', '--text-faint', '--accent', '--changed', '--reg-name', '--csr-name', '--focus'];

describe('the presenter theme', () => {
  it('gives every text colour 7:1 on every surface', () => {
    const failures: string[] = [];
    for (const text of TEXT) {
      for (const surface of SURFACES) {
        const r = contrastRatio(parseColor(presenter.get(text)!)!, parseColor(presenter.get(surface)!)!);
        if (r < AAA_TEXT) failures.push(`${text} on ${surface}: ${r.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('has a value for every colour of the everyday theme', () => {
    const colours = [...everyday].filter(([, v]) => parseColor(v) !== null).map(([k]) => k);
    expect(colours.length).toBeGreaterThan(10);
    expect(colours.filter((k) => !presenter.has(k))).toEqual([]);
  });

  it('is brighter than the everyday theme where it matters: body text on a pane', () => {
    const ratio = (m: Map<string, string>) => contrastRatio(parseColor(m.get('--text-faint')!)!, parseColor(m.get('--panel')!)!);
    expect(ratio(presenter)).toBeGreaterThan(ratio(everyday));
  });
});
