// When driver code goes wrong: an exception in S-mode (a bad load or store,
// an illegal instruction), a bad pointer handed to a kernel service, a stack
// that ran into its guard gap, or a task that keeps the hart too long (soft
// lockup). Each is reported in the kernel log in the shape Linux riscv's
// die() / show_regs() / the soft-lockup watchdog print, with a symbolic call
// trace; then the task is aborted, the kernel tainted, and the system goes on.

import { TaskAborted, type GuestFault } from './api.ts';
import { PT_REGS } from './entry.ts';
import type { GuestKernel } from './kernel.ts';
import { RET_SLOT, TASK_EXIT_SLOT, WINDOW_BASE } from './layout.ts';
import type { Task } from './task.ts';

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** Linux's taint letters, in print_tainted's order (P prints as G when clear). */
const TAINT_ORDER = 'PFSRMBUDAWCIOELKXTN';

const CAUSE_TEXT: Record<number, string> = {
  0: 'instruction address misaligned', 1: 'instruction access fault', 2: 'illegal instruction', 3: 'kernel BUG',
  4: 'load address misaligned', 5: 'load access fault', 6: 'store (or AMO) address misaligned',
  7: 'store (or AMO) access fault', 8: 'environment call from U-mode', 12: 'instruction page fault',
  13: 'load page fault', 15: 'store page fault',
};

/** The registers show_regs prints, by ABI name, in its order after epc. */
const REG_ORDER: Array<[string, number]> = [
  ['ra', 1], ['sp', 2], ['gp', 3], ['tp', 4], ['t0', 5], ['t1', 6], ['t2', 7], ['s0', 8], ['s1', 9],
  ['a0', 10], ['a1', 11], ['a2', 12], ['a3', 13], ['a4', 14], ['a5', 15], ['a6', 16], ['a7', 17],
  ['s2', 18], ['s3', 19], ['s4', 20], ['s5', 21], ['s6', 22], ['s7', 23], ['s8', 24], ['s9', 25],
  ['s10', 26], ['s11', 27], ['t3', 28], ['t4', 29], ['t5', 30], ['t6', 31],
];

/** A trapped register file: x[1..31], epc, status, badaddr, cause. */
export interface TrapRegs {
  x: ArrayLike<number>;
  epc: number;
  status: number;
  badaddr: number;
  cause: number;
}

export class Faults {
  private dieCounter = 0;

  constructor(private readonly k: GuestKernel) {}

  // ---- the reports ----

  /** The trap entry's call: an exception in S-mode, its pt_regs at `regsAddr`. */
  exception(task: Task, regsAddr: number): void {
    const regs = this.readPtRegs(regsAddr);
    const cause = regs.cause & 0x7fffffff;
    const lines: string[] = [];
    if ([1, 5, 7, 12, 13, 15].includes(cause)) {
      lines.push(regs.badaddr >>> 0 < 4096
        ? `Unable to handle kernel NULL pointer dereference at virtual address ${hex8(regs.badaddr)}`
        : `Unable to handle kernel paging request at virtual address ${hex8(regs.badaddr)}`);
      lines.push(`Oops [#${++this.dieCounter}]`);
    } else lines.push(`Oops - ${CAUSE_TEXT[cause] ?? `cause ${cause}`} [#${++this.dieCounter}]`);
    this.die(task, lines, regs, regsAddr + PT_REGS.size);
  }

  /** A kernel service was handed an address it cannot use. */
  serviceFault(task: Task, fault: GuestFault, pc: number, headline?: string): void {
    const regs = this.regsOf(task, pc);
    regs.badaddr = fault.addr;
    regs.cause = fault.access === 'load' ? 13 : 15;
    const first = headline ?? (fault.addr >>> 0 < 4096
      ? `Unable to handle kernel NULL pointer dereference at virtual address ${hex8(fault.addr)}`
      : `Unable to handle kernel paging request at virtual address ${hex8(fault.addr)}`);
    this.die(task, [first, `Oops [#${++this.dieCounter}]`], regs, regs.x[2]);
  }

  private die(task: Task, head: string[], regs: TrapRegs, sp: number): void {
    this.k.taints.add('D');
    const lines = [...head, this.modulesLinkedIn(), ...this.showRegs(task, regs), ...this.callTrace(task, regs, sp),
      '---[ end trace 0000000000000000 ]---'];
    for (const l of lines) this.k.log.write(0, l);
    this.k.abortTask(task, new TaskAborted('oops', head.join(': ')));
  }

  /** At a slice's end: the running task's stack and the watchdog. */
  watch(task: Task): void {
    if (task === this.k.idle && this.idleInLoop()) {
      task.onCpuSinceNs = this.k.board.clock.nowNs();
      return;
    }
    if (this.checkStack(task, this.k.cpu.pc)) return;
    const ran = this.k.board.clock.nowNs() - task.onCpuSinceNs;
    if (ran > this.k.softLockupNs) this.softLockup(task, ran);
  }

  private idleInLoop(): boolean {
    const pc = this.k.cpu.pc, s = this.k.image.symbols;
    return pc >= s.get('idle_loop')! && pc < s.get('idle_loop_end')!;
  }

  private softLockup(task: Task, ranNs: number): void {
    this.k.taints.add('L');
    const regs = this.liveRegs();
    const lines = [`watchdog: BUG: soft lockup - CPU#0 stuck for ${Math.floor(ranNs / 1e9)}s! [${task.comm}:${task.pid}]`,
      this.modulesLinkedIn(), ...this.showRegs(task, regs), ...this.callTrace(task, regs, regs.x[2])];
    for (const l of lines) this.k.log.write(0, l);
    this.k.abortTask(task, new TaskAborted('lockup', lines[0]));
  }

  /** True (and the task aborted) if its stack pointer has left its stack for the guard gap below. */
  checkStack(task: Task, pc: number): boolean {
    const sp = this.k.cpu.x[2] >>> 0;
    if (this.k.live !== task || sp >= task.stackBase || sp < task.stackBase - 0x100000) return false;
    const regs = this.liveRegs();
    regs.epc = pc;
    this.k.taints.add('D');
    const head = ['Insufficient stack space to handle exception!',
      `Task stack:     [0x${hex8(task.stackBase)}..0x${hex8(task.stackTop)}]`, `Kernel stack overflow`,
      `Oops - kernel stack overflow [#${++this.dieCounter}]`];
    const lines = [...head, this.modulesLinkedIn(), ...this.showRegs(task, regs), ...this.callTrace(task, regs, task.stackBase)];
    for (const l of lines) this.k.log.write(0, l);
    this.k.abortTask(task, new TaskAborted('oops', 'kernel stack overflow'));
    return true;
  }

  /** A trap that reached M-mode: the kernel's own set-up is broken; the machine stops. */
  machineTrap(): boolean {
    const c = this.k.cpu.csr;
    this.k.log.write(0, `Kernel panic - not syncing: a trap reached machine mode (mcause ${hex8(c.mcause)}, mepc ${hex8(c.mepc)}, mtval ${hex8(c.mtval)})`);
    this.k.board.deviceError('hart', 'the guest kernel panicked: a trap reached machine mode');
    return true;
  }

  /** What dump_stack() prints for the running task: who, where, and the call trace. */
  dumpStack(task: Task): string[] {
    const regs = this.regsOf(task, this.k.live === task ? this.k.cpu.pc : task.ctx.pc);
    return [`CPU: 0 PID: ${task.pid} Comm: ${task.comm} ${this.tainted()} 6.1.0 #1`, 'Hardware name: riscv-virtio,qemu (DT)',
      ...this.callTrace(task, regs, regs.x[2])];
  }

  // ---- the pieces ----

  private readPtRegs(addr: number): TrapRegs {
    const ram = this.k.ram;
    const x = new Int32Array(32);
    for (let n = 1; n < 32; n++) x[n] = ram.i32(addr + 4 * n);
    return { x, epc: ram.u32(addr + PT_REGS.epc), status: ram.u32(addr + PT_REGS.status), badaddr: ram.u32(addr + PT_REGS.badaddr), cause: ram.u32(addr + PT_REGS.cause) };
  }

  private liveRegs(): TrapRegs {
    const cpu = this.k.cpu;
    return { x: cpu.x.slice(), epc: cpu.pc, status: cpu.csr.mstatus & 0x000c_0122, badaddr: 0, cause: 0 };
  }

  private regsOf(task: Task, pc: number): TrapRegs {
    const x = this.k.live === task ? this.k.cpu.x.slice() : task.ctx.x.slice();
    return { x, epc: pc, status: (this.k.live === task ? this.k.cpu.csr.mstatus : task.ctx.csrs.sstatus) & 0x000c_0122, badaddr: 0, cause: 0 };
  }

  modulesLinkedIn(): string {
    const mods = this.k.modules.map((m) => (m.taints.length ? `${m.name}(${m.taints.join('')})` : m.name));
    return `Modules linked in:${mods.length ? ` ${mods.join(' ')}` : ''}`;
  }

  tainted(): string {
    const t = this.k.taints;
    if (t.size === 0) return 'Not tainted';
    return `Tainted: ${[...TAINT_ORDER].map((c) => (t.has(c) ? c : c === 'P' ? 'G' : ' ')).join('')}`;
  }

  private showRegs(task: Task, r: TrapRegs): string[] {
    const out = [`CPU: 0 PID: ${task.pid} Comm: ${task.comm} ${this.tainted()} 6.1.0 #1`, 'Hardware name: riscv-virtio,qemu (DT)',
      `epc : ${this.symbolize(r.epc)}`, ` ra : ${this.symbolize(r.x[1])}`];
    const cells: string[] = [`epc : ${hex8(r.epc)}`, ...REG_ORDER.map(([n, i]) => `${n.padEnd(3, ' ')}: ${hex8(r.x[i])}`)];
    for (let i = 0; i < cells.length; i += 3) out.push(`${i ? ' ' : ''}${cells.slice(i, i + 3).join(' ')}`);
    out.push(`status: ${hex8(r.status)} badaddr: ${hex8(r.badaddr)} cause: ${hex8(r.cause)}`);
    return out;
  }

  /** epc, ra, then every return address found on the stack from sp up (Linux's stack scan). */
  private callTrace(task: Task, r: TrapRegs, sp: number): string[] {
    const out = ['Call Trace:'];
    const seen: number[] = [r.epc >>> 0];
    if (this.isText(r.x[1])) seen.push(r.x[1] >>> 0);
    const frames = [...task.frames].reverse();
    for (let a = (sp & ~3) >>> 0; a < task.stackTop && seen.length < 24; a += 4) {
      const w = this.k.ram.contains(a, 4) ? this.k.ram.u32(a) : 0;
      if (w === RET_SLOT) {
        const f = frames.shift();
        if (f?.via) seen.push(f.via);
        continue;
      }
      if (this.isText(w) && w !== seen[seen.length - 1]) seen.push(w);
    }
    for (const f of frames) if (f.via) seen.push(f.via);
    for (const a of seen) out.push(`[<${hex8(a)}>] ${this.symbolize(a)}`);
    return out;
  }

  private isText(addr: number): boolean {
    const a = addr >>> 0;
    if (a === RET_SLOT || a === TASK_EXIT_SLOT) return false;
    if (a >= WINDOW_BASE && a < this.k.serviceWindow.end) return true;
    return this.k.modules.some((m) => m.sections.some((s) => s.name.includes('text') && a >= s.addr && a < s.addr + s.size));
  }

  /** "stopwatch_read+0x1c/0x60 [stopwatch]", "printk+0x0/0x4", or the address in hex. */
  symbolize(addr: number): string {
    const a = addr >>> 0;
    const w = this.k.serviceWindow.describe(a);
    if (w) return w;
    if (a === RET_SLOT) return 'ret_from_kernel_call+0x0/0x4';
    if (a === TASK_EXIT_SLOT) return 'ret_from_kernel_thread+0x0/0x4';
    for (const m of this.k.modules) {
      const sec = m.sections.find((s) => a >= s.addr && a < s.addr + s.size);
      if (!sec) continue;
      let best: [string, number] | undefined;
      let next = sec.addr + sec.size;
      for (const [name, v] of m.symbols) {
        const alias = name === 'init_module' || name === 'cleanup_module'; // module_init's aliases: the driver's name reads better
        if (v <= a && v >= sec.addr && (!best || v > best[1] || (v === best[1] && !alias))) best = [name, v];
      }
      if (!best) return `${sec.name}+0x${(a - sec.addr).toString(16)} [${m.name}]`;
      for (const v of m.symbols.values()) if (v > best[1] && v < next) next = v;
      return `${best[0]}+0x${(a - best[1]).toString(16)}/0x${(next - best[1]).toString(16)} [${m.name}]`;
    }
    const image = [...this.k.image.symbols].filter(([n, v]) => v <= a && !n.startsWith('_') && !n.endsWith('_end')).sort((x, y) => y[1] - x[1])[0];
    if (image && a < this.k.image.symbols.get('_etext')!) return `${image[0]}+0x${(a - image[1]).toString(16)}`;
    return `0x${hex8(a)}`;
  }
}
