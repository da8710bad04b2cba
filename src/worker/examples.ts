// The example menu's contents: the guest's two shipped drivers, the broken
// drivers of examples/drivers (built to show what goes wrong), and the
// bare-metal programs of examples/ (each with the shared UART helpers of
// examples/bare-metal/lib), and the lessons' own drivers
// (lessons/drivers/<project>/<module>.c, see docs/writing-lessons.md).
// Bundled as strings like the headers, so the page offers them offline.

import type { Example } from '../protocol/examples.ts';
import { GUEST_DRIVER_FILES } from './guest-files.ts';

const BARE_METAL: Record<string, string> = import.meta.glob<string>('../../examples/bare-metal/**/*.{c,h}', {
  query: '?raw', import: 'default', eager: true,
});

const BROKEN_DRIVERS: Record<string, string> = import.meta.glob<string>('../../examples/drivers/**/*.{c,h}', {
  query: '?raw', import: 'default', eager: true,
});

const LESSON_DRIVERS: Record<string, string> = import.meta.glob<string>('../../lessons/drivers/**/*.{c,h}', {
  query: '?raw', import: 'default', eager: true,
});

/** `Title:` and `Summary:` lines of a lesson driver's first comment name it in the menu. */
function taggedLine(text: string, tag: string): string | undefined {
  return new RegExp(`^[\\s/*]*${tag}:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];
}

/**
 * One example per folder of lessons/drivers: its C file is the driver (the
 * module is named after it), and it gets the stock stopwatch_hw-sw.h. A
 * teacher adds a lesson's driver by adding the folder; nothing here changes.
 */
function lessonDrivers(): Example[] {
  const byProject = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(LESSON_DRIVERS)) {
    const m = /^\.\.\/\.\.\/lessons\/drivers\/([^/]+)\/(.+)$/.exec(path);
    if (!m) continue;
    const files = byProject.get(m[1]!) ?? {};
    files[m[2]!] = text;
    byProject.set(m[1]!, files);
  }
  return [...byProject.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([project, files]): Example[] => {
    const main = Object.keys(files).find((f) => f.endsWith('.c'));
    if (main === undefined) return [];
    const text = files[main]!;
    return [{
      id: project, kind: 'driver', name: main.replace(/\.c$/, ''), main,
      title: taggedLine(text, 'Title') ?? `Lesson driver ${project}`,
      summary: taggedLine(text, 'Summary') ?? `The driver of a lesson (lessons/drivers/${project})`,
      files: { ...files, 'stopwatch_hw-sw.h': driverFile('stopwatch/stopwatch_hw-sw.h') },
    }];
  });
}

function brokenDriverFile(path: string): string {
  const text = BROKEN_DRIVERS[`../../examples/drivers/${path}`];
  if (text === undefined) throw new Error(`example file examples/drivers/${path} is missing from the bundle`);
  return text;
}

function bareMetalFile(path: string): string {
  const text = BARE_METAL[`../../examples/bare-metal/${path}`];
  if (text === undefined) throw new Error(`example file examples/bare-metal/${path} is missing from the bundle`);
  return text;
}

function driverFile(path: string): string {
  const text = GUEST_DRIVER_FILES.get(path);
  if (text === undefined) throw new Error(`driver file src/guest/drivers/${path} is missing from the bundle`);
  return text;
}

const uartLib = (): Record<string, string> => ({ 'uart.h': bareMetalFile('lib/uart.h'), 'uart.c': bareMetalFile('lib/uart.c') });

/** In menu order; the first is the page's default. */
export function exampleCatalog(): Example[] {
  return [
    {
      id: 'stopwatch', title: 'Stopwatch driver', kind: 'driver', name: 'stopwatch', main: 'stopwatch.c',
      summary: "The article's platform driver: debugfs files, trapping registers, shared buffer, timeout IRQ",
      files: { 'stopwatch.c': driverFile('stopwatch/stopwatch.c'), 'stopwatch_hw-sw.h': driverFile('stopwatch/stopwatch_hw-sw.h') },
    },
    {
      id: 'stopwatch-misc', title: 'Stopwatch as a misc device', kind: 'driver', name: 'stopwatch_misc', main: 'stopwatch_misc.c',
      summary: 'A second driver for the same device: one character device, /dev/stopwatch',
      files: { 'stopwatch_misc.c': driverFile('stopwatch-misc/stopwatch_misc.c'), 'stopwatch_hw-sw.h': driverFile('stopwatch/stopwatch_hw-sw.h') },
    },
    {
      // Module "stopwatch", so stopwatch_ctrl.sh drives it as it drives the real one.
      id: 'stopwatch-noack', title: 'Stopwatch that never ACKs (IRQ storm)', kind: 'driver', name: 'stopwatch', main: 'stopwatch_noack.c',
      summary: 'The handler forgets TIMEOUT_ACK: after `stopwatch_ctrl.sh timeout 1` the line stays high, an interrupt storm',
      files: { 'stopwatch_noack.c': brokenDriverFile('stopwatch-noack/stopwatch_noack.c'), 'stopwatch_hw-sw.h': driverFile('stopwatch/stopwatch_hw-sw.h') },
    },
    {
      id: 'hello', title: 'Bare-metal hello', kind: 'bare-metal', name: 'hello', main: 'hello.c',
      summary: 'No kernel: main() prints on UART0 and powers the board off',
      files: { 'hello.c': bareMetalFile('hello/hello.c'), ...uartLib() },
    },
    {
      id: 'echo', title: 'Bare-metal echo', kind: 'bare-metal', name: 'echo', main: 'echo.c',
      summary: 'Reads what you type by polling the UART and writes it back',
      files: { 'echo.c': bareMetalFile('echo/echo.c'), ...uartLib() },
    },
    {
      id: 'stopwatch-mmio', title: 'Stopwatch by MMIO', kind: 'bare-metal', name: 'stopwatch-demo', main: 'stopwatch-demo.c',
      summary: 'Drives the stopwatch with no driver: trapping writes, pass-through reads',
      files: { 'stopwatch-demo.c': bareMetalFile('stopwatch-mmio/stopwatch-demo.c'), 'stopwatch_hw-sw.h': driverFile('stopwatch/stopwatch_hw-sw.h'), ...uartLib() },
    },
    ...lessonDrivers(),
  ];
}
