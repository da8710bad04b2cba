import { describe, expect, it } from 'vitest';
import { TIMEOUT_TRACE } from './export-fixture.ts';
import { toVcd } from './vcd.ts';

interface Parsed {
  timescale: string;
  vars: Map<string, { name: string; width: number; scope: string }>;
  /** Full name ("irq.stopwatch_timeout") → [time, value] changes. */
  waves: Map<string, [number, string][]>;
}

/** A strict little VCD reader (IEEE 1364 §18.2): it throws on anything malformed. */
function parseVcd(text: string): Parsed {
  const [head, body] = text.split('$enddefinitions $end');
  if (body === undefined) throw new Error('no $enddefinitions');
  const timescale = /\$timescale\s+(\S+)\s+\$end/.exec(head)?.[1] ?? '';
  const vars = new Map<string, { name: string; width: number; scope: string }>();
  const scopes: string[] = [];
  for (const m of head.matchAll(/\$(scope|upscope|var)\s+([^$]*)\$end/g)) {
    const f = m[2].trim().split(/\s+/);
    if (m[1] === 'scope') scopes.push(f[1]);
    else if (m[1] === 'upscope') scopes.pop();
    else {
      if (!['wire', 'reg', 'integer'].includes(f[0])) throw new Error(`bad var type ${f[0]}`);
      if (vars.has(f[2])) throw new Error(`duplicate id ${f[2]}`);
      if (!/^[!-~]+$/.test(f[2])) throw new Error(`bad id ${f[2]}`);
      vars.set(f[2], { width: Number(f[1]), name: f[3], scope: scopes.at(-1)! });
    }
  }
  if (scopes.length) throw new Error('unbalanced $scope');
  const waves = new Map<string, [number, string][]>();
  let time = -1;
  for (const tok of body.trim().split(/\n/)) {
    if (tok === '$dumpvars' || tok === '$end') continue;
    if (tok.startsWith('#')) {
      const t = Number(tok.slice(1));
      if (!(t >= time)) throw new Error(`time goes back: ${tok}`);
      time = t;
      continue;
    }
    const m = /^([01xz])(\S+)$/.exec(tok) ?? /^b([01xz]+) (\S+)$/.exec(tok);
    if (!m || !vars.has(m[2])) throw new Error(`bad value change '${tok}'`);
    const v = vars.get(m[2])!;
    if (tok.startsWith('b') && m[1].length > v.width) throw new Error(`value wider than ${v.name}`);
    const key = `${v.scope}.${v.name}`;
    waves.set(key, [...(waves.get(key) ?? []), [time, m[1]]]);
  }
  return { timescale, vars, waves };
}

describe('toVcd', () => {
  const vcd = parseVcd(toVcd(TIMEOUT_TRACE));

  it('has a well-formed header with a 1 ns timescale', () => {
    expect(vcd.timescale).toBe('1ns');
    expect(toVcd(TIMEOUT_TRACE)).toMatch(/^\$version .* \$end\n\$timescale 1ns \$end\n\$scope module board \$end\n/);
  });

  it('traces the timeout IRQ line high from its expiry to the ACK', () => {
    expect(vcd.waves.get('irq.stopwatch_timeout')).toEqual([[0, '0'], [2_000_005_200, '1'], [2_000_010_600, '0']]);
  });

  it('shows the PLIC claim, the pending bit and the stopwatch registers', () => {
    expect(vcd.waves.get('plic.claim')).toEqual([[0, 'x'], [2_000_005_400, '1000000'], [2_000_015_700, '0']]);
    expect(vcd.waves.get('plic.pending_64')).toEqual([[0, '0'], [2_000_005_200, '1'], [2_000_005_400, '0']]);
    expect(vcd.waves.get('stopwatch.command')).toEqual([[0, 'x'], [200, '100'], [2_000_010_600, '101']]);
    expect(vcd.waves.get('stopwatch.status')).toEqual([[0, 'x'], [2_000_005_500, '0']]);
  });

  it('strobes vm_exit for the length of each exit', () => {
    expect(vcd.waves.get('host.vm_exit')).toEqual([[0, '0'], [200, '1'], [5200, '0'], [2_000_005_500, '1'], [2_000_010_500, '0']]);
  });

  it('is still valid with no events', () => {
    expect(() => parseVcd(toVcd([]))).not.toThrow();
  });
});
