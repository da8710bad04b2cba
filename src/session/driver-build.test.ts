// The in-memory driver build: the shipped stopwatch driver builds into a module
// the guest loads, with a line table into its C file; a mistake is reported
// against the student's file and line, and nothing is built.
import { describe, expect, it } from 'vitest';
import { guestHeaders, shippedDriver } from '../../tests/support/guest-sources.ts';
import { GuestSystem } from '../guest/system.ts';
import { buildDriverSources, moduleNameOf } from './driver-build.ts';

describe('building a driver from in-memory files', () => {
  it('builds the shipped stopwatch driver into a module the guest inserts', async () => {
    const r = buildDriverSources(shippedDriver('stopwatch'), guestHeaders());
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.module).toBe('stopwatch');
    expect(r.lines.some((l) => l.file === 'stopwatch.c' && l.line > 1)).toBe(true);
    let out = '';
    const sys = new GuestSystem({ modules: [{ name: r.module, object: r.object! }], stdout: (b) => { out += new TextDecoder().decode(b); } });
    await sys.boot();
    await sys.execute('lsmod');
    expect(out).toMatch(/^stopwatch\s/m);
  });

  it('reports a syntax error at the student\'s file and line, with no object', () => {
    const driver = shippedDriver('stopwatch');
    const text = `${driver.files['stopwatch.c'].replace(/\n$/, '')}\nint broken = ;\n`;
    const line = text.split('\n').length - 1;
    const r = buildDriverSources({ ...driver, files: { ...driver.files, 'stopwatch.c': text } }, guestHeaders());
    expect(r.ok).toBe(false);
    expect(r.object).toBeUndefined();
    const error = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(error).toMatchObject({ file: 'stopwatch.c', line, sourceLine: 'int broken = ;' });
    expect(error.text).toContain(`stopwatch.c:${line}:`);
  });

  it('says so when the driver\'s own header is missing (found only among its files)', () => {
    const driver = shippedDriver('stopwatch');
    const files = { ...driver.files };
    delete files['stopwatch_hw-sw.h'];
    const r = buildDriverSources({ ...driver, files }, guestHeaders());
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toContain('stopwatch_hw-sw.h');
  });

  it('reports a main file that is not among the files instead of throwing', () => {
    const r = buildDriverSources({ module: 'x', main: 'x.c', files: {} }, guestHeaders());
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toContain("no file 'x.c'");
  });

  it('names the module as Kbuild does', () => {
    expect(moduleNameOf('stopwatch-misc')).toBe('stopwatch_misc');
    expect(moduleNameOf('stopwatch.c')).toBe('stopwatch');
  });
});
