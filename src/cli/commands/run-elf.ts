// `paravirt run-elf`: boots an ELF on the virt board in fast-forward virtual
// time, like `qemu-system-riscv32 -M virt -bios none -nographic -kernel FILE`:
// UART0 goes to stdout as it runs, stdin (a terminal or a pipe) to UART0's
// receiver, and the finisher's exit code becomes the process's exit status.
// The run is a Session's (runToEnd), the run loop the worker drives too.

import { describeWatchHit } from '../../protocol/watchpoints.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { DeviceOptionError, parseDeviceOption } from '../../machine/devices/stopwatch/stopwatch-option.ts';
import type { StopwatchProps } from '../../machine/devices/stopwatch/stopwatch.ts';
import { ElfLoadError } from '../../machine/loader/elf-loader.ts';
import { createSessionBoard } from '../../session/create-board.ts';
import { runToEnd, type RunEnd } from '../../session/run-to-end.ts';
import { Session, SessionError } from '../../session/session.ts';
import { cannotWriteReason } from '../write-error.ts';
import { StdinForwarder } from './stdin-forwarder.ts';
import { TraceCollector } from './trace-collector.ts';

const USAGE = `usage: paravirt run-elf FILE.elf [--max-insns N] [--trace FILE.json] [--vcd FILE.vcd] [--device stopwatch,PROP=VALUE,...|--no-stopwatch] [--no-jit]

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
  --no-jit        interpret every instruction: no translation of hot code into
                  JavaScript (slower; the same run, instruction for instruction)

exit status:
  0       the guest wrote 0x5555 to the test finisher (0x100000)
  CODE    the guest wrote 0x3333 | CODE << 16 to the finisher
  2       bad arguments, or FILE is not a RISC-V ELF32 executable that fits in RAM/ROM
  3       a device error stopped the machine (its message is on stderr)
  124     the instruction limit was reached, or the guest idles (wfi) with no timer
          armed and no input left, so it can never wake up`;

/** Instructions per slice between flushing UART output and reading stdin. */
const SLICE_INSNS = 4_000_000;
const EXIT_USAGE = 2, EXIT_DEVICE_ERROR = 3, EXIT_LIMIT = 124;
/** What a shell reports for a process killed by SIGPIPE (stdout's reader went away). */
const EXIT_BROKEN_PIPE = 141;

interface RunElfArgs {
  file: string;
  maxInsns: number;
  trace?: string;
  vcd?: string;
  stopwatch: StopwatchProps | null;
  jit: boolean;
}

function parseArgs(args: string[]): RunElfArgs | string {
  let file: string | undefined;
  const opts: Omit<RunElfArgs, 'file'> = { maxInsns: Infinity, stopwatch: parseDeviceOption('stopwatch'), jit: true };
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
    else if (a === '--no-jit') opts.jit = false;
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
  // Every guest error is printed: a batch never leaves any out.
  const session = new Session(createSessionBoard, { stopwatch: opts.stopwatch, maxGuestErrorsPerBatch: Infinity, jit: opts.jit });
  const loaded = load(session, opts.file);
  if (loaded !== undefined) return loaded;
  for (const out of [opts.trace, opts.vcd]) if (out && !canWriteTrace(out)) return EXIT_USAGE;
  const stdin = StdinForwarder.open(session);
  try {
    return await run(session, opts, stdin);
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
function load(session: Session, file: string): number | undefined {
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
    session.loadElf(file, image, file);
  } catch (e) {
    const cause = e instanceof SessionError ? e.cause : e;
    if (!(cause instanceof ElfLoadError)) throw e;
    console.error(`paravirt run-elf: ${cause.message}`);
    return EXIT_USAGE;
  }
  return undefined;
}

/** Runs the session to its end, with UART0 on stdout; returns the exit status. */
async function run(session: Session, opts: RunElfArgs, stdin: StdinForwarder | undefined): Promise<number> {
  const trace = opts.trace || opts.vcd ? new TraceCollector(session) : undefined;
  let readerGone = false;
  process.stdout.on('error', () => {
    readerGone = true; // EPIPE: e.g. `paravirt run-elf x.elf | head`
  });
  try {
    const end = await runToEnd(session, {
      afterSlice: async () => {
        trace?.collect();
        await writeStdout(session.takeUartOutput());
        // After the slice's UART output, so a guest error follows what the guest printed before it.
        for (const message of session.takeGuestErrors().messages) console.error(`paravirt run-elf: guest error (on_error=log: logged and ignored): ${message}`);
        for (const message of session.takeNotices()) console.error(`paravirt run-elf: note: ${message}`);
        return !readerGone;
      },
      beforeSlice: async () => {
        if (stdin) await stdin.poll();
        return !stdin?.quitRequested;
      },
      waitForInput: async () => (stdin ? stdin.waitForInput() : false),
    }, { maxInsns: opts.maxInsns, sliceInsns: SLICE_INSNS });
    return exitStatus(end, opts, { readerGone, quit: stdin?.quitRequested === true });
  } finally {
    trace?.write(opts);
  }
}

/** The exit status for how the run ended, with its message on stderr. */
function exitStatus(end: RunEnd, opts: RunElfArgs, host: { readerGone: boolean; quit: boolean }): number {
  switch (end.reason) {
    case 'poweroff':
      return end.exitCode;
    case 'device-error':
      console.error(end.message.startsWith(`${end.device}:`)
        ? `paravirt run-elf: device error in ${end.message}`
        : `paravirt run-elf: device error in ${end.device}: ${end.message}`);
      return EXIT_DEVICE_ERROR;
    case 'stuck':
      if (host.quit) return 0; // Ctrl-A x while the guest idled
      console.error('paravirt run-elf: the guest is waiting for an interrupt (wfi) with no timer armed and no more input, so it can never wake up; stopping.');
      return EXIT_LIMIT;
    case 'limit':
      console.error(`paravirt run-elf: stopped after ${end.insns} instructions (--max-insns ${opts.maxInsns}) before the guest powered off.`);
      return EXIT_LIMIT;
    case 'stopped': // stdout's reader went away, or the user quit
      return host.readerGone ? EXIT_BROKEN_PIPE : 0;
    case 'breakpoint':
      throw new Error(`run-elf set no breakpoint, yet the machine stopped at pc 0x${end.pc.toString(16)}`);
    case 'watchpoint':
      throw new Error(`run-elf set no watchpoint, yet the machine stopped at one: ${describeWatchHit(end.hit)}`);
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
