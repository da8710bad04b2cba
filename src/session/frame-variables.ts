// The arguments and locals of the function a stopped hart is in, from the
// compiler's DWARF variable info: each variable's frame-base offset (fbreg)
// added to the frame base register (s0 for kernel-C), then its slot read from
// guest memory and put in words by variable-text.ts. A loaded module's
// functions are moved to where insmod placed their sections, as its line table is.
//
// Until the prologue has set s0 the frame base is the caller's, so there (and
// in code without variable info) nothing is read: every value is "unavailable".
//
// A local of an inner block is listed only while the pc is inside that block's
// code, and where two visible locals share a name the innermost one is shown,
// as in C (and in gdb's `info locals`, which prints the outer one apart).

import type { FrameView } from '../protocol/frame.ts';
import type { GuestSystem } from '../guest/system.ts';
import { readElf, readSymbols } from '../toolchain/obj/elf.ts';
import { elfDebugFunctions, type DebugAddress, type DebugVariable } from '../toolchain/obj/dwarf-info-read.ts';
import { sizeOfType, typeText, UNAVAILABLE, valueText, type Peek } from './variable-text.ts';

/** The stopped hart as this reads it. */
export interface FrameHart {
  pc: number;
  x: ArrayLike<number>;
  peek: Peek;
}

/** A variable with its block placed: visible for pc in [start, end); null: in the whole function. */
export interface PlacedFrameVariable extends Omit<DebugVariable, 'scope'> {
  block: { start: number; end: number; depth: number } | null;
}

/** A function with variable info, at its guest addresses [start, end). */
export interface PlacedFrameFunction {
  name: string;
  start: number;
  end: number;
  frameRegister: number | null;
  frameOffset: number;
  variables: PlacedFrameVariable[];
}

export class FrameVariables {
  readonly functions: PlacedFrameFunction[];

  constructor(functions: PlacedFrameFunction[]) {
    this.functions = functions.filter((f) => f.end > f.start);
  }

  /** The functions of an ELF file (object or executable); `place` gives a section's guest address (undefined: not loaded). */
  static fromElf(bytes: Uint8Array, place: (section: string) => number | undefined): FrameVariables {
    const elf = readElf(bytes);
    const at = (a: DebugAddress): number | undefined => (a.section === null ? a.address : place(a.section) === undefined ? undefined : place(a.section)! + a.address);
    const out: PlacedFrameFunction[] = [];
    for (const f of elfDebugFunctions(elf, readSymbols(elf))) {
      const start = at(f.low), end = at(f.high);
      if (start === undefined || end === undefined) continue;
      const variables = f.variables.map(({ scope, ...v }): PlacedFrameVariable => {
        const low = scope ? at(scope.low) : undefined, high = scope ? at(scope.high) : undefined;
        // A block that cannot be placed counts as the whole function's (the reader did so before blocks).
        const block = scope && low !== undefined && high !== undefined ? { start: low >>> 0, end: high >>> 0, depth: scope.depth } : null;
        return { ...v, block };
      });
      out.push({ name: f.name, start: start >>> 0, end: end >>> 0, frameRegister: f.frameRegister, frameOffset: f.frameOffset, variables });
    }
    return new FrameVariables(out);
  }

  /** Module `name` as the guest loaded it (`object`: the .ko inserted); null if it is not loaded. */
  static forModule(sys: GuestSystem, name: string, object: Uint8Array): FrameVariables | null {
    const mod = sys.kernel.modules.find((m) => m.name === name);
    if (!mod) return null;
    const placed = new Map<string, number>();
    for (const s of mod.sections) if (!s.init || mod.init) placed.set(s.name, s.addr);
    return FrameVariables.fromElf(object, (section) => placed.get(section));
  }

  /** A bare-metal program (an ELF executable): its addresses are final. */
  static forProgram(elf: Uint8Array): FrameVariables {
    return FrameVariables.fromElf(elf, () => undefined);
  }

  functionAt(pc: number): PlacedFrameFunction | null {
    const a = pc >>> 0;
    return this.functions.find((f) => a >= f.start && a < f.end) ?? null;
  }

  /**
   * The frame the hart is stopped in; null outside every function with variable info.
   * `bodyStart` is where the function's body begins (after its prologue).
   */
  frameAt(hart: FrameHart, bodyStart: number): FrameView | null {
    const fn = this.functionAt(hart.pc);
    if (!fn) return null;
    const ready = (hart.pc >>> 0) >= bodyStart && fn.frameRegister !== null;
    const base = ready ? ((hart.x[fn.frameRegister!] >>> 0) + fn.frameOffset) >>> 0 : 0;
    const variables = visibleAt(fn.variables, hart.pc >>> 0).map((v) => {
      const size = sizeOfType(v.type);
      const bytes = ready && v.fbreg !== null && size > 0 ? hart.peek((base + v.fbreg) >>> 0, size) : null;
      return { name: v.name, role: v.role, type: typeText(v.type), value: bytes ? valueText(v.type, bytes, 0, hart.peek) : UNAVAILABLE };
    });
    // Arguments first, as a debugger lists them, then the locals in the order they were declared.
    variables.sort((a, b) => (a.role === b.role ? 0 : a.role === 'argument' ? -1 : 1));
    return { function: fn.name, frame: base, variables };
  }
}

/**
 * The variables in scope at `pc`: those of the blocks whose code holds it, and of a name
 * declared in several of them only the innermost (an argument is the outermost of all).
 */
export function visibleAt(variables: readonly PlacedFrameVariable[], pc: number): PlacedFrameVariable[] {
  const depth = (v: PlacedFrameVariable) => (v.block ? v.block.depth : v.role === 'argument' ? -1 : 0);
  const inScope = variables.filter((v) => !v.block || (pc >= v.block.start && pc < v.block.end));
  const innermost = new Map<string, PlacedFrameVariable>();
  for (const v of inScope) {
    const known = innermost.get(v.name);
    if (!known || depth(v) > depth(known)) innermost.set(v.name, v);
  }
  return inScope.filter((v) => innermost.get(v.name) === v);
}

/** The guest's hart as it stands, its memory read through the kernel's view of RAM. */
export function guestFrameHart(sys: GuestSystem): FrameHart {
  const cpu = sys.board.cpu, ram = sys.kernel.ram;
  return {
    pc: cpu.pc >>> 0,
    x: cpu.x,
    peek: (addr, size) => {
      try { return ram.bytes(addr, size); } catch { return null; } // outside RAM: the value is unavailable
    },
  };
}
