// The virt board's hart: RV32IMAC + Zicsr (+ Zifencei as a no-op), machine,
// supervisor and user modes with PMP (no paging, no FPU), traps, delegation
// and interrupts per the RISC-V privileged spec v1.12, with
// QEMU 7.2's choices where the spec leaves room or QEMU differs (mtval
// contents, LR/SC, WARL CSRs, interrupt order, AMO fault causes, mret to U
// without a PMP entry); each is noted where it is implemented.

import type { Bus } from '../bus.ts';
import type { InstructionCounter } from '../clock.ts';
import type { Tracer } from '../trace/tracer.ts';
import type { CpuRegisters } from '../../protocol/cpu-state.ts';
import { BreakpointBitmap } from './breakpoint-bitmap.ts';
import { CsrFile, type CsrHost } from './csr.ts';
import { CAUSE_FETCH_ACCESS, CAUSE_ILLEGAL_INSTRUCTION, CAUSE_MISALIGNED_FETCH } from './trap-causes.ts';
import { RVC_EXPANSION } from './rvc.ts';
import { enterTrap, pendingInterrupt } from './trap.ts';
import { isFloatingPointInstruction, NO_FPU_NOTICE } from './no-fpu.ts';
import { pmpAllows, PMP_X } from './pmp.ts';
import { RamWindows } from './ram-windows.ts';
import { Watchpoints } from './watchpoints.ts';
import { disassemble } from './disasm.ts';
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from './muldiv.ts';
import { executeAmo, executeSystem, loadSlow, storeSlow } from './slow-path.ts';
import { saveCpuState, loadCpuState, cpuRegisters, type CpuState } from './cpu-snapshot.ts';
import { STEP_BUDGET, STEP_WFI, STEP_BREAKPOINT, STEP_EXIT, type StepResult } from './step-result.ts';
import { Translator } from './jit/translator.ts';
import { runTranslated } from './jit/dispatch.ts';

export { STEP_BUDGET, STEP_WFI, STEP_BREAKPOINT, STEP_EXIT, type StepResult };

export class Cpu implements InstructionCounter, CsrHost {
  /** pc as an int32 (the hot loop's representation); `pc` is its unsigned view. */
  pcI = 0;
  /** pc of the last breakpoint stop: the next step executes it instead of stopping again. */
  breakpointResumePc = -1;
  priv: 0 | 1 | 3 = 3;
  readonly x = new Int32Array(32);
  instret = 0;
  readonly csr: CsrFile;
  /** CLINT mtime in ticks; the board sets it. */
  timeSource: () => number = () => 0;
  readonly breakpoints = new Set<number>();
  /** Data watchpoints: the hart stops after an access to a watched range (watchpoints.hit says which). */
  readonly watchpoints = new Watchpoints();
  /** LR/SC reservation (QEMU's load_res/load_val): SC succeeds if the word still holds loadVal. */
  reserved = false;
  reservedAddr = 0;
  reservedValue = 0;
  /** Set by a slow path that entered a trap handler (pcI then holds the handler). */
  trapped = false;
  /** Set with `trapped` by a slow path that stopped before a trapping access (a
   * watchpoint, a run to the next exit): the instruction is not retired, the step ends at it. */
  held = false;
  exitRequested = false;
  /** The exit was asked for at a traced event (run to the next IRQ or lane event): the
   * hart stops before taking an interrupt that became pending in the same instruction. */
  exitBeforeInterrupts = false;
  /**
   * false (default): misaligned loads and stores are performed, as QEMU 7.2's
   * virt hart does (no trap; only atomics and jumps trap when misaligned).
   * true: they raise address-misaligned exceptions (4/6, mtval = address), as
   * a hart without misaligned support does.
   */
  trapMisaligned = false;
  /**
   * Called when the hart fetches from an address where nothing is mapped,
   * before that becomes an instruction access fault. A high-level-emulated
   * service (a kernel function implemented in TypeScript) can live at such
   * addresses: the hook does the work on cpu.x, sets cpu.pc (usually to ra)
   * and returns true; the fetch then counts as one executed instruction.
   * Returning false lets the fault happen. Costs nothing in the RAM fast path.
   */
  onUnmappedFetch: ((pc: number) => boolean) | null = null;
  /** Told once per boot of something the student should know that is no stop (the first FP instruction). */
  onNotice: ((message: string) => void) | null = null;
  private fpuNoticeGiven = false;
  /** How much of RAM each access kind may use without a PMP check (all of it, or none). */
  readonly ramWindows: RamWindows;
  /** Instructions left until the next sampled 'insn' trace event. */
  private untilSample = 0;
  private readonly breakpointBitmap: BreakpointBitmap;
  /** Where the last failed fetchViaBus could not read. */
  private fetchFaultAddr = 0;
  /** Hot code translated into JavaScript (jit/, docs/jit.md); the interpreter runs the rest. */
  readonly translator: Translator;
  /** false: the interpreter alone runs every instruction (`--no-jit`). */
  useTranslator = true;

  readonly ramBase: number;
  readonly ramSize: number;
  /** Views of RAM for the hot loop; attachRam points them at another buffer of the same size. */
  u8!: Uint8Array;
  s8!: Int8Array;
  u16!: Uint16Array;
  s16!: Int16Array;
  s32!: Int32Array;

  constructor(readonly bus: Bus, ram: { base: number; bytes: Uint8Array }, readonly tracer: Tracer) {
    this.ramBase = ram.base | 0;
    this.ramSize = ram.bytes.byteLength;
    this.attachRam(ram.bytes);
    this.csr = new CsrFile(this);
    this.breakpointBitmap = new BreakpointBitmap(this.ramBase, this.ramSize);
    this.ramWindows = new RamWindows(this);
    this.translator = new Translator(this);
    bus.onRamWrite = (addr, length) => this.translator.ramWritten(addr, length);
  }

  /** RAM is now `b` (the board swaps in a fresh zeroed buffer at reset, which
   * is cheaper than clearing pages the guest never touched). */
  attachRam(b: Uint8Array): void {
    if (b.byteOffset % 4 !== 0 || b.byteLength % 4 !== 0) throw new Error('cpu: RAM must be word-aligned');
    if (b.byteLength !== this.ramSize) throw new Error('cpu: the new RAM is not the size of the old');
    this.u8 = b;
    this.s8 = new Int8Array(b.buffer, b.byteOffset, b.byteLength);
    this.u16 = new Uint16Array(b.buffer, b.byteOffset, b.byteLength >>> 1);
    this.s16 = new Int16Array(b.buffer, b.byteOffset, b.byteLength >>> 1);
    this.s32 = new Int32Array(b.buffer, b.byteOffset, b.byteLength >>> 2);
    this.translator?.flush(); // translations read the old buffer
  }

  get pc(): number {
    return this.pcI >>> 0;
  }

  set pc(value: number) {
    this.pcI = value | 0;
    this.breakpointResumePc = -1;
  }

  /** Power-on state: M mode, registers and CSRs zero, at `pc`. */
  reset(pc: number): void {
    this.pcI = pc | 0;
    this.priv = 3;
    this.x.fill(0);
    this.instret = 0;
    this.csr.reset();
    this.reserved = this.trapped = this.held = this.exitRequested = this.exitBeforeInterrupts = false;
    this.watchpoints.reset();
    this.untilSample = 0;
    this.breakpointResumePc = -1;
    this.fpuNoticeGiven = false;
    this.translator.flush();
  }

  /** The next step executes the instruction at pc even if a breakpoint is
   * set there (a debugger resuming: "continue" from where it stands). */
  resumeOverBreakpoint(): void {
    this.breakpointResumePc = this.pcI;
  }

  requestExit(): void {
    this.exitRequested = true;
  }

  setInterruptPending(mipBit: number, level: boolean): void {
    this.csr.setInterruptLine(mipBit, level);
  }

  satpModeIgnored(value: number): void {
    if (!this.tracer.enabled) return;
    const message = `satp write 0x${(value >>> 0).toString(16).padStart(8, '0')} selects Sv32 paging, which this board does not implement: ignored, satp stays Bare`;
    this.tracer.emit({ kind: 'device-log', device: 'hart', message }, this.pc);
  }

  /** Runs at most `budget` instructions; see StepResult for why it stopped early. */
  step(budget: number): StepResult {
    if (this.tracer.enabled && this.tracer.insnSampleEvery > 0) return this.stepSampled(budget);
    return this.runChunk(budget);
  }

  private runChunk(budget: number): StepResult {
    return this.useTranslator ? runTranslated(this, this.translator, budget) : this.interpret(budget, true);
  }

  /** Tracing instructions: runs in chunks between samples, so the hot loop stays untouched. */
  private stepSampled(budget: number): StepResult {
    const every = this.tracer.insnSampleEvery;
    let left = budget;
    while (left > 0) {
      if (this.untilSample <= 0 || this.untilSample > every) this.untilSample = every;
      if (this.untilSample === every) this.traceInsn();
      const chunk = Math.min(left, this.untilSample);
      const before = this.instret;
      const result = this.runChunk(chunk);
      const done = this.instret - before;
      left -= done;
      this.untilSample -= done;
      if (result !== STEP_BUDGET) return result;
    }
    return STEP_BUDGET;
  }

  /** An 'insn' event for the instruction at pc (a 16-bit one in the low bits of insn). */
  private traceInsn(): void {
    const insn = this.fetchViaBus(this.pcI);
    if (insn !== undefined) this.tracer.emit({ kind: 'insn', insn: insn >>> 0, text: disassemble(insn, this.pc) }, this.pc);
  }

  /**
   * The interpreter. One long function on purpose: everything the common
   * instructions touch lives in locals (pc, registers, RAM views) so V8 keeps
   * it in machine registers; anything rare (bus, CSRs, traps) is a call out.
   * Trapping instructions count as executed (they take a slot of time), so a
   * trap storm still advances virtual time and uses up the budget.
   * `hostMayHaveChanged`: the host may have changed CSRs or privilege since
   * the last call (false only from the translator's dispatcher, between blocks).
   */
  interpret(budget: number, hostMayHaveChanged: boolean): StepResult {
    if (this.exitRequested) {
      this.exitRequested = this.exitBeforeInterrupts = false;
      return STEP_EXIT;
    }
    this.pcI = this.pollInterrupts(this.pcI);
    // Resuming from a breakpoint executes the instruction it stopped at; any
    // other first instruction (a fresh start, an interrupt vector) may stop.
    const skipFirstBreakpoint = this.pcI === this.breakpointResumePc;
    this.breakpointResumePc = -1;
    this.checkPcAlignment();
    const x = this.x, s32 = this.s32, u16 = this.u16, s16 = this.s16, u8 = this.u8, s8 = this.s8;
    const rvc = RVC_EXPANSION;
    const base = this.ramBase, windows = this.ramWindows;
    if (hostMayHaveChanged) windows.invalidate();
    windows.update();
    let fetchSize = windows.fetch, loadSize = windows.load, storeSize = windows.store;
    const bps = this.breakpoints.size > 0 ? this.breakpoints : null;
    const bpBits = this.breakpointBitmap.sync(this.breakpoints);
    const code = this.translator.code;
    const start = this.instret;
    let pc = this.pcI;
    let n = 0;
    let result: StepResult = STEP_BUDGET;
    loop: while (n < budget) {
      let insn: number;
      const fetchOff = (pc - base) >>> 0;
      if (fetchOff < fetchSize) {
        if (bpBits !== null && ((bpBits[fetchOff >>> 6] >>> ((fetchOff >>> 1) & 31)) & 1) !== 0
          && (n > 0 || !skipFirstBreakpoint)) {
          result = STEP_BREAKPOINT;
          break loop;
        }
        n++;
        insn = s32[fetchOff >>> 2];
        if ((fetchOff & 2) !== 0) { // pc in the upper half of a word
          insn >>>= 16;
          if ((insn & 3) === 3) { // a 32-bit instruction straddling two words
            if (fetchOff + 2 < fetchSize) insn |= u16[(fetchOff >>> 1) + 1] << 16;
            else {
              const whole = this.fetchViaBus(pc);
              if (whole === undefined) {
                pc = this.trapAt(pc, CAUSE_FETCH_ACCESS, this.fetchFaultAddr, start + n);
                continue;
              }
              insn = whole | 0;
            }
          }
        }
      } else {
        if (bps !== null && bps.has(pc >>> 0) && (n > 0 || !skipFirstBreakpoint)) {
          result = STEP_BREAKPOINT;
          break loop;
        }
        n++;
        const fetched = this.fetchViaBus(pc);
        if (fetched === undefined) {
          this.instret = start + n;
          if (this.fetchFaultAddr === pc && this.onUnmappedFetch !== null && this.serviceFetch(pc)) {
            this.checkPcAlignment();
            pc = this.pollInterrupts(this.pcI);
            if (this.exitRequested) {
              result = this.takeExit();
              break loop;
            }
            continue;
          }
          pc = this.trapAt(pc, CAUSE_FETCH_ACCESS, this.fetchFaultAddr, start + n);
          continue;
        }
        insn = fetched | 0;
      }
      x[0] = 0;
      // A compressed instruction runs as the 32-bit one it stands for, 2 bytes long.
      let len = 4;
      if ((insn & 3) !== 3) {
        const expanded = rvc[insn & 0xffff];
        if (expanded === 0) {
          pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn & 0xffff, start + n);
          continue;
        }
        insn = expanded;
        len = 2;
      }
      switch ((insn >>> 2) & 31) {
        case 0x00: { // LOAD
          const addr = (x[(insn >>> 15) & 31] + (insn >> 20)) | 0;
          const off = (addr - base) >>> 0;
          const f3 = (insn >>> 12) & 7;
          let v: number;
          if (off < loadSize && (off & ((1 << (f3 & 3)) - 1)) === 0) {
            switch (f3) {
              case 0: v = s8[off]; break;
              case 1: v = s16[off >>> 1]; break;
              case 2: v = s32[off >>> 2]; break;
              case 4: v = u8[off]; break;
              case 5: v = u16[off >>> 1]; break;
              default:
                pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
                continue;
            }
            x[(insn >>> 7) & 31] = v;
            pc = (pc + len) | 0;
            break;
          }
          this.instret = start + n;
          v = loadSlow(this, pc, insn, addr);
          if (this.trapped) {
            this.trapped = false;
            pc = this.pcI;
            if (this.held) { // stopped before a VM exit: the instruction did not run
              this.held = false;
              n--;
              result = STEP_EXIT;
              break loop;
            }
            continue;
          }
          x[(insn >>> 7) & 31] = v;
          pc = this.pollInterrupts((pc + len) | 0);
          if (this.exitRequested) {
            result = this.takeExit();
            break loop;
          }
          break;
        }
        case 0x03: // MISC-MEM: fence and fence.i have nothing to order or flush here
          if (((insn >>> 12) & 7) > 1) {
            pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
            continue;
          }
          pc = (pc + len) | 0;
          break;
        case 0x04: { // OP-IMM
          const a = x[(insn >>> 15) & 31];
          const imm = insn >> 20;
          const rd = (insn >>> 7) & 31;
          switch ((insn >>> 12) & 7) {
            case 0: x[rd] = a + imm; break;
            case 1:
              if ((insn >>> 25) !== 0) {
                pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
                continue;
              }
              x[rd] = a << imm;
              break;
            case 2: x[rd] = a < imm ? 1 : 0; break;
            case 3: x[rd] = (a >>> 0) < (imm >>> 0) ? 1 : 0; break;
            case 4: x[rd] = a ^ imm; break;
            case 5: {
              const f7 = insn >>> 25;
              if (f7 === 0) x[rd] = a >>> imm;
              else if (f7 === 0x20) x[rd] = a >> imm;
              else {
                pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
                continue;
              }
              break;
            }
            case 6: x[rd] = a | imm; break;
            default: x[rd] = a & imm; break;
          }
          pc = (pc + len) | 0;
          break;
        }
        case 0x05: // AUIPC
          x[(insn >>> 7) & 31] = pc + (insn & 0xfffff000);
          pc = (pc + len) | 0;
          break;
        case 0x08: { // STORE
          const addr = (x[(insn >>> 15) & 31] + (((insn >> 25) << 5) | ((insn >>> 7) & 31))) | 0;
          const off = (addr - base) >>> 0;
          const f3 = (insn >>> 12) & 7;
          const v = x[(insn >>> 20) & 31];
          if (off < storeSize && (off & ((1 << (f3 & 3)) - 1)) === 0) {
            if (f3 === 2) s32[off >>> 2] = v;
            else if (f3 === 0) u8[off] = v;
            else if (f3 === 1) u16[off >>> 1] = v;
            else {
              pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
              continue;
            }
            if (((code[off >>> 9] >>> ((off >>> 4) & 31)) & 1) !== 0) this.translator.codeWritten(off, 1 << f3);
            pc = (pc + len) | 0;
            break;
          }
          this.instret = start + n;
          storeSlow(this, pc, insn, addr, v);
          if (this.trapped) {
            this.trapped = false;
            pc = this.pcI;
            if (this.held) { // stopped before a VM exit: the instruction did not run
              this.held = false;
              n--;
              result = STEP_EXIT;
              break loop;
            }
            continue;
          }
          pc = this.pollInterrupts((pc + len) | 0);
          if (this.exitRequested) {
            result = this.takeExit();
            break loop;
          }
          break;
        }
        case 0x0b: // AMO
          this.instret = start + n;
          executeAmo(this, pc, insn);
          if (this.trapped) {
            this.trapped = false;
            pc = this.pcI;
            continue;
          }
          pc = this.pollInterrupts((pc + len) | 0);
          if (this.exitRequested) {
            result = this.takeExit();
            break loop;
          }
          break;
        case 0x0c: { // OP
          const a = x[(insn >>> 15) & 31];
          const b = x[(insn >>> 20) & 31];
          const rd = (insn >>> 7) & 31;
          const f7 = insn >>> 25;
          if (f7 === 0) {
            switch ((insn >>> 12) & 7) {
              case 0: x[rd] = a + b; break;
              case 1: x[rd] = a << b; break;
              case 2: x[rd] = a < b ? 1 : 0; break;
              case 3: x[rd] = (a >>> 0) < (b >>> 0) ? 1 : 0; break;
              case 4: x[rd] = a ^ b; break;
              case 5: x[rd] = a >>> b; break;
              case 6: x[rd] = a | b; break;
              default: x[rd] = a & b; break;
            }
          } else if (f7 === 1) {
            switch ((insn >>> 12) & 7) {
              case 0: x[rd] = Math.imul(a, b); break;
              case 1: x[rd] = mulh(a, b); break;
              case 2: x[rd] = mulhsu(a, b); break;
              case 3: x[rd] = mulhu(a, b); break;
              case 4: x[rd] = div(a, b); break;
              case 5: x[rd] = divu(a, b); break;
              case 6: x[rd] = rem(a, b); break;
              default: x[rd] = remu(a, b); break;
            }
          } else if (f7 === 0x20 && (insn & 0x7000) === 0) x[rd] = a - b;
          else if (f7 === 0x20 && (insn & 0x7000) === 0x5000) x[rd] = a >> b;
          else {
            pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
            continue;
          }
          pc = (pc + len) | 0;
          break;
        }
        case 0x0d: // LUI
          x[(insn >>> 7) & 31] = insn & 0xfffff000;
          pc = (pc + len) | 0;
          break;
        case 0x18: { // BRANCH
          const a = x[(insn >>> 15) & 31];
          const b = x[(insn >>> 20) & 31];
          let taken: boolean;
          switch ((insn >>> 12) & 7) {
            case 0: taken = a === b; break;
            case 1: taken = a !== b; break;
            case 4: taken = a < b; break;
            case 5: taken = a >= b; break;
            case 6: taken = (a >>> 0) < (b >>> 0); break;
            case 7: taken = (a >>> 0) >= (b >>> 0); break;
            default:
              pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
              continue;
          }
          if (!taken) {
            pc = (pc + len) | 0;
            break;
          }
          // IALIGN = 16: an even target is aligned, so no misaligned-fetch trap.
          pc = (pc + (((insn >> 31) << 12) | ((insn << 4) & 0x800) | ((insn >>> 20) & 0x7e0) | ((insn >>> 7) & 0x1e))) | 0;
          break;
        }
        case 0x19: { // JALR
          const target = (x[(insn >>> 15) & 31] + (insn >> 20)) & ~1;
          if ((insn & 0x7000) !== 0) {
            pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
            continue;
          }
          x[(insn >>> 7) & 31] = pc + len;
          pc = target;
          break;
        }
        case 0x1b: { // JAL
          const target = (pc + (((insn >> 31) << 20) | (insn & 0xff000) | ((insn >>> 9) & 0x800) | ((insn >>> 20) & 0x7fe))) | 0;
          x[(insn >>> 7) & 31] = pc + len;
          pc = target;
          break;
        }
        case 0x1c: { // SYSTEM
          this.instret = start + n - 1; // counter CSRs read what retired before this instruction
          this.pcI = pc;
          // Of the compressed instructions only c.ebreak lands here, and it always traps.
          const stop = executeSystem(this, pc, insn);
          if (windows.update()) { // privilege, mstatus or PMP may have changed
            fetchSize = windows.fetch; loadSize = windows.load; storeSize = windows.store;
          }
          if (this.trapped) {
            this.trapped = false;
            pc = this.pcI;
            continue;
          }
          if (stop === STEP_WFI) {
            pc = this.pcI;
            result = STEP_WFI;
            break loop;
          }
          pc = this.pollInterrupts(this.pcI);
          if (this.exitRequested) {
            result = this.takeExit();
            break loop;
          }
          break;
        }
        default:
          pc = this.trapAt(pc, CAUSE_ILLEGAL_INSTRUCTION, insn, start + n);
          continue;
      }
    }
    x[0] = 0;
    this.pcI = pc;
    if (result === STEP_BREAKPOINT) this.breakpointResumePc = pc;
    this.instret = start + n;
    return result;
  }

  /** Lets onUnmappedFetch service a fetch from nowhere; true if it did (pcI then holds where to go on). */
  private serviceFetch(pc: number): boolean {
    this.pcI = pc;
    return this.onUnmappedFetch!(pc >>> 0);
  }

  /**
   * Reads the instruction at pc through the bus (ROM, RAM outside the PMP
   * fast-path window, or a 32-bit instruction running off the end of RAM),
   * each halfword PMP-checked for execute: its first halfword, and the second one if the
   * first says it is 32 bits long. undefined if a part is unreadable; then
   * fetchFaultAddr is that part's address (pc, or pc + 2), as the spec puts
   * in mtval for a fetch fault on the second half of an instruction.
   */
  private fetchViaBus(pc: number): number | undefined {
    const low = pmpAllows(this.csr, pc, 2, PMP_X, this.priv) ? this.bus.peek(pc >>> 0, 2) : undefined;
    if (low === undefined) {
      this.fetchFaultAddr = pc;
      return undefined;
    }
    if ((low & 3) !== 3) return low;
    const high = pmpAllows(this.csr, (pc + 2) | 0, 2, PMP_X, this.priv) ? this.bus.peek((pc + 2) >>> 0, 2) : undefined;
    if (high === undefined) {
      this.fetchFaultAddr = (pc + 2) | 0;
      return undefined;
    }
    return low | (high << 16);
  }

  /** The loop keeps pc even (IALIGN = 16); a host that set an odd pc gets the architected trap instead. */
  private checkPcAlignment(): void {
    if ((this.pcI & 1) !== 0) this.trapAt(this.pcI, CAUSE_MISALIGNED_FETCH, this.pcI, this.instret);
  }

  private takeExit(): StepResult {
    this.exitRequested = false;
    this.exitBeforeInterrupts = false;
    return STEP_EXIT;
  }

  /** Takes the highest-priority enabled pending interrupt, if any; returns the pc to go on at. */
  pollInterrupts(pc: number): number {
    if (this.exitBeforeInterrupts && this.exitRequested) return pc; // stopping at an event: the interrupt waits for the next step
    const irq = pendingInterrupt(this);
    if (irq < 0) return pc;
    enterTrap(this, irq, true, pc, 0);
    return this.pcI;
  }

  /** Raises exception `cause` for the instruction at `pc`; returns the handler's pc. */
  trapAt(pc: number, cause: number, tval: number, instret: number): number {
    this.instret = instret;
    if (cause === CAUSE_ILLEGAL_INSTRUCTION && !this.fpuNoticeGiven && isFloatingPointInstruction(tval)) {
      this.fpuNoticeGiven = true;
      this.onNotice?.(NO_FPU_NOTICE);
    }
    enterTrap(this, cause, false, pc, tval);
    return this.pcI;
  }

  registers(): CpuRegisters {
    return cpuRegisters(this);
  }

  saveState(): CpuState {
    return saveCpuState(this);
  }

  loadState(state: CpuState): void {
    loadCpuState(this, state);
  }
}
