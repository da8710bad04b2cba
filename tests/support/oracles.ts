// The test oracles in one place: Debian's riscv64-unknown-elf-gcc builds guest
// programs, qemu-system-riscv32 -M virt runs them (deterministically, with
// -icount), dtc reads device trees, and our VirtBoard runs the same ELF. Every
// tool's exit status is checked, and a hang is reported as a hang, never as a
// wrong answer.
//
// API (import from tests/support/oracles.ts):
//   GUEST_MARCH, GUEST_ABI, GUEST_TARGET   -march/-mabi of every gcc-built program that runs
//   KERNEL_C_MARCH, KERNEL_C_TARGET        -march/-mabi when gcc's output is compared with kernel-C's
//   gcc(args, { cwd?, input? })            gcc with GUEST_TARGET; throws gcc's messages on failure
//   gccText(args, opts)                    the same, GUEST_TARGET left to the caller; returns stdout
//   gccRaw(args, opts)                     gcc's child process, status unchecked (tests of gcc's own diagnostics)
//   buildBaremetal(name, elf)              tests/baremetal/NAME.c + crt0.S + common.c (-O2)
//   buildBaremetalAsm(source, elf)         an assembly file linked with tests/baremetal/link.ld
//   buildBaremetalFrom(sources, elf, flags) any sources with the tests/baremetal runtime
//   buildWithCorpusRuntime(sources, elf, { opt?, flags?, cwd?, libc? })  the compiler corpus's crt0, link script, libc, libgcc
//   libgccPath()                           libgcc.a for the guests (RV32IM, ilp32)
//   runQemu(elf, { input?, timeoutMs?, clock? }) → { output, exitCode }  (throws QemuTimeout on a hang)
//   qemuArgs(elf), baremetalGccArgs(...)   the command lines themselves (tests/baremetal/run-qemu.sh shows them)
//   qemuTrapLog(elf, bytes)                the start of QEMU's `-d int` log of a program that never stops
//   qemuDumpDtb(file)                      QEMU's own virt DTB, written to file
//   dtc(args, { input? })                  dtc's { stdout, stderr }; throws when dtc fails
//   runOnBoard(elf, { maxInsns?, board? }) → { output, exitCode }  our VirtBoard, in process
//   runCli(args, { input?, maxBuffer? })   `node bin/paravirt.mjs ARGS` as a user runs it (status left to the test)
//   HANG_GUARD_MS                          a vitest timeout for tests that spawn several processes
//   firstDifference(ours, theirs)          the first differing line of two transcripts, for messages
//
// QEMU always runs with `-icount shift=0,sleep=off`: its virtual clock then
// advances 1 ns per instruction, as ours does, and an idle hart jumps to the
// next timer deadline; so what a program prints cannot depend on how busy the
// test machine is. The time limit is only a guard against a hang.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VirtBoard, type BoardConfig } from '../../src/machine/board.ts';

/** The ISA of every gcc-built guest program (one line to change when the hart gains an extension). */
export const GUEST_MARCH = 'rv32imac_zicsr';
export const GUEST_ABI = 'ilp32';
export const GUEST_TARGET: readonly string[] = [`-march=${GUEST_MARCH}`, `-mabi=${GUEST_ABI}`];
/** What the kernel-C compiler emits (no compressed instructions): gcc's -E, -S and
 * diagnostics are compared with ours for this target, whatever the guests use. */
export const KERNEL_C_MARCH = 'rv32ima_zicsr';
export const KERNEL_C_TARGET: readonly string[] = [`-march=${KERNEL_C_MARCH}`, `-mabi=${GUEST_ABI}`];
/** libgcc's multilib: there is none for rv32ima, and RV32IM code runs on every hart we build for. */
const LIBGCC_TARGET = ['-march=rv32im', `-mabi=${GUEST_ABI}`];

export const GCC = 'riscv64-unknown-elf-gcc';
export const QEMU = 'qemu-system-riscv32';
/** A hang guard, not a measurement: generous, so that a loaded machine never trips it. */
export const QEMU_TIMEOUT_MS = 30_000;
/** The same for one run of our own CLI (its start-up is slow on a loaded machine). */
const CLI_TIMEOUT_MS = 120_000;
/** A vitest time limit for a test that spawns several processes: a hang guard too. */
export const HANG_GUARD_MS = 600_000;
const QEMU_MACHINE = ['-M', 'virt', '-bios', 'none', '-nographic', '-no-reboot'];
const QEMU_ICOUNT = ['-icount', 'shift=0,sleep=off'];
/** Bare metal: no C library, no start files, our own link script. */
const BARE = ['-ffreestanding', '-nostdlib', '-nostartfiles', '-Wl,--no-warn-rwx-segments'];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BAREMETAL_DIR = join(ROOT, 'tests', 'baremetal');
const CORPUS_RUNTIME = join(ROOT, 'tests', 'cc');

/** What a guest printed on UART0 and the status it powered off with. */
export interface GuestRun { output: string; exitCode: number }

/** QEMU was killed by the time limit: a hang or an overloaded machine, not a wrong answer. */
export class QemuTimeout extends Error {
  override name = 'QemuTimeout';
}

interface ToolOptions { cwd?: string; input?: string; maxBuffer?: number }

/** Runs a tool to completion; its stdout, or an error with its messages and status. */
function tool(cmd: string, args: readonly string[], opts: ToolOptions = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, input: opts.input, encoding: 'utf8', maxBuffer: opts.maxBuffer ?? 1 << 26,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  const e = r.error as NodeJS.ErrnoException | undefined;
  if (e?.code === 'ENOENT') throw new Error(`${cmd} is not installed: run 'npm test' once (it installs the test tools with apt-get, or prints the line that does)`);
  if (e) throw new Error(`${cmd} could not run: ${e.message}`);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.signal ? `killed by ${r.signal}` : `exit status ${r.status}`}):\n${r.stderr}`);
  }
  return r;
}

/** gcc with the guests' -march/-mabi; returns what it printed on stdout. */
export function gcc(args: readonly string[], opts: ToolOptions = {}): string {
  return tool(GCC, [...GUEST_TARGET, ...args], opts).stdout;
}

/** gcc with only the arguments given (the caller picks the target, e.g. KERNEL_C_TARGET). */
export function gccText(args: readonly string[], opts: ToolOptions = {}): string {
  return tool(GCC, args, opts).stdout;
}

/** gcc as a child process, status unchecked: for tests about gcc's own errors and warnings. */
export function gccRaw(args: readonly string[], opts: ToolOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(GCC, args, { cwd: opts.cwd, input: opts.input, encoding: 'utf8',
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
}

/** Any sources linked with the tests/baremetal runtime (crt0.S, link.ld); extra flags before them. */
export function buildBaremetalFrom(sources: readonly string[], elf: string, flags: readonly string[] = ['-O2']): string {
  gcc(baremetalGccArgs(sources, elf, flags));
  return elf;
}

/** gcc's arguments after GUEST_TARGET for buildBaremetalFrom (run-qemu.sh prints them). */
export function baremetalGccArgs(sources: readonly string[], elf: string, flags: readonly string[] = ['-O2']): string[] {
  return [...flags, ...BARE, '-T', join(BAREMETAL_DIR, 'link.ld'), '-o', elf, join(BAREMETAL_DIR, 'crt0.S'), ...sources];
}

/** tests/baremetal/NAME.c with its crt0.S and common.c, as tests/baremetal/README.md builds it. */
export function buildBaremetal(name: string, elf: string): string {
  return buildBaremetalFrom([join(BAREMETAL_DIR, 'common.c'), join(BAREMETAL_DIR, `${name}.c`)], elf);
}

/** An assembly program (entry `_start` in .text.init) linked with tests/baremetal/link.ld, no crt0. */
export function buildBaremetalAsm(source: string, elf: string): string {
  gcc([...BARE, '-T', join(BAREMETAL_DIR, 'link.ld'), '-o', elf, source]);
  return elf;
}

export function libgccPath(): string {
  return gccText([...LIBGCC_TARGET, '-print-libgcc-file-name']).trim();
}

/** Sources built with the compiler corpus's runtime: tests/cc/gcc/crt0.S and link.ld, then
 * tests/cc/runtime/libc.c and libgcc unless `libc` is false. Built in `cwd` (default: the
 * first source's folder) with the names relative to it, so __FILE__ is a base name. */
export function buildWithCorpusRuntime(sources: readonly string[], elf: string,
  opts: { opt?: string; flags?: readonly string[]; cwd?: string; libc?: boolean } = {}): string {
  const cwd = opts.cwd ?? dirname(sources[0]);
  const libs = opts.libc === false ? [] : [join(CORPUS_RUNTIME, 'runtime', 'libc.c'), libgccPath()];
  gcc([opts.opt ?? '-O1', ...(opts.flags ?? []), ...BARE, '-T', join(CORPUS_RUNTIME, 'gcc', 'link.ld'), join(CORPUS_RUNTIME, 'gcc', 'crt0.S'),
    ...sources.map((s) => (dirname(s) === cwd ? basename(s) : s)), ...libs, '-o', elf], { cwd });
  return elf;
}

export interface QemuOptions {
  /** Bytes typed on the guest's UART0 (stdin); none by default. */
  input?: string;
  timeoutMs?: number;
  /** 'icount' (the default): deterministic. 'host': QEMU at full speed, for benchmarks only. */
  clock?: 'icount' | 'host';
  /** More QEMU options, before -kernel. */
  args?: readonly string[];
}

function spawnQemu(what: string, args: readonly string[], opts: QemuOptions & { maxBuffer?: number }): SpawnSyncReturns<string> {
  const timeoutMs = opts.timeoutMs ?? QEMU_TIMEOUT_MS;
  const r = spawnSync(QEMU, args, { input: opts.input, encoding: 'latin1', timeout: timeoutMs, killSignal: 'SIGKILL',
    maxBuffer: opts.maxBuffer ?? 1 << 26, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  const e = r.error as NodeJS.ErrnoException | undefined;
  if (e?.code === 'ENOENT') throw new Error(`${QEMU} is not installed: run 'npm test' once (it installs the test tools with apt-get, or prints the line that does)`);
  if (e?.code === 'ETIMEDOUT') {
    throw new QemuTimeout(`QEMU did not finish ${what} within ${timeoutMs / 1000} s (killed by the time limit): `
      + `the program may hang, or the test machine may be overloaded. Output so far:\n${r.stdout ?? ''}`);
  }
  if (e && e.code !== 'ENOBUFS') throw new Error(`${QEMU} could not run ${what}: ${e.message}`);
  return r;
}

/** QEMU's arguments for runQemu (run-qemu.sh runs QEMU with them, interactively). */
export function qemuArgs(elf: string, opts: QemuOptions = {}): string[] {
  return [...QEMU_MACHINE, ...(opts.clock === 'host' ? [] : QEMU_ICOUNT), ...(opts.args ?? []), '-kernel', elf];
}

/** Runs an ELF on qemu-system-riscv32 -M virt -bios none until the guest powers off. */
export function runQemu(elf: string, opts: QemuOptions = {}): GuestRun {
  if (opts.input === undefined) return runQemuToFile(elf, opts);
  const r = spawnQemu(basename(elf), qemuArgs(elf, opts), opts);
  if (r.signal) throw new Error(`QEMU running ${basename(elf)} was killed by ${r.signal}:\n${r.stderr}`);
  // QEMU's own failures (no such file, bad option) are prefixed with its name; a guest's exit status is not.
  if (new RegExp(`^${QEMU}: (?!warning)`, 'm').test(r.stderr)) throw new Error(`QEMU could not run ${basename(elf)} (status ${r.status}):\n${r.stderr}`);
  return { output: r.stdout, exitCode: r.status! };
}

/**
 * runQemu with UART0 written to a file instead of a pipe. Through a pipe,
 * QEMU's UART write can find the pipe busy and retry later, and a guest that
 * powers off right after printing may lose its last bytes (seen under load);
 * a file write never has to wait.
 */
function runQemuToFile(elf: string, opts: QemuOptions): GuestRun {
  const dir = mkdtempSync(join(tmpdir(), 'qemu-uart-'));
  try {
    const uart = join(dir, 'uart0.txt');
    const args = qemuArgs(elf, opts).flatMap((a) => (a === '-nographic' ? ['-display', 'none', '-monitor', 'none', '-serial', `file:${uart}`] : [a]));
    const r = spawnQemu(basename(elf), args, opts);
    if (r.signal) throw new Error(`QEMU running ${basename(elf)} was killed by ${r.signal}:\n${r.stderr}`);
    if (new RegExp(`^${QEMU}: (?!warning)`, 'm').test(r.stderr)) throw new Error(`QEMU could not run ${basename(elf)} (status ${r.status}):\n${r.stderr}`);
    return { output: existsSync(uart) ? readFileSync(uart, 'latin1') : '', exitCode: r.status! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first `bytes` of QEMU's `-d int` trap log (on stderr) for a program that never
 * powers off: QEMU is stopped once that much is logged. */
export function qemuTrapLog(elf: string, bytes: number): string {
  const r = spawnQemu(basename(elf), qemuArgs(elf, { args: ['-d', 'int'] }), { maxBuffer: bytes });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOBUFS') {
    throw new Error(`QEMU stopped running ${basename(elf)} (status ${r.status}) before logging ${bytes} bytes of traps:\n${r.stderr}`);
  }
  return r.stderr;
}

/** QEMU's own device tree for -M virt (riscv32), written to `file`. */
export function qemuDumpDtb(file: string): Uint8Array {
  const r = spawnQemu('dumpdtb', ['-M', `virt,dumpdtb=${file}`, '-bios', 'none', '-nographic', '-no-reboot'], {});
  if (r.status !== 0) throw new Error(`QEMU could not dump its DTB (status ${r.status}):\n${r.stderr}`);
  return new Uint8Array(readFileSync(file));
}

/** dtc (the device-tree compiler); throws with its messages when it fails. */
export function dtc(args: readonly string[], opts: ToolOptions = {}): { stdout: string; stderr: string } {
  const r = tool('dtc', args, opts);
  return { stdout: r.stdout, stderr: r.stderr };
}

export interface BoardRunOptions {
  /** Instructions before giving up (a guard against a guest that never powers off). */
  maxInsns?: number;
  board?: Partial<BoardConfig>;
  /** Called with the new board before it loads the ELF (to hook notices, tracing…). */
  prepare?: (board: VirtBoard) => void;
}

/** Runs an ELF (a path or its bytes) on our VirtBoard until it powers off, as QEMU would. */
export function runOnBoard(elf: string | Uint8Array, opts: BoardRunOptions = {}): GuestRun {
  const name = typeof elf === 'string' ? basename(elf) : 'the program';
  const board = new VirtBoard(opts.board);
  opts.prepare?.(board);
  board.loadElf(typeof elf === 'string' ? new Uint8Array(readFileSync(elf)) : elf, name);
  const maxInsns = opts.maxInsns ?? 100_000_000;
  let output = '';
  for (let total = 0; total < maxInsns;) {
    const stop = board.run(Math.min(1_000_000, maxInsns - total));
    output += Buffer.from(board.takeUartOutput()).toString('latin1');
    total += stop.insns;
    if (stop.reason === 'poweroff') return { output, exitCode: stop.exitCode };
    if (stop.reason !== 'budget') throw new Error(`${name} stopped on our board: ${JSON.stringify(stop)}; output so far:\n${output}`);
  }
  throw new Error(`${name} did not power off on our board within ${maxInsns} instructions; output so far:\n${output}`);
}

/** Runs `node bin/paravirt.mjs ARGS` in the repository, as a user runs it; its exit status is
 * the test's to check, a hang is thrown as one. */
export function runCli(args: readonly string[], opts: { input?: string; maxBuffer?: number } = {}): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'paravirt.mjs'), ...args], { cwd: ROOT, encoding: 'latin1',
    input: opts.input, timeout: CLI_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: opts.maxBuffer ?? 1 << 26,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    throw new Error(`paravirt ${args.join(' ')} did not finish within ${CLI_TIMEOUT_MS / 1000} s (killed by the time limit): `
      + 'it may hang, or the test machine may be overloaded');
  }
  if (r.error) throw r.error;
  return r;
}

/** The first line where two transcripts differ, for a readable failure. */
export function firstDifference(ours: string, theirs: string): string | undefined {
  const a = ours.split('\n'), b = theirs.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: ours ${JSON.stringify(a[i])}, the oracle's ${JSON.stringify(b[i])}`;
  }
  return undefined;
}
