// Applying a module's RELA relocations on RV32 (Linux's apply_relocate_add for
// RISC-V), with the formulas of the RISC-V ELF psABI: S is the symbol's
// address, A the addend, P the address of the patched field. A %pcrel_lo
// names the auipc of its %pcrel_hi by a label, so it is solved from the
// matching R_RISCV_PCREL_HI20 of the same section. Linker relaxation is not
// done: R_RISCV_RELAX hints are ignored, and an R_RISCV_ALIGN whose padding
// would have to shrink is refused (modules are built with -mno-relax).

export interface Rela {
  offset: number;
  type: number;
  /** Symbol table index. */
  sym: number;
  addend: number;
}

/** The section being relocated: its contents (patched in place) and its final address. */
export interface RelocSection {
  name: string;
  bytes: Uint8Array;
  addr: number;
}

export interface RelocSymbols {
  /** Final address of symbol `index`. */
  value(index: number): number;
  name(index: number): string;
}

interface Site {
  sec: RelocSection;
  view: DataView;
  /** Offset of the field in the section. */
  at: number;
  P: number;
  /** S + A. */
  value: number;
}

type Handler = (s: Site, ctx: { relas: Rela[]; syms: RelocSymbols; rela: Rela }) => string | undefined;

const r32 = (s: Site): number => s.view.getUint32(s.at, true);
const w32 = (s: Site, v: number): void => s.view.setUint32(s.at, v >>> 0, true);
const r16 = (s: Site): number => s.view.getUint16(s.at, true);
const w16 = (s: Site, v: number): void => s.view.setUint16(s.at, v & 0xffff, true);

const hi20 = (v: number): number => ((v + 0x800) >>> 12) & 0xfffff;
const bits = (v: number, hi: number, lo: number): number => (v >>> lo) & ((1 << (hi - lo + 1)) - 1);

const itype = (insn: number, v: number): number => (insn & 0x000fffff) | ((v & 0xfff) << 20);
const stype = (insn: number, v: number): number => (insn & 0x01fff07f) | (bits(v, 11, 5) << 25) | (bits(v, 4, 0) << 7);
const utype = (insn: number, v: number): number => (insn & 0xfff) | (hi20(v) << 12);
const btype = (insn: number, v: number): number => (insn & 0x01fff07f) | (bits(v, 12, 12) << 31) | (bits(v, 10, 5) << 25) | (bits(v, 4, 1) << 8) | (bits(v, 11, 11) << 7);
const jtype = (insn: number, v: number): number => (insn & 0xfff) | (bits(v, 20, 20) << 31) | (bits(v, 10, 1) << 21) | (bits(v, 11, 11) << 20) | (bits(v, 19, 12) << 12);
const cbtype = (insn: number, v: number): number => (insn & 0xe383) | (bits(v, 8, 8) << 12) | (bits(v, 4, 3) << 10) | (bits(v, 7, 6) << 5) | (bits(v, 2, 1) << 3) | (bits(v, 5, 5) << 2);
const cjtype = (insn: number, v: number): number => (insn & 0xe003) | (bits(v, 11, 11) << 12) | (bits(v, 4, 4) << 11) | (bits(v, 9, 8) << 9)
  | (bits(v, 10, 10) << 8) | (bits(v, 6, 6) << 7) | (bits(v, 7, 7) << 6) | (bits(v, 3, 1) << 3) | (bits(v, 5, 5) << 2);

/** A pc-relative jump or branch: in range and even, or why not. */
function pcrel(s: Site, range: number, what: string, patch: (off: number) => void): string | undefined {
  const off = (s.value - s.P) | 0;
  if (off < -range || off >= range) return `${what} at ${s.sec.name}+0x${s.at.toString(16)} cannot reach its target ${off} bytes away (the limit is ±${range})`;
  if (off & 1) return `${what} at ${s.sec.name}+0x${s.at.toString(16)} targets an odd address`;
  patch(off);
  return undefined;
}

function add(width: 8 | 16 | 32, sign: 1 | -1): Handler {
  return (s) => {
    if (width === 8) s.view.setUint8(s.at, (s.view.getUint8(s.at) + sign * s.value) & 0xff);
    else if (width === 16) w16(s, r16(s) + sign * s.value);
    else w32(s, r32(s) + sign * s.value);
    return undefined;
  };
}

function set(width: 8 | 16 | 32): Handler {
  return (s) => {
    if (width === 8) s.view.setUint8(s.at, s.value & 0xff);
    else if (width === 16) w16(s, s.value);
    else w32(s, s.value);
    return undefined;
  };
}

/** The pc-relative offset computed by the auipc a %pcrel_lo label points at. */
function pcrelHi(label: number, sec: RelocSection, relas: Rela[], syms: RelocSymbols): number | undefined {
  const hi = relas.find((r) => r.type === R.PCREL_HI20 && sec.addr + r.offset === label);
  return hi === undefined ? undefined : (syms.value(hi.sym) + hi.addend - label) | 0;
}

function pcrelLo(patch: (insn: number, v: number) => number): Handler {
  return (s, { relas, syms, rela }) => {
    const label = syms.value(rela.sym);
    const off = pcrelHi(label, s.sec, relas, syms);
    if (off === undefined) return `the %pcrel_lo at ${s.sec.name}+0x${s.at.toString(16)} names '${syms.name(rela.sym)}', which is not an auipc with an R_RISCV_PCREL_HI20 in ${s.sec.name}`;
    w32(s, patch(r32(s), off));
    return undefined;
  };
}

/** The relocation numbers of the psABI this loader meets. */
const R = { PCREL_HI20: 23, RELAX: 51, ALIGN: 43 } as const;

const HANDLERS = new Map<number, [string, Handler]>([
  [0, ['R_RISCV_NONE', () => undefined]],
  [1, ['R_RISCV_32', set(32)]],
  [16, ['R_RISCV_BRANCH', (s) => pcrel(s, 4096, 'branch', (off) => w32(s, btype(r32(s), off)))]],
  [17, ['R_RISCV_JAL', (s) => pcrel(s, 1 << 20, 'jal', (off) => w32(s, jtype(r32(s), off)))]],
  [18, ['R_RISCV_CALL', (s) => call(s)]],
  [19, ['R_RISCV_CALL_PLT', (s) => call(s)]],
  [23, ['R_RISCV_PCREL_HI20', (s) => { w32(s, utype(r32(s), s.value - s.P)); return undefined; }]],
  [24, ['R_RISCV_PCREL_LO12_I', pcrelLo(itype)]],
  [25, ['R_RISCV_PCREL_LO12_S', pcrelLo(stype)]],
  [26, ['R_RISCV_HI20', (s) => { w32(s, utype(r32(s), s.value)); return undefined; }]],
  [27, ['R_RISCV_LO12_I', (s) => { w32(s, itype(r32(s), s.value)); return undefined; }]],
  [28, ['R_RISCV_LO12_S', (s) => { w32(s, stype(r32(s), s.value)); return undefined; }]],
  [33, ['R_RISCV_ADD8', add(8, 1)]],
  [34, ['R_RISCV_ADD16', add(16, 1)]],
  [35, ['R_RISCV_ADD32', add(32, 1)]],
  [37, ['R_RISCV_SUB8', add(8, -1)]],
  [38, ['R_RISCV_SUB16', add(16, -1)]],
  [39, ['R_RISCV_SUB32', add(32, -1)]],
  [44, ['R_RISCV_RVC_BRANCH', (s) => pcrel(s, 256, 'compressed branch', (off) => w16(s, cbtype(r16(s), off)))]],
  [45, ['R_RISCV_RVC_JUMP', (s) => pcrel(s, 2048, 'compressed jump', (off) => w16(s, cjtype(r16(s), off)))]],
  [51, ['R_RISCV_RELAX', () => undefined]],
  [52, ['R_RISCV_SUB6', (s) => { s.view.setUint8(s.at, (s.view.getUint8(s.at) & 0xc0) | ((s.view.getUint8(s.at) - s.value) & 0x3f)); return undefined; }]],
  [53, ['R_RISCV_SET6', (s) => { s.view.setUint8(s.at, (s.view.getUint8(s.at) & 0xc0) | (s.value & 0x3f)); return undefined; }]],
  [54, ['R_RISCV_SET8', set(8)]],
  [55, ['R_RISCV_SET16', set(16)]],
  [56, ['R_RISCV_SET32', set(32)]],
  [57, ['R_RISCV_32_PCREL', (s) => { w32(s, s.value - s.P); return undefined; }]],
  [59, ['R_RISCV_PLT32', (s) => { w32(s, s.value - s.P); return undefined; }]],
]);

/** auipc + jalr: a 32-bit pc-relative call (any address on RV32). */
function call(s: Site): string | undefined {
  const off = (s.value - s.P) | 0;
  w32(s, utype(r32(s), off));
  s.view.setUint32(s.at + 4, itype(s.view.getUint32(s.at + 4, true), off) >>> 0, true);
  return undefined;
}

/** Names of the relocations refused, with what to do instead. */
const REFUSED: Record<number, string> = {
  2: 'R_RISCV_64 (a 64-bit address, from an RV64 build): build the module for RV32 with -march=rv32imac_zicsr -mabi=ilp32',
  20: 'R_RISCV_GOT_HI20 (a GOT reference, from position-independent code): build the module with -fno-pic',
  36: 'R_RISCV_ADD64 (64-bit data, from an RV64 build): build the module for RV32',
  40: 'R_RISCV_SUB64 (64-bit data, from an RV64 build): build the module for RV32',
  46: 'R_RISCV_RVC_LUI (left by a relaxing link): load the object gcc -c wrote',
};
for (const [n, name] of [[21, 'TLS_GOT_HI20'], [22, 'TLS_GD_HI20'], [29, 'TPREL_HI20'], [30, 'TPREL_LO12_I'], [31, 'TPREL_LO12_S'], [32, 'TPREL_ADD']] as const) {
  REFUSED[n] = `R_RISCV_${name} (thread-local storage, which kernel code does not have): remove the _Thread_local/__thread variable`;
}

export function relocationName(type: number): string {
  return HANDLERS.get(type)?.[0] ?? REFUSED[type]?.split(' ')[0] ?? (type === R.ALIGN ? 'R_RISCV_ALIGN' : `relocation type ${type}`);
}

/** R_RISCV_ALIGN: the assembler left `addend` bytes of nops so that a relaxing linker could trim
 * them to the alignment; without relaxation that only works if no byte has to go. */
function align(s: Site, addend: number): string | undefined {
  let a = 1;
  while (a <= addend) a *= 2;
  const aligned = Math.ceil(s.P / a) * a;
  if (aligned === s.P + addend) return undefined;
  return `R_RISCV_ALIGN at ${s.sec.name}+0x${s.at.toString(16)} needs the linker to remove ${s.P + addend - aligned} bytes of padding, which the module loader does not do: build the module with -mno-relax`;
}

/** Bytes the relocation patches (a call patches its auipc and jalr). */
function fieldSize(type: number): number {
  if (type === 0 || type === R.RELAX || type === R.ALIGN) return 0;
  if ([33, 37, 52, 53, 54].includes(type)) return 1;
  if ([34, 38, 44, 45, 55].includes(type)) return 2;
  return type === 18 || type === 19 ? 8 : 4;
}

/** Applies `relas` to `sec`; on the first relocation it cannot apply, returns why (one line). */
export function applyRelocateAdd(sec: RelocSection, relas: Rela[], syms: RelocSymbols): string | undefined {
  const view = new DataView(sec.bytes.buffer, sec.bytes.byteOffset, sec.bytes.byteLength);
  for (const rela of relas) {
    if (rela.offset + fieldSize(rela.type) > sec.bytes.length) return `a relocation at ${sec.name}+0x${rela.offset.toString(16)} lies outside the section`;
    const site: Site = { sec, view, at: rela.offset, P: (sec.addr + rela.offset) >>> 0, value: 0 };
    if (rela.type === R.ALIGN) {
      const why = align(site, rela.addend);
      if (why) return why;
      continue;
    }
    const h = HANDLERS.get(rela.type);
    if (!h) return `${REFUSED[rela.type] ?? `relocation type ${rela.type} is not one the module loader knows`} (at ${sec.name}+0x${rela.offset.toString(16)})`;
    if (rela.type !== R.RELAX && rela.type !== 0) site.value = (syms.value(rela.sym) + rela.addend) | 0;
    const why = h[1](site, { relas, syms, rela });
    if (why) return `${h[0]}: ${why}`;
  }
  return undefined;
}
