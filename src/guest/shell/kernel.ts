// What the shell's commands ask of the guest kernel: its virtual clock, its
// log, modules, processes and power. The kernel implements it; the tests
// use FakeKernel (fake-kernel.ts). Errors are negative Linux errnos.
import type { InterruptSignal } from '../fs/provider.ts';

export interface ModuleInfo { name: string; size: number; refcount: number; usedBy: string[] }
export interface ProcessInfo { pid: number; user: string; state: string; command: string }
export interface Utsname { sysname: string; nodename: string; release: string; version: string; machine: string }

export interface Kernel {
  /** Waits `ns` nanoseconds of virtual time; ends early (rejecting or not) when interrupted. */
  sleep(ns: bigint, signal: InterruptSignal): Promise<void>;
  /** Gives the machine and the terminal a turn while a command is busy. */
  yield(): Promise<void>;
  /** The kernel log as `dmesg` prints it. */
  dmesg(): string;
  clearLog(): void;
  /** Loads a module file (its bytes) with `name=value` parameters: 0 or -errno. */
  insmod(path: string, image: Uint8Array, params: string[]): Promise<number>;
  rmmod(name: string): Promise<number>;
  lsmod(): ModuleInfo[];
  /** The .modinfo fields of a module file (license, author, parm, ...), or -errno. */
  modinfo(image: Uint8Array): Array<[string, string]> | number;
  uname(): Utsname;
  ps(): ProcessInfo[];
  /** Sends signal `sig` to `pid`: 0 or -errno. */
  kill(pid: number, sig: number): number;
  poweroff(): void;
  reboot(): void;
  /** The shell's own process id ($$). */
  readonly shellPid: number;
}
