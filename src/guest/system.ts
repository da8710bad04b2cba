// The whole guest: the virt board with the stopwatch, the kernel engine with
// its services, the root file system and the shell, with the drivers given
// (the default stopwatch driver, already compiled) inserted at boot. The
// machine runs in slices (runSlice); `drive` turns slices and the host's
// event loop until a promise of the shell or the kernel settles, jumping
// virtual time forward whenever everything sleeps (or, in real time, waiting
// for the wall clock).

import { VirtBoard } from '../machine/board.ts';
import { createRootFs } from './fs/rootfs.ts';
import { strerror } from './fs/errno.ts';
import { utf8Encode } from './fs/bytes.ts';
import type { Vfs } from './fs/vfs.ts';
import type { ServiceModule } from './kernel/api.ts';
import { GuestKernel, type SliceResult } from './kernel/kernel.ts';
import { ModuleManager } from './kernel/modules.ts';
import { SERVICE_MODULES } from './kernel/services/index.ts';
import { ShellKernel } from './kernel/shell-kernel.ts';
import { Shell } from './shell/shell.ts';

export interface GuestModuleObject {
  /** The module's name (insmod's file name without .ko). */
  name: string;
  object: Uint8Array;
  args?: string;
}

export interface GuestSystemOptions {
  /** Modules inserted at boot, in order. */
  modules?: GuestModuleObject[];
  /** What the shell writes (its stdout and stderr). */
  stdout?: (bytes: Uint8Array) => void;
  stderr?: (bytes: Uint8Array) => void;
  /** Kernel console lines (printk under the console level). */
  console?: (line: string) => void;
  /** Wait for the wall clock instead of jumping over idle time. */
  realtime?: boolean;
  softLockupNs?: number;
  services?: readonly ServiceModule[];
  /** false: the CPU interprets everything, no translation into JavaScript (docs/jit.md). */
  jit?: boolean;
  /** A guest error the stopwatch logged (on_error=log): QEMU's -d guest_errors line. */
  guestError?: (message: string) => void;
  /** Called when the hart stops at one of board.cpu.breakpoints while `drive` runs; the run
   * goes on when it returns. Without it, a breakpoint ends `drive` with an error. */
  onBreakpoint?: (pc: number) => void | Promise<void>;
  /** Called after each run of slices (a trace collector drains the board's tracer there). */
  onSlices?: () => void;
  /** The host runs the machine itself, slice after slice, whether or not a command waits
   * (the page's worker: timers and interrupts go on at the prompt). `drive` then only
   * waits for the work, and boot/execute/runScript settle as the host's slices run. */
  hostDriven?: boolean;
  /** The shell's output goes to a terminal (the page's xterm): `ls` prints its names on one line, as on a tty. */
  terminal?: boolean;
}

/** Instructions per slice when the machine has work. */
const SLICE = 1_000_000;
/** Instructions run back to back before the host's event loop gets a turn
 * (a few milliseconds of the host's time). Counted in instructions, not
 * milliseconds: the kernel's and the shell's host-side steps then run at the
 * same instruction however busy the host is, so a run's trace and log are the
 * same from one run to the next. */
const BUSY_INSNS = 2_000_000;

/** The host's timers (Node or a worker): layer 1 is written for plain ES2022, so they are looked up. */
interface HostTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  setImmediate?(fn: () => void): unknown;
}
const host = globalThis as unknown as HostTimers;
const immediate = (fn: () => void): unknown => (host.setImmediate ? host.setImmediate(fn) : host.setTimeout(fn, 0));
const sleepMs = (ms: number): Promise<void> => new Promise((r) => host.setTimeout(r, ms));

/** One turn of the host's event loop: the promises settled by the last slice run. */
const turn = (): Promise<void> => new Promise((r) => immediate(r));

export class GuestSystem {
  readonly board: VirtBoard;
  readonly kernel: GuestKernel;
  readonly vfs: Vfs;
  readonly modules: ModuleManager;
  readonly shellKernel: ShellKernel;
  readonly shell: Shell;
  private readonly wallStart = Date.now();

  constructor(private readonly opts: GuestSystemOptions = {}) {
    this.board = new VirtBoard({ stopwatch: { startAtBoot: true, onError: 'log' }, jit: opts.jit });
    if (this.board.stopwatch && opts.guestError) this.board.stopwatch.onGuestError = opts.guestError;
    this.vfs = createRootFs();
    this.kernel = new GuestKernel(this.board, {
      vfs: this.vfs, services: opts.services ?? SERVICE_MODULES, softLockupNs: opts.softLockupNs,
    });
    this.kernel.log.onConsole = opts.console ?? null;
    this.modules = new ModuleManager(this.kernel);
    this.shellKernel = new ShellKernel(this.kernel, this.modules);
    this.shell = new Shell({
      vfs: this.vfs, kernel: this.shellKernel,
      stdout: opts.stdout ?? (() => {}), stderr: opts.stderr ?? (() => {}),
      env: { HOME: '/root' }, terminal: opts.terminal,
    });
  }

  /** Powers on, boots the kernel and inserts the boot modules; resolves at the shell prompt. */
  async boot(): Promise<void> {
    await this.drive(this.kernel.whenBooted());
    for (const m of this.opts.modules ?? []) {
      const r = await this.drive(this.modules.insmod(m.name, m.object, m.args ?? ''));
      if (r < 0) this.opts.stderr?.(utf8Encode(`insmod: can't insert '${m.name}.ko': ${strerror(-r)}\n`));
    }
  }

  /** Runs a command line in the shell, as typed at the prompt: its exit status. */
  execute(line: string): Promise<number> {
    return this.drive(this.shell.execute(line));
  }

  runScript(path: string, args: string[] = []): Promise<number> {
    return this.drive(this.shell.runScript(path, args));
  }

  /** At most `maxInsns` instructions (for a host that drives the machine itself). */
  runSlice(maxInsns = SLICE): SliceResult {
    return this.kernel.runSlice(maxInsns);
  }

  /** Runs the machine until `work` settles; its result. */
  async drive<T>(work: Promise<T>): Promise<T> {
    if (this.opts.hostDriven) return work;
    let settled = false;
    const done = work.finally(() => { settled = true; });
    done.catch(() => {});
    while (!settled) {
      const r = this.runBusy();
      this.opts.onSlices?.();
      if (r.kind === 'breakpoint') {
        // A debugger's stop in the middle of a guest call: the host looks and
        // steps, then the run goes on from the instruction under the breakpoint.
        if (!this.opts.onBreakpoint) throw new Error(`the guest stopped at a breakpoint at 0x${r.pc.toString(16)}`);
        await this.opts.onBreakpoint(r.pc);
        this.board.cpu.resumeOverBreakpoint();
        continue;
      }
      if (r.kind === 'halted') {
        await turn();
        if (!settled) throw new Error(`the guest machine stopped: ${r.why}`);
        break;
      }
      await turn();
      if (settled || r.kind !== 'idle' || this.kernel.hasRunnable || this.kernel.live?.state === 'running' && this.kernel.live !== this.kernel.idle) continue;
      await this.idle(r.wakeAtNs);
    }
    return done;
  }

  /** Slices back to back while the hart has work that needs nothing from the host (up to BUSY_INSNS instructions). */
  private runBusy(): SliceResult {
    let ran = 0, slices = 0;
    for (;;) {
      const r = this.kernel.runSlice(SLICE);
      ran += r.insns;
      // (slices: a slice that ran nothing must not spin here forever)
      if (r.kind !== 'ran' || this.kernel.hostWork || ran >= BUSY_INSNS || ++slices >= 1024) return r;
    }
  }

  /** Nothing runs until `wakeAtNs`: jump there (or wait for it in real time). */
  private async idle(wakeAtNs: number): Promise<void> {
    if (wakeAtNs === Infinity) {
      await sleepMs(5); // only the host can end this wait (Ctrl-C)
      return;
    }
    if (this.opts.realtime) {
      const wallNs = (Date.now() - this.wallStart) * 1e6;
      if (wakeAtNs > wallNs) await sleepMs(Math.min(50, (wakeAtNs - wallNs) / 1e6));
      this.kernel.skipTo(Math.min(wakeAtNs, (Date.now() - this.wallStart) * 1e6));
      return;
    }
    this.kernel.skipTo(wakeAtNs);
  }
}
