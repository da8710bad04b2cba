// Code generator state and the RV32 emission helpers it shares: an accumulator
// machine (a0, or a0:a1 for 64-bit values) whose temporaries live in the callee-saved
// s1-s11 and then on the stack; stack pushes (call arguments, spills) have a statically
// tracked depth so every call can realign sp to 16 bytes as the psABI requires.

import type { Diagnostic } from '../diagnostics.ts';
import type { Obj } from '../parse/ast.ts';
import type { SourceLoc } from '../preprocess/token.ts';
import { sizeOf, type Type } from '../parse/types.ts';
import { AsmLines } from './asm-lines.ts';

export class Gen {
  /** The text so far; a function's body goes to a builder of its own (see emitFunction). */
  out = new AsmLines();
  /** Bytes pushed below the frame's fixed sp. */
  depth = 0;
  fn: Obj | undefined;
  /** s0-relative slot holding the hidden struct-return pointer. */
  retPtrOffset = 0;
  /** va_start value relative to s0. */
  vaOffset = 0;
  returnLabel = '';
  private labelNo = 0;
  private files = new Map<string, number>();

  constructor(readonly diags: Diagnostic[], readonly mainFile: string) {
    this.fileNo(mainFile);
  }

  emit(line: string): void { this.out.push(`\t${line}`); }
  label(l: string): void { this.out.push(`${l}:`); }
  newLabel(): string { return `.L.cg.${this.labelNo++}`; }

  fileNo(file: string): number {
    let n = this.files.get(file);
    if (n === undefined) {
      n = this.files.size + 1;
      this.files.set(file, n);
      this.out.push(`\t.file ${n} ${JSON.stringify(file)}`);
    }
    return n;
  }

  loc(l: SourceLoc): void {
    this.emit(`.loc ${this.fileNo(l.file)} ${l.line} ${l.col}`);
  }

  error(loc: SourceLoc, length: number, message: string): void {
    this.diags.push({ severity: 'error', message, loc, length: Math.max(1, length) });
  }

  /** Expression temporaries live in callee-saved s1-s11 (kept across calls) while they
   * last, then on the stack; the prologue saves the s-registers a function used. */
  private tempInSreg: boolean[] = [];
  private sregTop = 0;
  maxSreg = 0;

  resetTemps(): void { this.tempInSreg = []; this.sregTop = 0; this.maxSreg = 0; }

  pushTemp(reg = 'a0'): void {
    if (this.sregTop < 11) {
      this.sregTop++;
      this.maxSreg = Math.max(this.maxSreg, this.sregTop);
      this.emit(`mv s${this.sregTop}, ${reg}`);
      this.tempInSreg.push(true);
      return;
    }
    this.push(reg);
    this.tempInSreg.push(false);
  }
  popTemp(reg: string): void {
    if (this.tempInSreg.pop()) {
      this.emit(`mv ${reg}, s${this.sregTop}`);
      this.sregTop--;
      return;
    }
    this.pop(reg);
  }
  pushTemp64(): void { this.pushTemp('a0'); this.pushTemp('a1'); }
  popTemp64(lo: string, hi: string): void { this.popTemp(hi); this.popTemp(lo); }

  push(reg = 'a0'): void {
    this.emit('addi sp, sp, -4');
    this.emit(`sw ${reg}, 0(sp)`);
    this.depth += 4;
  }
  pop(reg: string): void {
    this.emit(`lw ${reg}, 0(sp)`);
    this.emit('addi sp, sp, 4');
    this.depth -= 4;
  }
  push64(): void {
    this.emit('addi sp, sp, -8');
    this.emit('sw a0, 0(sp)');
    this.emit('sw a1, 4(sp)');
    this.depth += 8;
  }
  pop64(lo: string, hi: string): void {
    this.emit(`lw ${lo}, 0(sp)`);
    this.emit(`lw ${hi}, 4(sp)`);
    this.emit('addi sp, sp, 8');
    this.depth -= 8;
  }

  /** rd = rs + imm for any 32-bit imm. */
  addImm(rd: string, rs: string, imm: number): void {
    if (imm >= -2048 && imm <= 2047) {
      if (imm !== 0 || rd !== rs) this.emit(`addi ${rd}, ${rs}, ${imm}`);
      return;
    }
    this.emit(`li t6, ${imm}`);
    this.emit(`add ${rd}, ${rs}, t6`);
  }

  /** A load or store `op reg, off(base)` for any offset (t6 is the scratch). */
  mem(op: string, reg: string, off: number, base: string): void {
    if (off >= -2048 && off <= 2047) { this.emit(`${op} ${reg}, ${off}(${base})`); return; }
    this.emit(`li t6, ${off}`);
    this.emit(`add t6, t6, ${base}`);
    this.emit(`${op} ${reg}, 0(t6)`);
  }

  /** Calls a runtime helper with sp realigned to 16 bytes. */
  callHelper(name: string): void {
    const pad = (16 - (this.depth % 16)) % 16;
    if (pad) this.emit(`addi sp, sp, -${pad}`);
    this.emit(`call ${name}`);
    if (pad) this.emit(`addi sp, sp, ${pad}`);
  }

  /** Loads the value of type `ty` whose address is in a0 (aggregates stay addresses). */
  load(ty: Type, off = 0): void {
    switch (ty.kind) {
      case 'array': case 'struct': case 'func': case 'void':
        this.addImm('a0', 'a0', off);
        return;
      case 'bool': this.mem('lbu', 'a0', off, 'a0'); return;
      case 'ptr': this.mem('lw', 'a0', off, 'a0'); return;
      case 'int':
        if (ty.size === 8) {
          // Low word first, as gcc does: the order a device sees for a 64-bit register.
          this.mem('lw', 't0', off, 'a0');
          this.mem('lw', 'a1', off + 4, 'a0');
          this.emit('mv a0, t0');
          return;
        }
        this.mem(loadOp(ty.size, ty.unsigned), 'a0', off, 'a0');
    }
  }

  /** Stores a0 (a0:a1) of type `ty` to the address in t1; structs are copied from the address in a0. */
  store(ty: Type): void {
    if (ty.kind === 'struct' || ty.kind === 'array') { this.copyBytes('t1', 'a0', sizeOf(ty), alignFor(ty)); this.emit('mv a0, t1'); return; }
    const size = ty.kind === 'int' ? ty.size : ty.kind === 'bool' ? 1 : 4;
    if (size === 8) { this.emit('sw a0, 0(t1)'); this.emit('sw a1, 4(t1)'); return; }
    this.emit(`${storeOp(size)} a0, 0(t1)`);
  }

  /** Copies `size` bytes from [src] to [dst] (registers preserved except t2, t3, t6). */
  copyBytes(dst: string, src: string, size: number, align: number): void {
    const unit = align >= 4 && size % 4 === 0 ? 4 : align >= 2 && size % 2 === 0 ? 2 : 1;
    const [ld, st] = unit === 4 ? ['lw', 'sw'] : unit === 2 ? ['lhu', 'sh'] : ['lbu', 'sb'];
    if (size / unit <= 16) {
      for (let off = 0; off < size; off += unit) {
        this.mem(ld, 't2', off, src);
        this.mem(st, 't2', off, dst);
      }
      return;
    }
    const loop = this.newLabel();
    this.emit(`mv t3, ${src}`);
    this.emit(`mv t6, ${dst}`);
    this.emit(`li t4, ${size / unit}`);
    this.label(loop);
    this.emit(`${ld} t2, 0(t3)`);
    this.emit(`${st} t2, 0(t6)`);
    this.emit(`addi t3, t3, ${unit}`);
    this.emit(`addi t6, t6, ${unit}`);
    this.emit('addi t4, t4, -1');
    this.emit(`bnez t4, ${loop}`);
  }

  /** Zeroes `size` bytes at [reg]. */
  zeroBytes(reg: string, size: number, align: number): void {
    const unit = align >= 4 && size % 4 === 0 ? 4 : 1;
    const st = unit === 4 ? 'sw' : 'sb';
    if (size / unit <= 16) {
      for (let off = 0; off < size; off += unit) this.mem(st, 'zero', off, reg);
      return;
    }
    const loop = this.newLabel();
    this.emit(`mv t3, ${reg}`);
    this.emit(`li t4, ${size / unit}`);
    this.label(loop);
    this.emit(`${st} zero, 0(t3)`);
    this.emit(`addi t3, t3, ${unit}`);
    this.emit('addi t4, t4, -1');
    this.emit(`bnez t4, ${loop}`);
  }

  /** a0 = address of a variable. */
  addrOf(obj: Obj, reg = 'a0'): void {
    if (obj.isLocal) { this.addImm(reg, 's0', obj.offset); return; }
    this.emit(`lui ${reg}, %hi(${obj.label})`);
    this.emit(`addi ${reg}, ${reg}, %lo(${obj.label})`);
  }
}

export function loadOp(size: number, unsigned: boolean): string {
  if (size === 1) return unsigned ? 'lbu' : 'lb';
  if (size === 2) return unsigned ? 'lhu' : 'lh';
  return 'lw';
}

export function storeOp(size: number): string {
  return size === 1 ? 'sb' : size === 2 ? 'sh' : 'sw';
}

/** Placement alignment of an object: like gcc's riscv DATA_ALIGNMENT, byte arrays of a
 * word or more start on a word boundary (so *(u32 *)buf works for word-sized buffers). */
export function dataAlign(ty: Type): number {
  const a = alignFor(ty);
  return ty.kind === 'array' && a < 4 && sizeOf(ty) >= 4 ? 4 : a;
}

export function alignFor(ty: Type): number {
  switch (ty.kind) {
    case 'struct': return ty.def.packed ? 1 : ty.def.align;
    case 'array': return alignFor(ty.base);
    case 'int': return ty.size;
    case 'ptr': return 4;
    default: return 1;
  }
}
