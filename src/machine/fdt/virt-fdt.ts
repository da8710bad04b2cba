// The virt board's device tree, shaped like QEMU 7.2's hw/riscv/virt.c
// (create_fdt_*; compare `qemu-system-riscv32 -M virt,dumpdtb=virt.dtb`),
// trimmed to the devices this board has. Nodes and properties are added in
// the order QEMU's DTB lists them, phandles numbered as QEMU numbers them.
// Like QEMU, no node describes the boot ROM (mrom). Our hart is RV32IMA
// without an MMU, so riscv,isa and mmu-type differ from QEMU's on purpose.

import { VIRT_IRQ, VIRT_MEMMAP, VIRT_PLIC_NUM_SOURCES, VIRT_TIMEBASE_HZ, FINISHER } from '../memmap.ts';
import type { PlatformBus } from '../platform-bus.ts';
import { cells64, FdtTree, type FdtNode } from './fdt.ts';
import { flattenFdt } from './fdt-flatten.ts';

/** The ISA string our hart implements (QEMU's says rv32imafdch_…). */
export const VIRT_RISCV_ISA = 'rv32imac_zicsr_zifencei';
/** ns16550a input clock, as QEMU's virt (3.6864 MHz). */
const UART_CLOCK_HZ = 3_686_400;
/** riscv,cpu-intc interrupt numbers (mip bits). */
const IRQ_M_SOFT = 3, IRQ_M_TIMER = 7, IRQ_S_EXT = 9, IRQ_M_EXT = 11;

export interface VirtDtbInput {
  ramBase: number;
  ramSize: number;
  platformBus: PlatformBus;
  bootargs?: string;
}

export function buildVirtDtb(input: VirtDtbInput): Uint8Array {
  return flattenFdt(buildVirtFdt(input));
}

/** The tree before flattening (for the DTS printer and tests). */
export function buildVirtFdt(input: VirtDtbInput): FdtTree {
  const tree = new FdtTree();
  const root = tree.root;
  root.setCells('#address-cells', 2).setCells('#size-cells', 2);
  root.setStrings('compatible', 'riscv-virtio').setStrings('model', 'riscv-virtio,qemu');
  // Children are created in QEMU's order; phandles must exist first.
  const chosen = root.addNode('chosen');
  const poweroff = root.addNode('poweroff');
  const reboot = root.addNode('reboot');
  const pbus = root.addNode(`platform-bus@${VIRT_MEMMAP.platformBus.base.toString(16)}`);
  addMemory(root, input.ramBase, input.ramSize);
  const intc = addCpus(tree, root);
  const soc = root.addNode('soc');
  soc.setCells('#address-cells', 2).setCells('#size-cells', 2).setStrings('compatible', 'simple-bus').setEmpty('ranges');
  const serial = soc.addNode(`serial@${VIRT_MEMMAP.uart0.base.toString(16)}`);
  const testNode = soc.addNode(`test@${VIRT_MEMMAP.test.base.toString(16)}`);
  const plicNode = soc.addNode(`plic@${VIRT_MEMMAP.plic.base.toString(16)}`);
  const plic = tree.phandle(plicNode); // QEMU numbers the PLIC before the finisher
  const test = addTest(tree, testNode);
  addPlic(plicNode, intc);
  addClint(soc, intc);
  addSerial(serial, plic);
  chosen.setStrings('stdout-path', `/soc/${serial.name}`);
  if (input.bootargs !== undefined) chosen.setStrings('bootargs', input.bootargs);
  addSyscon(poweroff, 'syscon-poweroff', FINISHER.PASS, test);
  addSyscon(reboot, 'syscon-reboot', FINISHER.RESET, test);
  addPlatformBus(tree, pbus, plic, input.platformBus);
  return tree;
}

function reg(node: FdtNode, base: number, size: number): void {
  node.setCells('reg', ...cells64(base), ...cells64(size));
}

function addMemory(root: FdtNode, base: number, size: number): void {
  const memory = root.addNode(`memory@${base.toString(16)}`);
  memory.setStrings('device_type', 'memory');
  reg(memory, base, size);
}

/** /cpus with one hart and its local interrupt controller; returns the intc phandle. */
function addCpus(tree: FdtTree, root: FdtNode): number {
  const cpus = root.addNode('cpus');
  cpus.setCells('#address-cells', 1).setCells('#size-cells', 0).setCells('timebase-frequency', VIRT_TIMEBASE_HZ);
  const cpu = cpus.addNode('cpu@0');
  const cpuHandle = tree.phandle(cpu);
  cpu.setStrings('device_type', 'cpu').setCells('reg', 0).setStrings('status', 'okay');
  cpu.setStrings('compatible', 'riscv').setStrings('riscv,isa', VIRT_RISCV_ISA).setStrings('mmu-type', 'riscv,none');
  const intc = cpu.addNode('interrupt-controller');
  intc.setCells('#interrupt-cells', 1).setEmpty('interrupt-controller').setStrings('compatible', 'riscv,cpu-intc');
  const intcHandle = tree.phandle(intc);
  cpus.addNode('cpu-map').addNode('cluster0').addNode('core0').setCells('cpu', cpuHandle);
  return intcHandle;
}

function addSerial(serial: FdtNode, plic: number): void {
  serial.setCells('interrupts', VIRT_IRQ.uart0).setCells('interrupt-parent', plic);
  serial.setCells('clock-frequency', UART_CLOCK_HZ);
  reg(serial, VIRT_MEMMAP.uart0.base, VIRT_MEMMAP.uart0.size);
  serial.setStrings('compatible', 'ns16550a');
}

function addTest(tree: FdtTree, test: FdtNode): number {
  const handle = tree.phandle(test);
  reg(test, VIRT_MEMMAP.test.base, VIRT_MEMMAP.test.size);
  test.setStrings('compatible', 'sifive,test1', 'sifive,test0', 'syscon');
  return handle;
}

/** Context 0 = hart 0 M-mode external, context 1 = hart 0 S-mode external. */
function addPlic(plic: FdtNode, intc: number): void {
  plic.setCells('riscv,ndev', VIRT_PLIC_NUM_SOURCES);
  reg(plic, VIRT_MEMMAP.plic.base, VIRT_MEMMAP.plic.size);
  plic.setCells('interrupts-extended', intc, IRQ_M_EXT, intc, IRQ_S_EXT);
  plic.setEmpty('interrupt-controller').setStrings('compatible', 'sifive,plic-1.0.0', 'riscv,plic0');
  plic.setCells('#address-cells', 0).setCells('#interrupt-cells', 1);
}

function addClint(soc: FdtNode, intc: number): void {
  const clint = soc.addNode(`clint@${VIRT_MEMMAP.clint.base.toString(16)}`);
  clint.setCells('interrupts-extended', intc, IRQ_M_SOFT, intc, IRQ_M_TIMER);
  reg(clint, VIRT_MEMMAP.clint.base, VIRT_MEMMAP.clint.size);
  clint.setStrings('compatible', 'sifive,clint0', 'riscv,clint0');
}

function addSyscon(node: FdtNode, compatible: string, value: number, regmap: number): void {
  node.setCells('value', value).setCells('offset', 0).setCells('regmap', regmap).setStrings('compatible', compatible);
}

/** QEMU's create_fdt_platform_bus (hw/core/sysbus-fdt.c) plus each device's binding. */
function addPlatformBus(tree: FdtTree, node: FdtNode, plic: number, bus: PlatformBus): void {
  node.setCells('interrupt-parent', plic);
  node.setCells('ranges', 0, ...cells64(bus.base), bus.size);
  node.setCells('#address-cells', 1).setCells('#size-cells', 1);
  node.setStrings('compatible', 'qemu,platform', 'simple-bus');
  bus.addFdtNodes(tree, node);
}
