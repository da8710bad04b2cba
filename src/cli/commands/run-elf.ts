// `paravirt run-elf`: boots an ELF on the virt board in fast-forward virtual
// time, like `qemu-system-riscv32 -M virt -bios none -nographic -kernel FILE`:
// UART0 goes to stdout as it runs, stdin (a terminal or a pipe) to UART0's
// receiver, and the finisher's exit code becomes the process's exit status.

import { readFileSync, writeFileSync } from 'node:fs';
import { VirtBoard, type RunStop } from '../../machine/board.ts';
import { DeviceOptionError, parseDeviceOption } from '../../machine/devices/stopwatch/stopwatch-option.ts';
import type { StopwatchProps } from '../../machine/devices/stopwatch/stopwatch.ts';
import { ElfLoadError } from '../../machine/loader/elf-loader.ts';
import { toChromeTraceJson } from '../../protocol/export/chrome-trace.ts';
import { toVcd } from '../../protocol/export/vcd.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { cannotWriteReason } from '../write-error.ts';
import { StdinForwarder } from './stdin-forwarder.ts';

const USAGE = `usage: paravirt run-elf FILE.elf [--max-insns N] [--trace FILE.json] [--vcd FILE.vcd] [--device stopwatch,PROP=VALUE,...|--no-stopwatch]

Runs a RISC-V ELF32 executable on the virt board (as qemu-system-riscv32 -M virt
-bios none -nographic -kernel FILE.elf would), in fast-forward virtual time:
an idle hart (wfi) jumps to its next timer deadline. UART0 output goes to
stdout; what you type (or pipe in) goes to UART0's input. In a terminal,
Ctrl-A x quits (as in QEMU).

  --max-insns N   stop after N instructions (default: no limit)
  --trace F.json  write the trace (MMIO, VM exits, IRQs, traps, timers) as Chrome
                  trace JSON, for chrome://tracing or https://ui.perfetto.dev
  --vcd F.vcd     write the IRQ lines, PLIC claims and device registers as a
                  waveform (VCD), for GTKWave or Surfer
  --device OPT    the stopwatch's properties, as QEMU's -device: stopwatch,start_at_boot=false,on_error=log
                  (on_error=log: a device error is reported on stderr and ignored; the guest runs on)
  --no-stopwatch  leave the stopwatch off the platform bus

exit status:
  0       the guest wrote 0x5555 to the test finisher (0x100000)
  CODE    the guest wrote 0x3333 | CODE << 16 to the finisher
  2       bad arguments, or FILE is not a RISC-V ELF32 executable that fits in RAM/ROM
  3       a device error stopped the machine (its message is on stderr)
  124     the instruction limit was reached, or the guest idles (wfi) with no timer
          armed and no input left, so it can never wake up`;

/** Instructions per slice between flushing UART output and reading stdin. */
const SLICE_INSNS = 4_000_000;
/** At most this many trace events are kept for --trace; later ones are counted as dropped. */
const MAX_TRACE_EVENTS = 2_000_000;
const EXIT_USAGE = 2, EXIT_DEVICE_ERROR = 3, EXIT_LIMIT = 124;
/** What a shell reports for a process killed by SIGPIPE (stdout's reader went away). */
const EXIT_BROKEN_PIPE = 141;

interface RunElfArgs {
  file: string;
  maxInsns: number;
  trace?: string;
  vcd?: string;
  stopwatch: StopwatchProps | null;
}

function parseArgs(args: string[]): RunElfArgs | string {
  let file: string | undefined;
  const opts: Omit<RunElfArgs, 'file'> = { maxInsns: Infinity, stopwatch: parseDeviceOption('stopwatch') };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new DeviceOptionError(`${a} needs a value`);
      return v;
    };
    if (a === '--max-insns') {
      const n = value().replace(/_/g, '');
      if (!/^[1-9]\d*$/.test(n)) return `--max-insns wants a positive whole number of instructions, not '${n}'`;
      opts.maxInsns = Number(n);
    } else if (a === '--trace') opts.trace = value();
    else if (a === '--vcd') opts.vcd = value();
    else if (a === '--device') opts.stopwatch = parseDeviceOption(value());
    else if (a === '--no-stopwatch') opts.stopwatch = null;
    else if (a.startsWith('-')) return `unknown option '${a}'`;
    else if (file !== undefined) return `one ELF file at a time ('${file}' and '${a}' given)`;
    else file = a;
  }
  if (file === undefined) return 'which ELF file? (paravirt run-elf FILE.elf)';
  return { file, ...opts };
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let opts: RunElfArgs | string;
  try {
    opts = parseArgs(args);
  } catch (e) {
    if (!(e instanceof DeviceOptionError)) throw e;
    opts = e.message;
  }
  if (typeof opts === 'string') {
    console.error(`paravirt run-elf: ${opts}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const board = new VirtBoard({ stopwatch: opts.stopwatch });
  const loaded = load(board, opts.file);
  if (loaded !== undefined) return loaded;
  for (const out of [opts.trace, opts.vcd]) if (out && !canWriteTrace(out)) return EXIT_USAGE;
  const guestErrors: string[] = [];
  if (board.stopwatch) board.stopwatch.onGuestError = (message) => guestErrors.push(message);
  board.cpu.onNotice = (message) => console.error(`paravirt run-elf: note: ${message}`);
  const stdin = StdinForwarder.open(board);
  try {
    return await runToEnd(board, opts, stdin, guestErrors);
  } finally {
    stdin?.close();
  }
}

/** Creates the --trace file before the run (as QEMU opens its trace file at
 * start-up), so a path it cannot write is reported at once, not after the run. */
function canWriteTrace(path: string): boolean {
  try {
    writeFileSync(path, '');
    return true;
  } catch (e) {
    console.error(`paravirt run-elf: cannot write the trace to ${path}: ${cannotWriteReason(e)}.`);
    return false;
  }
}

/** Loads the ELF; returns an exit status on failure. */
function load(board: VirtBoard, file: string): number | undefined {
  let image: Uint8Array;
  try {
    image = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a directory' : String((e as Error).message);
    console.error(`paravirt run-elf: cannot read ${file}: ${why}.`);
    return EXIT_USAGE;
  }
  try {
    board.loadElf(image, file);
  } catch (e) {
    if (!(e instanceof ElfLoadError)) throw e;
    console.error(`paravirt run-elf: ${e.message}`);
    return EXIT_USAGE;
  }
  return undefined;
}

async function runToEnd(board: VirtBoard, opts: RunElfArgs, stdin: StdinForwarder | undefined, guestErrors: string[]): Promise<number> {
  const trace = opts.trace || opts.vcd ? new TraceCollector(board) : undefined;
  let executed = 0;
  let readerGone = false;
  process.stdout.on('error', () => {
    readerGone = true; // EPIPE: e.g. `paravirt run-elf x.elf | head`
  });
  try {
    for (;;) {
      const stop = board.run(Math.min(SLICE_INSNS, opts.maxInsns - executed));
      executed += stop.insns;
      trace?.collect();
      await writeStdout(board.takeUartOutput());
      // After the slice's UART output, so a guest error follows what the guest printed before it.
      for (const message of guestErrors.splice(0)) console.error(`paravirt run-elf: guest error (on_error=log: logged and ignored): ${message}`);
      if (readerGone) return EXIT_BROKEN_PIPE;
      const status = await afterSlice(stop, executed, opts, stdin);
      if (status !== undefined) return status;
    }
  } finally {
    trace?.write(opts);
  }
}

/** What a slice's stop means for the command: an exit status, or undefined to go on. */
async function afterSlice(stop: RunStop, executed: number, opts: RunElfArgs, stdin: StdinForwarder | undefined): Promise<number | undefined> {
  switch (stop.reason) {
    case 'poweroff':
      return stop.exitCode;
    case 'device-error':
      console.error(stop.message.startsWith(`${stop.device}:`)
        ? `paravirt run-elf: device error in ${stop.message}`
        : `paravirt run-elf: device error in ${stop.device}: ${stop.message}`);
      return EXIT_DEVICE_ERROR;
    case 'wfi':
      if (stdin && (await stdin.waitForInput())) return undefined;
      if (stdin?.quitRequested) return 0;
      console.error('paravirt run-elf: the guest is waiting for an interrupt (wfi) with no timer armed and no more input, so it can never wake up; stopping.');
      return EXIT_LIMIT;
    case 'budget':
      if (executed >= opts.maxInsns) {
        console.error(`paravirt run-elf: stopped after ${executed} instructions (--max-insns ${opts.maxInsns}) before the guest powered off.`);
        return EXIT_LIMIT;
      }
      if (stdin) await stdin.poll();
      return stdin?.quitRequested ? 0 : undefined;
    case 'reset':
    case 'breakpoint':
      return undefined;
  }
}

function writeStdout(bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0 || process.stdout.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.write(bytes)) resolve();
    else {
      process.stdout.once('drain', () => resolve());
      process.stdout.once('error', () => resolve());
    }
  });
}

/** Drains the board's trace ring every slice into a bounded list. */
class TraceCollector {
  private events: TraceEvent[] = [];
  private dropped = 0;

  constructor(private readonly board: VirtBoard) {
    board.tracer.enabled = true;
  }

  collect(): void {
    const batch = this.board.tracer.drain();
    const room = MAX_TRACE_EVENTS - this.events.length;
    for (let i = 0; i < Math.min(room, batch.length); i++) this.events.push(batch[i]);
    this.dropped += Math.max(0, batch.length - room);
  }

  write(out: { trace?: string; vcd?: string }): void {
    this.collect();
    if (out.trace) writeTrace(out.trace, () => toChromeTraceJson(this.events, { dropped: this.dropped + this.board.tracer.dropped }));
    if (out.vcd) writeTrace(out.vcd, () => toVcd(this.events));
  }
}

function writeTrace(path: string, render: () => string): void {
  try {
    writeFileSync(path, render());
  } catch (e) {
    console.error(`paravirt run-elf: cannot write the trace to ${path}: ${cannotWriteReason(e)}.`);
  }
}
