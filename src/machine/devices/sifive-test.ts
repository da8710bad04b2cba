// The test finisher of QEMU's virt board (hw/misc/sifive_test.c): a write to
// offset 0 of 0x5555 powers off with success, 0x3333 | code << 16 powers off
// with `code`, 0x7777 resets the machine; any other value or offset is ignored,
// and reads return 0, as in QEMU.

import type { DeviceState, SysBusDevice } from '../device.ts';
import { ioRegion, type AccessSize, type MemoryRegion } from '../memory-region.ts';
import { FINISHER, VIRT_MEMMAP } from '../memmap.ts';

export type FinisherRequest = { kind: 'poweroff'; exitCode: number } | { kind: 'reset' };

export class SifiveTest implements SysBusDevice {
  readonly typeName = 'riscv.sifive.test';
  readonly irqs = [];
  readonly mmio: MemoryRegion[] = [];
  /** The board sets it: records the request and stops the CPU loop. */
  onRequest: (request: FinisherRequest) => void = () => {};

  realize(): void {
    if (this.mmio.length) return;
    this.mmio.push(ioRegion('test', 'test', VIRT_MEMMAP.test.size, {
      read: () => 0,
      write: (offset, value, size) => this.write(offset, value, size),
    }, (offset) => (offset === 0 ? 'finisher' : undefined), 2)); // QEMU's sifive_test takes 16- and 32-bit accesses
  }

  write(offset: number, value: number, _size: AccessSize): void {
    if (offset !== 0) return;
    const status = value & 0xffff;
    const code = (value >>> 16) & 0xffff;
    if (status === FINISHER.PASS) this.onRequest({ kind: 'poweroff', exitCode: 0 });
    else if (status === FINISHER.FAIL) this.onRequest({ kind: 'poweroff', exitCode: code });
    else if (status === FINISHER.RESET) this.onRequest({ kind: 'reset' });
  }

  reset(): void {}

  saveState(): DeviceState {
    return { version: 1 };
  }

  loadState(_state: DeviceState): void {}
}
