// The translator's code cache: compiled page regions by physical pc, the
// heat of pcs not yet translated, and the bitmap of 16-byte RAM lines that
// hold translated code, through which every writer of RAM invalidates the
// regions it overwrites (docs/jit.md).

import {
  blockLength, branchTarget, decodeBlock, jalTarget, END_BRANCH, END_FALLTHROUGH, END_JAL, END_JALR, type Block, type CodeSource,
} from './decode-block.ts';
import { compileRegion, type RamViews, type RegionFunction, type RegionHost } from './region-compiler.ts';

/** Runs through the interpreter before a pc is translated. */
export const HOT_THRESHOLD = 32;
/** Blocks per region at most: V8's optimising compile time grows faster than a function's size. */
const MAX_BLOCKS = 48;
/** Compilations of one page before its new pcs stay interpreted (code rewritten over and over). */
const MAX_COMPILES_PER_PAGE = 64;
/** Heat of a pc that cannot be translated (it starts with an instruction for the interpreter). */
const NEVER = -1e9;

export interface TranslatorHost extends RegionHost, RamViews {
  ramBase: number;
  ramSize: number;
  readonly breakpoints: ReadonlySet<number>;
}

export interface RegionEntry {
  fn: RegionFunction;
  index: number;
}

/** The regions of one page, by the block starts they registered as entries. */
interface PageRegions {
  starts: number[];
}

export class Translator {
  /** One bit per 16-byte line of RAM: set where translated code lies. */
  readonly code: Int32Array;
  private readonly entries = new Map<number, RegionEntry>();
  private readonly pages = new Map<number, PageRegions>();
  private readonly heat = new Map<number, number>();
  private readonly compiles = new Map<number, number>();
  private readonly lengths = new Map<number, number>();
  private breakpointKey = '';
  /** Interpreted runs of a pc before it is translated (tests set 1 to translate everything at once). */
  hotThreshold = HOT_THRESHOLD;
  /** Instructions run by translated code since the translator was made (for tests and the bench). */
  executed = 0;
  private readonly source: CodeSource;

  constructor(private readonly host: TranslatorHost) {
    this.code = new Int32Array(Math.ceil(host.ramSize / 512));
    this.source = {
      ramBase: host.ramBase, ramSize: host.ramSize,
      get u16() { return host.u16; },
      hasBreakpoint: (pc) => host.breakpoints.size > 0 && host.breakpoints.has(pc >>> 0),
    };
  }

  /** The translated block at pc, if any. */
  lookup(pc: number): RegionEntry | undefined {
    return this.entries.get(pc);
  }

  /** Counts a run of pc in the interpreter; true if that made it hot and it is translated now. */
  noteCold(pc: number): boolean {
    const off = (pc - this.host.ramBase) >>> 0;
    if (off >= this.host.ramSize || (pc & 1) !== 0) return false;
    const h = (this.heat.get(pc) ?? 0) + 1;
    this.heat.set(pc, h);
    if (h < this.hotThreshold) return false;
    const page = off >>> 12;
    const compiles = this.compiles.get(page) ?? 0;
    if (compiles >= MAX_COMPILES_PER_PAGE || !this.translate(page, pc)) {
      this.heat.set(pc, NEVER);
      return false;
    }
    this.compiles.set(page, compiles + 1);
    return true;
  }

  /** Instructions the interpreter runs from pc to reach the end of its block. */
  interpretLength(pc: number): number {
    const off = (pc - this.host.ramBase) >>> 0;
    if (off >= this.host.ramSize || (pc & 1) !== 0) return 1;
    let n = this.lengths.get(pc);
    if (n === undefined) {
      n = blockLength(this.source, pc);
      this.lengths.set(pc, n);
    }
    return n;
  }

  /** RAM bytes [off, off + length) were written: drops the regions of the lines that hold code. */
  codeWritten(off: number, length: number): void {
    const code = this.code;
    const last = Math.min(off + length, this.host.ramSize) - 1;
    for (let line = off >>> 4; line <= last >>> 4; line++) {
      if (((code[line >>> 5] >>> (line & 31)) & 1) !== 0) this.dropPage(line >>> 8);
    }
  }

  /** A write of `length` bytes at guest-physical `addr` (the bus, the loader). */
  ramWritten(addr: number, length: number): void {
    const off = ((addr | 0) - this.host.ramBase) >>> 0;
    if (off < this.host.ramSize) this.codeWritten(off, length);
  }

  /** Forgets every translation (reset, new RAM, restored state, a changed breakpoint set). */
  flush(): void {
    this.entries.clear();
    this.pages.clear();
    this.heat.clear();
    this.compiles.clear();
    this.lengths.clear();
    this.code.fill(0);
  }

  /** Breakpoints are never translated: a changed set drops every translation. */
  syncBreakpoints(pcs: ReadonlySet<number>): void {
    if (pcs.size === 0 && this.breakpointKey === '') return;
    const key = [...pcs].sort((a, b) => a - b).join(',');
    if (key === this.breakpointKey) return;
    this.breakpointKey = key;
    this.flush();
  }

  private dropPage(page: number): void {
    const regions = this.pages.get(page);
    if (regions !== undefined) {
      for (const pc of regions.starts) {
        this.entries.delete(pc);
        this.heat.delete(pc);
      }
      this.pages.delete(page);
    }
    this.code.fill(0, page * 8, page * 8 + 8); // 256 lines of 16 bytes per page
    // Block lengths the interpreter ran by stay: a stale one only moves where it hands back to the dispatcher.
  }

  /** Compiles a new region of `page` from the block at pc; false if nothing at pc translates. Blocks
   * other regions already enter by stay theirs (their optimised code and type feedback are kept). */
  private translate(page: number, pc: number): boolean {
    const blocks = this.discover(page, pc);
    if (blocks.length === 0 || blocks[0].start !== pc) return false;
    const fn = compileRegion(blocks, this.host.ramBase, this.host, this.code, this);
    let regions = this.pages.get(page);
    if (regions === undefined) this.pages.set(page, regions = { starts: [] });
    blocks.forEach((b, index) => {
      if (this.entries.has(b.start)) return;
      this.entries.set(b.start, { fn, index });
      regions.starts.push(b.start);
    });
    for (const b of blocks) for (const d of b.insns) this.markLines((d.pc - this.host.ramBase) >>> 0, d.len);
    return true;
  }

  private markLines(off: number, len: number): void {
    for (let line = off >>> 4; line <= (off + len - 1) >>> 4; line++) this.code[line >>> 5] |= 1 << (line & 31);
  }

  /**
   * The block at `root` and the blocks reachable from it within the page that
   * have already run (root first), at most MAX_BLOCKS. A path never taken yet
   * stays an exit: V8 would have no type feedback for it, and reaching it in
   * optimised code would throw that code away; once it runs often, it gets a
   * region of its own.
   */
  private discover(page: number, root: number): Block[] {
    const blocks: Block[] = [];
    const seen = new Set<number>();
    const work = [root];
    const ran = (pc: number): boolean => this.heat.has(pc) || this.entries.has(pc);
    const inPage = (pc: number): boolean => (((pc - this.host.ramBase) >>> 0) >>> 12) === page && (pc & 1) === 0 && ran(pc);
    while (work.length > 0 && blocks.length < MAX_BLOCKS) {
      const start = work.pop()!;
      if (seen.has(start)) continue;
      seen.add(start);
      const block = decodeBlock(this.source, start);
      if (block.insns.length === 0) continue;
      blocks.push(block);
      for (const next of successors(block)) if (inPage(next) && !seen.has(next)) work.push(next);
    }
    return blocks;
  }
}

/** Where a block may go next (statically), including the return point after a call. */
function successors(b: Block): number[] {
  const last = b.insns[b.insns.length - 1];
  const links = ((last.insn >>> 7) & 31) !== 0;
  switch (b.end) {
    case END_BRANCH: return [b.next, branchTarget(last)];
    case END_JAL: return links ? [jalTarget(last), b.next] : [jalTarget(last)];
    case END_JALR: return links ? [b.next] : [];
    case END_FALLTHROUGH: return [b.next];
    default: return [];
  }
}
