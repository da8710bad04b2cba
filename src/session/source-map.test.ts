// The source map answers with the loader's addresses (a module) or the linker's
// (a bare-metal program): lines to breakpoint addresses, as gdb moves them, and
// pcs back to lines and functions.
import { describe, expect, it } from 'vitest';
import { guestDriver } from '../../tests/support/guest-modules.ts';
import { GuestSystem } from '../guest/system.ts';
import { compile } from '../toolchain/compile.ts';
import { SourceMap, SourceMaps } from './source-map.ts';

const PROGRAM = `int twice(int x)
{
	int y;

	y = x + x;
	return y;
}

int main(void)
{
	return twice(21) - 42;
}
`;

describe('SourceMap of a loaded module', () => {
  it('places the stopwatch driver lines and functions where insmod put them', async () => {
    const module = guestDriver('stopwatch/stopwatch.c');
    const sys = new GuestSystem({ modules: [module] });
    await sys.boot();
    const map = SourceMap.forModule(sys, 'stopwatch', module.object)!;
    const loaded = sys.kernel.modules.find((m) => m.name === 'stopwatch')!;
    const read = loaded.symbols.get('stopwatch_time_read')!;
    expect(map.functionAt(read)).toMatchObject({ name: 'stopwatch_time_read', start: read });
    expect(map.locate(read)).toEqual({ file: expect.stringMatching(/stopwatch\.c$/), line: 210, function: 'stopwatch_time_read' });
    // A breakpoint on the function's opening line goes past its prologue, to the first statement.
    const opening = map.addressesOf('stopwatch.c', 210)!;
    expect(opening.addresses).toEqual([map.bodyStart(map.functionAt(read)!)]);
    expect(map.locate(opening.addresses[0])!.line).toBe(213);
    // Every address of a line is in the module's core, and maps back to that line.
    for (const line of [213, 215, 216, 217]) {
      const at = map.addressesOf('stopwatch.c', line)!;
      expect(at.line).toBe(line);
      for (const a of at.addresses) {
        expect(a - loaded.core.addr).toBeLessThan(loaded.core.size);
        expect(map.locate(a)).toMatchObject({ line, function: 'stopwatch_time_read' });
        expect(map.isLineStart(a)).toBe(true);
      }
    }
    expect(map.addressesOf('stopwatch.c', 100_000)).toBeNull();
    expect(map.locate(loaded.structAddr)).toBeNull(); // data, not code
    // init_module's code was freed after it ran: its lines are gone from the map.
    expect(map.rows.every((r) => r.address >= loaded.core.addr && r.address < loaded.core.addr + loaded.core.size)).toBe(true);
    expect(SourceMap.forModule(sys, 'nosuchmodule', module.object)).toBeNull();
  });
});

describe('SourceMap of a bare-metal program', () => {
  const r = compile({ file: 'twice.c', source: PROGRAM }, { output: 'bare-metal-elf' });
  const map = SourceMap.forProgram(r.elf!);

  it('resolves a line without code to the next line with code, as gdb does', () => {
    const decl = map.addressesOf('twice.c', 3)!; // `int y;`
    expect(decl.line).toBe(5);
    expect(map.locate(decl.addresses[0])).toEqual({ file: 'twice.c', line: 5, function: 'twice' });
  });

  it('finds functions and lines in the linked program at their final addresses', () => {
    const main = map.functions.find((f) => f.name === 'main')!;
    expect(main.start).toBeGreaterThanOrEqual(0x8000_0000);
    expect(map.locate(map.bodyStart(main))).toEqual({ file: 'twice.c', line: 11, function: 'main' });
    const twice = map.functions.find((f) => f.name === 'twice')!;
    expect(map.locate(twice.start)).toEqual({ file: 'twice.c', line: 1, function: 'twice' });
    expect(map.locate(0x8000_0000)?.file).not.toBe('twice.c'); // the start-up code comes first
    const both = new SourceMaps([map]);
    expect(both.functionAt(main.start + 4)?.name).toBe('main');
    expect(both.locate(0x1000)).toBeNull();
  });
});
