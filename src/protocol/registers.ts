// A register snapshot as it crosses the worker boundary (structured clone):
// the CPU's architectural state, the virtual time it was taken at, and the
// code around pc as a debugger's disassembly window shows it.

import type { CpuRegisters } from './cpu-state.ts';

export interface RegisterSnapshot extends CpuRegisters {
  /** Virtual time in nanoseconds. */
  timeNs: number;
  /** The instructions around pc, disassembled, in address order. */
  code: CodeLine[];
  /** In the guest: the name of the task on the hart (sh, swapper/0, a kernel thread, insmod). */
  task?: string;
}

export interface CodeLine {
  addr: number;
  /** The instruction (a 16-bit one in the low bits), or null where nothing readable is mapped (an io region, a hole). */
  word: number | null;
  /** objdump-style text ("addi a0,a0,1"), or why there is none. */
  text: string;
  /** A function (or a label of the symbol table) starts here, or the window opens inside it:
   * shown as objdump -dl shows it, a line "name():" before the instruction. */
  function?: string;
  /** The first instruction of a run of one C line: that line, shown before it ("stopwatch.c:87  writel(…);"). */
  source?: CodeSourceLine;
  /** A call or jump whose target is known: the target's name, as objdump prints it after the
   * instruction ("stopwatch_update_text", "memcpy_fromio", "spin+0x1c"). */
  callee?: string;
}

/** A C line as the code window shows it. */
export interface CodeSourceLine {
  /** The file's name as the editor shows it ("stopwatch.c"). */
  file: string;
  /** 1-based. */
  line: number;
  /** The line's text, trimmed (at most a short screenful); '' when the text is not known. */
  text: string;
}

/** 0x-less, zero-padded, 8 hex digits: how objdump and QEMU's monitor print a word. */
export function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** An instruction as objdump shows it: 4 hex digits for a 16-bit one (low bits not 11), else 8. */
export function hexInstruction(insn: number): string {
  return (insn & 3) === 3 ? hex32(insn) : (insn & 0xffff).toString(16).padStart(4, '0');
}
