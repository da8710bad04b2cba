// Guest RAM as the kernel's TypeScript code sees it: the board's RAM bytes,
// by physical address. Anything outside RAM (NULL, MMIO, the service window)
// is a GuestFault, which the engine turns into an Oops of the calling task,
// except a device's memory-like region (a pass-through shared buffer), which
// memcpy_fromio and friends reach as plain memory, as on Linux; the bus counts
// and traces those as the guest's pass-through accesses (the Host pane's
// counter, the trace's "pass-through read data"). Stores tell the bus, so the
// CPU's translator drops code they overwrite.

import { GuestFault, type GuestRam } from './api.ts';
import type { GuestMemory } from '../mm/guest-memory.ts';
import type { Bus } from '../../machine/bus.ts';

export class BoardRam implements GuestRam, GuestMemory {
  private view: DataView;
  private ramView: DataView;
  private ramBytes: Uint8Array;
  /** Where the guest called the running kernel service from: pass-through accesses are traced as its. */
  callerPc = 0;
  /** A store into a pass-through buffer, traced once its bytes are written. */
  private deviceStore: { addr: number; off: number; size: number } | null = null;
  constructor(readonly base: number, private bytesArray: Uint8Array, private readonly bus?: Bus) {
    this.view = this.ramView = new DataView(bytesArray.buffer, bytesArray.byteOffset, bytesArray.byteLength);
    this.ramBytes = bytesArray;
  }

  /** The board swapped in a fresh RAM buffer (a reset). */
  attach(bytes: Uint8Array): void {
    this.bytesArray = this.ramBytes = bytes;
    this.view = this.ramView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  contains(addr: number, size = 1): boolean {
    const off = (addr >>> 0) - this.base;
    return off >= 0 && off + size <= this.ramBytes.length;
  }

  /** The offset of addr in RAM, or in a device's memory-like region (then `view`/`bytesArray` point there). */
  private at(addr: number, size: number, access: 'load' | 'store'): number {
    const off = (addr >>> 0) - this.base;
    this.view = this.ramView;
    this.bytesArray = this.ramBytes;
    if (off >= 0 && off + size <= this.ramBytes.length) {
      // A store may overwrite code the CPU translated (insmod reusing freed module memory).
      if (access === 'store') this.bus?.onRamWrite?.(addr >>> 0, size);
      return off;
    }
    const m = this.bus?.find(addr >>> 0);
    if (!m || m.region.kind !== 'ram-device' || (addr >>> 0) + size > m.end) throw new GuestFault(addr >>> 0, access, size);
    const b = m.region.bytes;
    this.bytesArray = b;
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const o = (addr >>> 0) - m.base;
    // Counted and traced as the CPU's own accesses to the buffer are (memcpy_fromio is not invisible).
    if (access === 'load') this.bus?.hostPassthrough(addr, 'read', b.subarray(o, o + size), this.callerPc);
    else this.deviceStore = { addr: addr >>> 0, off: o, size };
    return o;
  }

  /** After a store: if it went to a pass-through buffer, the bus hears of it with the bytes now there. */
  private stored(): void {
    const d = this.deviceStore;
    if (!d) return;
    this.deviceStore = null;
    this.bus?.hostPassthrough(d.addr, 'write', this.bytesArray.subarray(d.off, d.off + d.size), this.callerPc);
  }

  u8(a: number) { const o = this.at(a, 1, 'load'); return this.view.getUint8(o); }
  u16(a: number) { const o = this.at(a, 2, 'load'); return this.view.getUint16(o, true); }
  u32(a: number) { const o = this.at(a, 4, 'load'); return this.view.getUint32(o, true); }
  i32(a: number) { const o = this.at(a, 4, 'load'); return this.view.getInt32(o, true); }
  u64(a: number) { const o = this.at(a, 8, 'load'); return this.view.getBigUint64(o, true); }
  setU8(a: number, v: number) { const o = this.at(a, 1, 'store'); this.view.setUint8(o, v & 0xff); this.stored(); }
  setU16(a: number, v: number) { const o = this.at(a, 2, 'store'); this.view.setUint16(o, v & 0xffff, true); this.stored(); }
  setU32(a: number, v: number) { const o = this.at(a, 4, 'store'); this.view.setUint32(o, v >>> 0, true); this.stored(); }
  setU64(a: number, v: bigint) { const o = this.at(a, 8, 'store'); this.view.setBigUint64(o, BigInt.asUintN(64, v), true); this.stored(); }
  bytes(a: number, n: number) { const o = this.at(a, n, 'load'); return this.bytesArray.slice(o, o + n); }
  setBytes(a: number, b: Uint8Array) { const o = this.at(a, b.length, 'store'); this.bytesArray.set(b, o); this.stored(); }
  fill(a: number, v: number, n: number) { const o = this.at(a, n, 'store'); this.bytesArray.fill(v, o, o + n); this.stored(); }
  cString(a: number, max = 4096): string {
    let s = '';
    for (let i = 0; i < max; i++) {
      const c = this.u8(a + i);
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    return s;
  }
  setCString(a: number, text: string) {
    for (let i = 0; i < text.length; i++) this.setU8(a + i, text.charCodeAt(i));
    this.setU8(a + text.length, 0);
  }
  // GuestMemory, for the module loader.
  write(addr: number, bytes: Uint8Array): void { this.setBytes(addr, bytes); }
  read(addr: number, length: number): Uint8Array { return this.bytes(addr, length); }
}
