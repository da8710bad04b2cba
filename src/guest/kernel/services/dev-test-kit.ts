// For the device and time services' tests: a FakeKernelContext with a kernel
// symbol table (each service at a made-up address that calls the service, as
// a driver's call through a function pointer would; each variable in the fake
// heap), the board's DTB in RAM where the boot ROM would pass it, and the
// modules' boot steps run in order.
import type { ServiceModule, ServiceValue } from '../api.ts';
import { FakeKernelContext, fakeArgs } from '../fake-context.ts';
import type { TaskInfo } from '../api.ts';
import { TASK_STRUCT } from './dev-layouts.ts';

export type DevGuestFn = (k: DevKernel, ...args: number[]) => number | Promise<number>;

export interface TestTask extends TaskInfo {
  signalPending: boolean;
  signal(): void;
}

function asWord(v: ServiceValue): number {
  if (v === undefined) return 0;
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v | 0;
}

export class DevKernel extends FakeKernelContext {
  private readonly symbolTable = new Map<string, number>();
  private readonly services = new Map<string, ServiceModule['services'][string]>();

  constructor(readonly modules: readonly ServiceModule[], dtb?: Uint8Array, ramSize = 8 << 20) {
    super(ramSize);
    if (dtb) {
      const at = this.kmalloc(dtb.length, 8);
      this.ram.setBytes(at, dtb);
      // The fake's dtbAddr is a constant 0 for services that need no DTB.
      Object.assign(this, { dtbAddr: at });
    }
    for (const m of modules) {
      for (const [name, service] of Object.entries(m.services)) {
        this.services.set(name, service);
        this.symbolTable.set(name, this.defineGuestFunction(name, async (k, ...args) => asWord(await service(k, fakeArgs(k.ram, args)))));
      }
      for (const [name, v] of Object.entries(m.variables ?? {})) {
        const addr = this.kmalloc(v.size, v.align ?? 4);
        this.ram.fill(addr, 0, v.size);
        this.symbolTable.set(name, addr);
      }
    }
  }

  /** Tasks the services started (kworker, ksoftirqd, kthreads), with their comm, in order. */
  readonly spawned: Array<{ comm: string; fn: number; args: number[]; taskStruct: number }> = [];

  /** As the fake's spawn, with a task_struct in RAM and the new task current while its function starts. */
  override spawn(comm: string, fn: number, args: number[]) {
    const task = this.task(1000 + this.spawned.length, comm);
    this.spawned.push({ comm, fn, args, taskStruct: task.taskStruct });
    const before = this.current;
    this.current = task;
    const done = this.callGuest(fn, ...args);
    this.current = before;
    return { ...task, done };
  }

  override symbolAddress(name: string): number {
    return this.symbolTable.get(name) ?? 0;
  }

  async boot(): Promise<this> {
    for (const m of this.modules) {
      for (const [name, v] of Object.entries(m.variables ?? {})) v.init?.(this, this.symbolTable.get(name)!);
    }
    for (const m of this.modules) await m.boot?.(this);
    return this;
  }

  /** A "guest function" whose body gets this kernel with its test helpers (call, str...). */
  fn(name: string, body: DevGuestFn): number {
    return this.defineGuestFunction(name, (_k, ...args) => body(this, ...args));
  }

  /** Calls a service as a driver would, with word arguments (64-bit ones as two words, low first). */
  call(name: string, ...args: number[]): ServiceValue | Promise<ServiceValue> {
    const s = this.services.get(name);
    if (!s) throw new Error(`no service ${name}`);
    return s(this, fakeArgs(this.ram, args));
  }

  /** A NUL-terminated string in the fake heap. */
  str(text: string): number {
    const p = this.kmalloc(text.length + 1, 1);
    this.ram.setCString(p, text);
    return p;
  }

  /** Zeroed memory in the fake heap. */
  zalloc(size: number): number {
    const p = this.kmalloc(size, 8);
    this.ram.fill(p, 0, size);
    return p;
  }

  /** A file's whole text as `cat` would read it (provider files included). */
  async cat(path: string): Promise<string> {
    const f = await this.vfs.open(path, { read: true });
    let text = '';
    for (let chunk = await f.read(4096); chunk.length; chunk = await f.read(4096)) text += String.fromCharCode(...chunk);
    await f.close();
    return text;
  }

  /** A task with its own task_struct in RAM, to play the caller; `signal()` sends it a signal. */
  task(pid: number, comm: string): TestTask {
    const listeners: Array<() => void> = [];
    const t: TestTask = {
      pid, comm, taskStruct: this.zalloc(TASK_STRUCT.size), signalPending: false,
      onSignal(l) { listeners.push(l); return () => { const i = listeners.indexOf(l); if (i >= 0) listeners.splice(i, 1); }; },
      signal() { t.signalPending = true; listeners.splice(0).forEach((l) => l()); },
    };
    return t;
  }

  lines(): string[] {
    return this.log.map((l) => l.text);
  }
}

