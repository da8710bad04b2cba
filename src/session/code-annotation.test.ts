// The code window reads as `objdump -dl` does: the function's name where it
// starts, and each C line right before its first instruction; code without a
// line table keeps plain disassembly with the symbol table's names.
import { describe, expect, it } from 'vitest';
import { guestHeaders, shippedDriver } from '../../tests/support/guest-sources.ts';
import { kernelImage } from '../guest/kernel/entry.ts';
import { GuestSystem } from '../guest/system.ts';
import type { CodeLine } from '../protocol/registers.ts';
import { createVirtBoard } from './create-board.ts';
import { annotateCode, jumpTarget, labelsByAddress } from './code-annotation.ts';
import { codeWindow } from './code-listing.ts';
import { GuestCodeNames, programCodeNames } from './code-names.ts';
import { buildProgram } from './build.ts';
import { buildDriverSources } from './driver-build.ts';
import { SourceMap } from './source-map.ts';

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

/** The window as the pane prints it, one string per printed line. */
function printed(code: readonly CodeLine[]): string[] {
  return code.flatMap((l) => [
    ...(l.function !== undefined ? [`${l.function}():`] : []),
    ...(l.source ? [`${l.source.file}:${l.source.line} ${l.source.text}`] : []),
    `${l.addr.toString(16)}: ${l.text}`,
  ]);
}

describe('a bare-metal program built here', () => {
  const build = buildProgram('twice.c', PROGRAM, 'bare-metal-elf');
  const elf = build.elf!;
  const board = createVirtBoard();
  board.loadElf(elf);
  const map = SourceMap.forProgram(elf);
  const twice = map.functions.find((f) => f.name === 'twice')!;
  const main = map.functions.find((f) => f.name === 'main')!;
  const names = programCodeNames(elf, { 'twice.c': PROGRAM });
  const code = annotateCode(codeWindow(board.bus, twice.start, 0, (main.end - twice.start) / 2), names);

  it('names the function where it starts, and shows its opening C line', () => {
    expect(code[0]).toMatchObject({ addr: twice.start, function: 'twice', source: { file: 'twice.c', line: 1, text: 'int twice(int x)' } });
    const mainAt = code.findIndex((l) => l.addr === main.start);
    expect(code[mainAt]).toMatchObject({ function: 'main', source: { line: 9, text: 'int main(void)' } });
    expect(code.filter((l) => l.addr < main.end && l.function !== undefined).map((l) => l.function)).toEqual(['twice', 'main']);
  });

  it('puts each C line right before its first instruction, and only there', () => {
    const firstOfLine5 = code.find((l) => map.locate(l.addr)?.line === 5)!;
    expect(firstOfLine5.source).toEqual({ file: 'twice.c', line: 5, text: 'y = x + x;' });
    const out = printed(code);
    expect(out[out.indexOf('twice.c:5 y = x + x;') + 1]).toBe(`${firstOfLine5.addr.toString(16)}: ${firstOfLine5.text}`);
    // Every instruction of a line after its first one is printed without the line again.
    for (const [i, l] of code.entries()) {
      const here = map.locate(l.addr), before = i > 0 ? map.locate(code[i - 1].addr) : null;
      expect(l.source !== undefined, `${l.addr.toString(16)}`).toBe(here !== null && (before === null || before.line !== here.line || l.function !== undefined));
    }
    expect(out).toContain('twice.c:11 return twice(21) - 42;');
  });

  it('names the function it opens inside when the window starts in its middle', () => {
    const mid = annotateCode(codeWindow(board.bus, main.start + 8, 0, 2), names);
    expect(mid[0].function).toBe('main');
    expect(mid[0].source?.file).toBe('twice.c');
    expect(mid.slice(1).some((l) => l.function !== undefined)).toBe(false);
  });

  it('names the target of a call, as objdump prints it after the instruction', () => {
    const call = code.find((l) => l.addr >= main.start && l.callee !== undefined);
    expect(call?.callee).toBe('twice');
    expect(code.filter((l) => l.callee !== undefined).every((l) => /^(jal|jalr|c\.jal|c\.j|j)\b/.test(l.text))).toBe(true);
  });

  it('shows the line number without text when the file is not known', () => {
    const bare = annotateCode(codeWindow(board.bus, twice.start, 0, 2), programCodeNames(elf));
    expect(bare[0].source).toEqual({ file: 'twice.c', line: 1, text: '' });
  });
});

describe('code without a line table', () => {
  it('stays plain disassembly, named by the symbol table (the guest kernel\'s assembly)', () => {
    const image = kernelImage();
    const board = createVirtBoard();
    board.loadElf(image.elf);
    const at = image.symbols.get('handle_exception')!;
    const code = annotateCode(codeWindow(board.bus, at, 2, 6), programCodeNames(image.elf));
    expect(code.some((l) => l.source !== undefined)).toBe(false);
    expect(code.find((l) => l.addr === at)?.function).toBe('handle_exception');
    expect(code.filter((l) => l.addr !== at && l.function !== undefined).every((l) => image.symbols.get(l.function!) === l.addr)).toBe(true);
  });

  it('leaves a file that is not an ELF as plain disassembly', () => {
    const names = programCodeNames(new Uint8Array([1, 2, 3]));
    const lines: CodeLine[] = [{ addr: 0x8000_0000, word: 1, text: 'nop' }];
    expect(annotateCode(lines, names)).toEqual(lines);
  });

  it('decodes the targets of jal, c.jal, c.j and auipc + jalr, and knows a ret or a jump through a pointer has none', () => {
    const at = (addr: number, word: number, text = ''): CodeLine => ({ addr, word, text });
    expect(jumpTarget(at(0x8000_0010, 0xff1ff0ef), undefined)).toBe(0x8000_0000); // jal ra,-16
    expect(jumpTarget(at(0x8000_0010, 0x3fc5), undefined)).toBe(0x8000_0000); // c.jal -16
    expect(jumpTarget(at(0x8000_0012, 0xb7fd), undefined)).toBe(0x8000_0000); // c.j -18
    const auipc = at(0x8000_0100, 0x00001097); // auipc ra,0x1
    expect(jumpTarget(at(0x8000_0104, 0xf00080e7), auipc)).toBe(0x8000_1000); // jalr ra,-256(ra)
    expect(jumpTarget(at(0x8000_0104, 0x00008067), undefined)).toBeNull(); // ret
    expect(jumpTarget(at(0x8000_0104, 0x000780e7), auipc)).toBeNull(); // jalr a5: a pointer, not the auipc's register
  });

  it('prefers a function\'s own name over module_init\'s alias and markers', () => {
    const labels = labelsByAddress([['init_module', 16], ['stopwatch_init', 16], ['idle_loop_end', 32], ['handle_exception', 32], ['.L3', 48]]);
    expect([...labels]).toEqual([[16, 'stopwatch_init'], [32, 'handle_exception']]);
  });
});

describe('the stopwatch driver in the guest', () => {
  it('shows the read function\'s name and C lines where insmod placed it, until the module is removed', async () => {
    const sources = shippedDriver('stopwatch');
    const built = buildDriverSources(sources, guestHeaders());
    const sys = new GuestSystem({ modules: [{ name: built.module, object: built.object! }] });
    await sys.boot();
    const names = new GuestCodeNames();
    const driver = { module: built.module, object: built.object!, files: sources.files };
    const read = sys.kernel.modules.find((m) => m.name === 'stopwatch')!.symbols.get('stopwatch_time_read')!;
    const code = annotateCode(codeWindow(sys.board.bus, read, 0, 40), names.names(sys, driver));
    const out = printed(code);
    expect(out[0]).toBe('stopwatch_time_read():');
    expect(out[1]).toMatch(/^stopwatch\.c:\d+ static ssize_t stopwatch_time_read\(struct file \*file, char __user \*buf,$/);
    const ifAt = out.findIndex((t) => /^stopwatch\.c:\d+ if \(\*ppos == 0\)$/.test(t));
    expect(ifAt).toBeGreaterThan(1);
    expect(out[ifAt + 1]).toMatch(/^[0-9a-f]{8}: /); // the instruction comes right after its line
    expect(out.some((t) => /^stopwatch\.c:\d+ return simple_read_from_buffer\(buf, count, ppos, sw->text, sw->text_len\);$/.test(t))).toBe(true);

    // Its calls are named: the driver's own function, and the kernel's service it reaches through the loader's auipc + jalr.
    const callees = annotateCode(codeWindow(sys.board.bus, read, 0, 64), names.names(sys, driver)).flatMap((l) => (l.callee ? [l.callee] : []));
    expect(callees.slice(0, 2)).toEqual(['stopwatch_update_text', 'simple_read_from_buffer']);

    await sys.execute('rmmod stopwatch');
    const after = annotateCode(codeWindow(sys.board.bus, read, 0, 4), names.names(sys, driver));
    expect(after.some((l) => l.source !== undefined || l.function === 'stopwatch_time_read')).toBe(false);
  });
});
