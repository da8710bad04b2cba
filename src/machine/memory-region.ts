// A memory region, the way QEMU models them (include/exec/memory.h): either
// plain memory backed by bytes (RAM, ROM, or a device's pass-through buffer
// that guest and host share), or I/O whose every access calls the owning
// device back. A device never knows where its regions are mapped: callbacks
// receive an offset into the region. The two shapes are a tagged union on
// `kind`, so code that checks the kind gets the bytes or the callbacks
// without an assertion.

export type AccessSize = 1 | 2 | 4;

/** Read/write callbacks of an I/O region (QEMU's MemoryRegionOps). Values are
 * unsigned 32-bit numbers; the CPU is RV32, so no access is wider. */
export interface MemoryRegionOps {
  read(offset: number, size: AccessSize): number;
  write(offset: number, value: number, size: AccessSize): void;
  /** The callbacks' names as the device's C source would call them ("stopwatch_io_read"), for traces. */
  readonly readName?: string;
  readonly writeName?: string;
}

interface RegionCommon {
  readonly name: string;
  readonly size: number;
  /** Owning device, for traces and exit accounting ("stopwatch"). */
  readonly owner: string;
}

/**
 * Memory backed by bytes:
 * - `ram`: guest RAM, read/write, not traced.
 * - `rom`: read-only memory; a store is an access fault.
 * - `ram-device`: a device's shared memory (QEMU's memory_region_init_ram_ptr):
 *   guest and host both read and write it, no callback, no VM exit; every
 *   access is traced as pass-through.
 */
export interface RamRegion extends RegionCommon {
  readonly kind: 'ram' | 'rom' | 'ram-device';
  readonly bytes: Uint8Array;
  /** A shared buffer's field at an offset, for traces ("data_len", "data[3]"). */
  readonly describe?: (offset: number) => string | undefined;
}

/** I/O: every access calls `ops` (a VM exit into the device model). */
export interface IoRegion extends RegionCommon {
  readonly kind: 'io';
  readonly ops: MemoryRegionOps;
  /** Register name of an offset, for traces ("command"). */
  readonly describe?: (offset: number) => string | undefined;
  /** The name of a value written to or read from an offset, for traces ("START"). */
  readonly describeValue?: (offset: number, value: number) => string | undefined;
  /** Narrowest access the region accepts (QEMU's ops.valid.min_access_size);
   * a narrower one is an access fault, as on QEMU. */
  readonly minAccessSize: AccessSize;
}

export type MemoryRegion = RamRegion | IoRegion;

export function ramRegion(name: string, owner: string, size: number, kind: RamRegion['kind'] = 'ram'): RamRegion {
  return { name, owner, kind, size, bytes: new Uint8Array(size) };
}

export function ioRegion(
  name: string, owner: string, size: number, ops: MemoryRegionOps,
  describe?: (offset: number) => string | undefined, minAccessSize: AccessSize = 1,
): IoRegion {
  return { name, owner, kind: 'io', size, ops, describe, minAccessSize };
}
