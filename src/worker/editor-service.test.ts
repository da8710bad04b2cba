import { describe, expect, it } from 'vitest';
import type { DriverSources } from '../protocol/driver.ts';
import { dropStaleChecks, type EditorRequest } from '../protocol/editor-messages.ts';
import { exampleCatalog } from './examples.ts';
import { EditorService } from './editor-service.ts';
import { GUEST_DRIVER_FILES } from './guest-files.ts';

const STOPWATCH: DriverSources = {
  module: 'stopwatch',
  main: 'stopwatch.c',
  files: {
    'stopwatch.c': GUEST_DRIVER_FILES.get('stopwatch/stopwatch.c')!,
    'stopwatch_hw-sw.h': GUEST_DRIVER_FILES.get('stopwatch/stopwatch_hw-sw.h')!,
  },
};
const C = STOPWATCH.files['stopwatch.c'];
/** 1-based line and column of the first `needle` in stopwatch.c (after `from`, when given). */
function find(needle: string, from = ''): { line: number; col: number } {
  const at = C.indexOf(needle, from ? C.indexOf(from) : 0);
  const before = C.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}
const withMain = (text: string): DriverSources => ({ ...STOPWATCH, files: { ...STOPWATCH.files, 'stopwatch.c': text } });

describe('the editor service on the stopwatch driver', () => {
  const service = new EditorService();

  it('finds no error in the shipped driver', () => {
    expect(service.check('driver', STOPWATCH).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a mistake on the line where it was made, with the text a build shows', () => {
    const { line } = find('sw->irq = platform_get_irq');
    const broken = C.replace('sw->irq = platform_get_irq(pdev, 0);', 'sw->irq = platform_get_irq(pdevv, 0);');
    const errors = service.check('driver', withMain(broken)).filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'stopwatch.c', line });
    expect(errors[0].message).toContain('pdevv');
    expect(errors[0].text).toContain(`stopwatch.c:${line}:`);
  });

  it("reports a mistake in the driver's own header in that header", () => {
    const h = `${STOPWATCH.files['stopwatch_hw-sw.h']}\nint oops = ;\n`;
    const errors = service.check('driver', { ...STOPWATCH, files: { ...STOPWATCH.files, 'stopwatch_hw-sw.h': h } }).filter((d) => d.severity === 'error');
    expect(errors[0]).toMatchObject({ file: 'stopwatch_hw-sw.h', line: h.split('\n').length - 1 });
  });

  it("hovers a kernel function with its prototype from the guest's headers", () => {
    const hover = service.hover('driver', STOPWATCH, { file: 'stopwatch.c', ...find('devm_request_irq(') });
    expect(hover).toMatchObject({ name: 'devm_request_irq', kind: 'function' });
    expect(hover!.detail).toBe('static inline int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler, unsigned long irqflags, const char *devname, void *dev_id)');
    expect(hover!.declaredAt).toMatchObject({ file: 'linux/interrupt.h', header: true, line: 71 });
  });

  it('hovers a macro with its #define and a local with its type', () => {
    expect(service.hover('driver', STOPWATCH, { file: 'stopwatch.c', ...find('DRIVERNAME', '#define DRIVERNAME') })?.detail).toBe('#define DRIVERNAME "stopwatch"');
    const ret = find('ret = devm_request_irq');
    expect(service.hover('driver', STOPWATCH, { file: 'stopwatch.c', ...ret })).toMatchObject({ kind: 'local', detail: 'int ret' });
  });

  it("goes to a kernel function's declaration in its header, whose text the service gives", () => {
    const target = service.definition('driver', STOPWATCH, { file: 'stopwatch.c', ...find('platform_get_irq(') });
    expect(target).toEqual({ file: 'linux/platform_device.h', line: 66, col: 12, header: true });
    const text = service.header('linux/platform_device.h')!;
    expect(text.split('\n')[65]).toContain('platform_get_irq');
    expect(service.header('linux/nothing-here.h')).toBeNull();
  });

  it("goes to a declaration in the driver's own header, and from inside a header tab", () => {
    const target = service.definition('driver', STOPWATCH, { file: 'stopwatch.c', ...find('STOPWATCH_TIMEOUT_MAX_S') });
    expect(target).toMatchObject({ file: 'stopwatch_hw-sw.h', header: false });
    // irq_handler_t, hovered where linux/platform_device.h's neighbour interrupt.h uses it.
    const h = service.header('linux/interrupt.h')!.split('\n');
    const line = h.findIndex((l) => l.includes('irq_handler_t handler')) + 1;
    const col = h[line - 1].indexOf('irq_handler_t') + 1;
    expect(service.hover('driver', STOPWATCH, { file: 'linux/interrupt.h', header: true, line, col })).toMatchObject({ kind: 'typedef', declaredAt: { header: true } });
  });

  it('answers nothing for a blank or a keyword', () => {
    expect(service.hover('driver', STOPWATCH, { file: 'stopwatch.c', line: 1, col: 1 })).toBeNull();
    expect(service.definition('driver', STOPWATCH, { file: 'stopwatch.c', ...find('return') })).toBeNull();
  });
});

describe('the editor service on a bare-metal program', () => {
  const service = new EditorService();
  const hello = exampleCatalog().find((e) => e.id === 'hello')!;
  const sources: DriverSources = { module: hello.name, main: hello.main, files: hello.files };

  it('checks it as Build & load builds it: its other C files too, and no kernel headers', () => {
    expect(service.check('bare-metal', sources).filter((d) => d.severity === 'error')).toEqual([]);
    const uart = `${sources.files['uart.c']}\nint broken(void) { return missing; }\n`;
    const errors = service.check('bare-metal', { ...sources, files: { ...sources.files, 'uart.c': uart } }).filter((d) => d.severity === 'error');
    expect(errors).toMatchObject([{ file: 'uart.c', line: uart.split('\n').length - 1 }]);
  });

  it("hovers and goes to a function declared in the program's own header", () => {
    const lines = sources.files['hello.c'].split('\n');
    const line = lines.findIndex((l) => l.includes('uart_putdec(')) + 1;
    const at = { file: 'hello.c', line, col: lines[line - 1].indexOf('uart_putdec') + 1 };
    expect(service.hover('bare-metal', sources, at)?.detail).toBe('void uart_putdec(int32_t v)');
    expect(service.definition('bare-metal', sources, at)).toMatchObject({ file: 'uart.h', line: 18, header: false });
  });
});

describe('the queue of editor requests', () => {
  const sources = STOPWATCH;
  it('keeps only the newest check, and every other request in order', () => {
    const q: EditorRequest[] = [
      { type: 'check', id: 1, kind: 'driver', sources },
      { type: 'hover', id: 2, kind: 'driver', sources, at: { file: 'stopwatch.c', line: 1, col: 1 } },
      { type: 'check', id: 3, kind: 'driver', sources },
      { type: 'header', id: 4, path: 'linux/io.h' },
    ];
    expect(dropStaleChecks(q).map((r) => r.id)).toEqual([2, 3, 4]);
  });
});
