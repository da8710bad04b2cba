// How guest-kernel code written in TypeScript reaches guest RAM: by physical
// address, a byte range at a time. The board's RAM (or a plain array in a test)
// implements it, so the module loader can be exercised without a board.

export interface GuestMemory {
  write(addr: number, bytes: Uint8Array): void;
  read(addr: number, length: number): Uint8Array;
}

/** Guest RAM as one byte array starting at `base`; an access outside it is a bug in the kernel, so it throws. */
export class ArrayGuestMemory implements GuestMemory {
  readonly bytes: Uint8Array;
  constructor(readonly base: number, size: number) {
    this.bytes = new Uint8Array(size);
  }

  write(addr: number, bytes: Uint8Array): void {
    this.bytes.set(bytes, this.offset(addr, bytes.length));
  }

  read(addr: number, length: number): Uint8Array {
    const at = this.offset(addr, length);
    return this.bytes.slice(at, at + length);
  }

  private offset(addr: number, length: number): number {
    const at = addr - this.base;
    if (at < 0 || at + length > this.bytes.length) {
      throw new RangeError(`guest access 0x${(addr >>> 0).toString(16)}+${length} is outside RAM 0x${this.base.toString(16)}+${this.bytes.length}`);
    }
    return at;
  }
}
