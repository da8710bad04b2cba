// `paravirt guest`: boots the Linux-like guest (kernel engine, services, the
// stopwatch driver inserted at boot) in fast-forward virtual time, inserts
// each --driver after compiling it with kernel-C, and runs a script or
// command line in the guest shell: the shell's output on stdout, the kernel
// log on stderr, the script's exit status as ours. Without a script, an
// interactive shell on the terminal.

import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildDriver, DEFAULT_DRIVER } from '../guest-driver-build.ts';
import { GuestSystem, type GuestModuleObject } from '../../guest/system.ts';
import { Shell } from '../../guest/shell/shell.ts';
import { TraceCollector } from './trace-collector.ts';
import { commandArgs } from '../command-args.ts';

const USAGE = `usage: paravirt guest [--driver FILE.c]... [--no-default-driver] [--script FILE.sh | -c 'COMMANDS'] [--realtime] [--trace FILE.json]

Boots the guest (a Linux-like kernel with the stopwatch driver) and runs its shell.
  --driver FILE.c       compile FILE.c with kernel-C and insmod it at boot (module name: FILE)
  --no-default-driver   do not insert the stopwatch driver (src/guest/drivers/stopwatch/stopwatch.c)
  --script FILE.sh      run this shell script in the guest (the file is read from this computer)
  -c 'COMMANDS'         run these shell commands in the guest
  --realtime            let virtual time follow the wall clock (default: jump over idle time)
  --trace FILE.json     write the machine's trace (MMIO, VM exits, IRQs, traps, timers) as
                        Chrome trace JSON, for chrome://tracing or https://ui.perfetto.dev
The guest shell's output goes to stdout, the kernel log (dmesg) to stderr; the exit status
is the script's. Without --script or -c, an interactive shell (type 'poweroff' to leave).`;

interface GuestArgs {
  drivers: string[];
  defaultDriver: boolean;
  script?: string;
  command?: string;
  realtime: boolean;
  trace?: string;
}

function parseArgs(args: string[]): GuestArgs | string {
  const a: GuestArgs = { drivers: [], defaultDriver: true, realtime: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    if (arg === '--driver') { const v = value(); if (!v) return "'--driver' needs a C file"; a.drivers.push(v); }
    else if (arg === '--no-default-driver') a.defaultDriver = false;
    else if (arg === '--script') { const v = value(); if (!v) return "'--script' needs a file"; a.script = v; }
    else if (arg === '-c') { const v = value(); if (v === undefined) return "'-c' needs the commands to run"; a.command = v; }
    else if (arg === '--realtime') a.realtime = true;
    else if (arg === '--trace') { const v = value(); if (!v) return "'--trace' needs a file name"; a.trace = v; }
    else return `'${arg}' is not an option of paravirt guest`;
  }
  if (a.script !== undefined && a.command !== undefined) return 'give either --script or -c, not both';
  return a;
}

/** Compiles the drivers; on the first that does not build, prints its diagnostics and returns undefined. */
function buildAll(files: string[]): GuestModuleObject[] | undefined {
  const out: GuestModuleObject[] = [];
  for (const file of files) {
    if (!existsSync(file)) {
      console.error(`paravirt guest: cannot read the driver '${file}': no such file`);
      return undefined;
    }
    const b = buildDriver(file);
    if (!b.ok) {
      console.error(b.diagnostics);
      console.error(`paravirt guest: the driver '${file}' does not compile; nothing was run`);
      return undefined;
    }
    out.push({ name: b.name, object: b.object });
  }
  return out;
}

export async function main(args: string[]): Promise<number> {
  const parsed = commandArgs('guest', USAGE, args, parseArgs);
  if (typeof parsed === 'number') return parsed;
  if (parsed.script !== undefined && !existsSync(parsed.script)) {
    console.error(`paravirt guest: cannot read the script '${parsed.script}': no such file`);
    return 2;
  }
  const modules = buildAll([...(parsed.defaultDriver ? [DEFAULT_DRIVER()] : []), ...parsed.drivers]);
  if (!modules) return 2;
  let trace: TraceCollector | undefined;
  const sys = new GuestSystem({
    modules, realtime: parsed.realtime, onSlices: () => trace?.collect(),
    stdout: (b) => { process.stdout.write(b); }, stderr: (b) => { process.stdout.write(b); },
    console: (line) => { process.stderr.write(line); },
    guestError: (message) => { process.stderr.write(`${message}\n`); },
  });
  if (parsed.trace) {
    const tracer = sys.board.tracer;
    trace = new TraceCollector({
      setTrace: (on) => { tracer.enabled = on; },
      drainTrace: () => ({ events: tracer.drain(), dropped: tracer.dropped }),
    });
  }
  await sys.boot();
  const status = await run(sys, parsed);
  trace?.write({ trace: parsed.trace });
  return status;
}

async function run(sys: GuestSystem, parsed: GuestArgs): Promise<number> {
  if (parsed.command !== undefined) return sys.execute(parsed.command);
  if (parsed.script !== undefined) {
    sys.vfs.mkdirp('/root');
    sys.vfs.writeFile('/root/script.sh', readFileSync(parsed.script, 'latin1'), 0o755);
    return sys.runScript('/root/script.sh');
  }
  return interactive(sys);
}

async function interactive(sys: GuestSystem): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.on('SIGINT', () => sys.shell.interrupt());
  let status = 0;
  let pending = '';
  rl.setPrompt(sys.shell.prompt());
  rl.prompt();
  for await (const line of rl) {
    pending += `${line}\n`;
    if (Shell.needsMoreInput(pending)) { rl.setPrompt('> '); rl.prompt(); continue; }
    status = await sys.execute(pending);
    pending = '';
    if (sys.shell.exitStatus !== null || sys.shellKernel.power !== 'on') break;
    rl.setPrompt(sys.shell.prompt());
    rl.prompt();
  }
  rl.close();
  return sys.shell.exitStatus ?? status;
}
