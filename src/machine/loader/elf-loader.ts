// Reads an ELF32 little-endian RISC-V executable (the System V gABI and the
// RISC-V ELF psABI) into its loadable segments, as QEMU's load_elf does for
// -kernel: each PT_LOAD goes to its physical address, p_memsz beyond p_filesz
// is zero. A segment that starts below RAM only to carry the ELF headers (what
// `ld -Ttext=0x80000000` makes) is clipped, as QEMU drops bytes that land on
// no memory. Anything else is refused with one sentence a student can act on.

export class ElfLoadError extends Error {
  override name = 'ElfLoadError';
}

export interface ElfSegment {
  /** Physical load address (p_paddr, as QEMU loads). */
  addr: number;
  /** File bytes (p_filesz); the rest up to memSize is zero. */
  data: Uint8Array;
  memSize: number;
}

export interface ElfImage {
  entry: number;
  segments: ElfSegment[];
}

const EM_RISCV = 243;
const ET_EXEC = 2;
const PT_LOAD = 1;
const EHDR_SIZE = 52;
const PHDR_SIZE = 32;
const REBUILD = 'build it with riscv64-unknown-elf-gcc -march=rv32imac_zicsr -mabi=ilp32';

export interface LoadArea {
  readonly base: number;
  readonly size: number;
}

/** Parses `image`; every segment must lie inside one of `areas` (RAM, ROM). */
export function parseElf(image: Uint8Array, name: string, areas: readonly LoadArea[]): ElfImage {
  checkIdent(image, name);
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const type = view.getUint16(16, true);
  const machine = view.getUint16(18, true);
  if (machine !== EM_RISCV) throw new ElfLoadError(`${name} is an ELF file for another machine (e_machine ${machine}), not RISC-V: ${REBUILD}.`);
  if (type !== ET_EXEC) {
    const what = type === 1 ? 'a relocatable object (.o)' : type === 3 ? 'a shared object or PIE' : `of type ${type}`;
    throw new ElfLoadError(`${name} is ${what}, not an executable: link it with a linker script (-T link.ld) into an ELF executable.`);
  }
  const entry = view.getUint32(24, true);
  const phoff = view.getUint32(28, true);
  const phentsize = view.getUint16(42, true);
  const phnum = view.getUint16(44, true);
  if (phnum === 0) throw new ElfLoadError(`${name} has no program headers, so there is nothing to load: link it into an executable.`);
  if (phentsize < PHDR_SIZE) throw new ElfLoadError(`${name} is a damaged ELF file: its program headers are ${phentsize} bytes, not ${PHDR_SIZE}.`);
  if (phoff + phnum * phentsize > image.length) throw truncated(name, 'its program header table');
  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const found = readSegment(image, view, phoff + i * phentsize, name, i);
    if (!found || found.memSize === 0) continue;
    const segment = placeSegment(found, areas, image, phoff + phnum * phentsize);
    if (!segment) {
      throw new ElfLoadError(`${name}: segment ${i} (0x${hex(found.addr)}..0x${hex(found.addr + found.memSize)}) lies outside RAM and ROM; link it for RAM at 0x80000000.`);
    }
    segments.push(segment);
  }
  if (segments.length === 0) throw new ElfLoadError(`${name} has no loadable (PT_LOAD) segment, so there is nothing to run.`);
  return { entry, segments };
}

/** The segment if it fits an area; clipped if only headers and zero padding
 * hang below the area's start; undefined if it does not fit. */
function placeSegment(seg: ElfSegment, areas: readonly LoadArea[], image: Uint8Array, headersEnd: number): ElfSegment | undefined {
  const end = seg.addr + seg.memSize;
  for (const a of areas) {
    if (seg.addr >= a.base && end <= a.base + a.size) return seg;
    if (seg.addr < a.base && end > a.base && end <= a.base + a.size) {
      const cut = a.base - seg.addr;
      const fileOffset = seg.data.byteOffset - image.byteOffset;
      const dropped = seg.data.subarray(0, Math.min(cut, seg.data.length));
      const onlyHeaders = dropped.every((b, k) => b === 0 || fileOffset + k < headersEnd);
      if (!onlyHeaders) return undefined;
      return { addr: a.base, data: seg.data.subarray(Math.min(cut, seg.data.length)), memSize: seg.memSize - cut };
    }
  }
  return undefined;
}

function checkIdent(image: Uint8Array, name: string): void {
  if (image.length < 4 || image[0] !== 0x7f || image[1] !== 0x45 || image[2] !== 0x4c || image[3] !== 0x46) {
    throw new ElfLoadError(`${name} is not an ELF file: it does not start with 0x7f 'ELF'.`);
  }
  if (image.length < EHDR_SIZE) throw truncated(name, 'its ELF header');
  if (image[4] === 2) throw new ElfLoadError(`${name} is a 64-bit ELF file, but this board is RV32: ${REBUILD}.`);
  if (image[4] !== 1) throw new ElfLoadError(`${name} is a damaged ELF file: its class byte is ${image[4]}, neither 32- nor 64-bit.`);
  if (image[5] !== 1) throw new ElfLoadError(`${name} is not a little-endian ELF file, but RISC-V is little-endian: ${REBUILD}.`);
}

function readSegment(image: Uint8Array, view: DataView, at: number, name: string, i: number): ElfSegment | undefined {
  if (view.getUint32(at, true) !== PT_LOAD) return undefined;
  const offset = view.getUint32(at + 4, true);
  const addr = view.getUint32(at + 12, true);
  const fileSize = view.getUint32(at + 16, true);
  const memSize = view.getUint32(at + 20, true);
  if (fileSize > memSize) throw new ElfLoadError(`${name} is a damaged ELF file: segment ${i} has more bytes in the file (${fileSize}) than in memory (${memSize}).`);
  if (offset + fileSize > image.length) throw truncated(name, `segment ${i}`);
  return { addr, data: image.subarray(offset, offset + fileSize), memSize };
}

function truncated(name: string, what: string): ElfLoadError {
  return new ElfLoadError(`${name} is truncated: ${what} goes past the end of the file; rebuild it or copy it again.`);
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
