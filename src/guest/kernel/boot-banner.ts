// The boot lines a Linux 6.1 riscv kernel prints about its machine (setup_arch,
// free_area_init, riscv_fill_hwcap, riscv-intc, the PLIC driver, the RISC-V
// timer, sched_clock, earlycon), in Linux's words, each fact read from the DTB
// the boot ROM handed over: nothing here is assumed about the board.

import { ofCells, ofStrings, type OfNode } from '../of/fdt.ts';

const NSEC_PER_SEC = 1_000_000_000n;
const U64_MAX = (1n << 64n) - 1n;

function find(node: OfNode, test: (n: OfNode) => boolean): OfNode | undefined {
  if (test(node)) return node;
  for (const c of node.children) {
    const hit = find(c, test);
    if (hit) return hit;
  }
  return undefined;
}

const compatible = (c: string) => (n: OfNode) => ofStrings(n, 'compatible')?.includes(c) ?? false;
const mem = (v: bigint) => `0x${v.toString(16).padStart(16, '0')}`;

/** clocks_calc_mult_shift (kernel/time/clocksource.c): the largest shift whose mult still fits `maxsec`. */
export function clocksCalcMultShift(from: bigint, to: bigint, maxsec: bigint): { mult: bigint; shift: bigint } {
  let sftacc = 32n;
  for (let tmp = (maxsec * from) >> 32n; tmp > 0n; tmp >>= 1n) sftacc--;
  let sft = 32n, mult = 0n;
  for (; sft > 0n; sft--) {
    mult = ((to << sft) + from / 2n) / from;
    if ((mult >> sftacc) === 0n) break;
  }
  return { mult, shift: sft };
}

/** clocks_calc_max_nsecs: the cycles and ns a clocksource may go unread (half of the wrap, as Linux). */
export function clocksCalcMaxNsecs(mult: bigint, shift: bigint, maxadj: bigint, mask: bigint): { cycles: bigint; ns: bigint } {
  let cycles = U64_MAX / (mult + maxadj);
  if (cycles > mask) cycles = mask;
  const ns = ((cycles * (mult - maxadj)) & U64_MAX) >> shift;
  return { cycles, ns: ns >> 1n };
}

/** The clocksource line of clocksource_register_hz for a 64-bit counter at `hz`. */
function clocksourceLine(name: string, hz: bigint): string {
  const { mult, shift } = clocksCalcMultShift(hz, NSEC_PER_SEC, 600n);
  const maxadj = (mult * 11n) / 100n;
  const max = clocksCalcMaxNsecs(mult, shift, maxadj, U64_MAX);
  return `clocksource: ${name}: mask: 0x${U64_MAX.toString(16)} max_cycles: 0x${max.cycles.toString(16)}, max_idle_ns: ${max.ns} ns`;
}

/** sched_clock_register's line for a 64-bit counter at `hz`. */
function schedClockLine(hz: bigint): string {
  const { mult, shift } = clocksCalcMultShift(hz, NSEC_PER_SEC, 3600n);
  const resolution = mult >> shift;
  const wrap = clocksCalcMaxNsecs(mult, shift, 0n, U64_MAX).ns;
  const rate = hz >= 4_000_000n ? `${hz / 1_000_000n}M` : hz >= 4000n ? `${hz / 1000n}k` : `${hz}`;
  return `sched_clock: 64 bits at ${rate}Hz, resolution ${resolution}ns, wraps every ${wrap}ns`;
}

function memoryLines(root: OfNode): string[] {
  const node = find(root, (n) => ofStrings(n, 'device_type')?.[0] === 'memory');
  const reg = node && ofCells(node, 'reg');
  if (!reg || reg.length < 4) return [];
  const base = (BigInt(reg[0]) << 32n) | BigInt(reg[1]);
  const end = base + ((BigInt(reg[2]) << 32n) | BigInt(reg[3])) - 1n;
  const range = `[mem ${mem(base)}-${mem(end)}]`;
  return ['Zone ranges:', `  Normal   ${range}`, 'Movable zone start for each node', 'Early memory node ranges',
    `  node   0: ${range}`, `Initmem setup node 0 ${range}`];
}

/** riscv_fill_hwcap: the single-letter extensions of riscv,isa, in alphabetical order. */
function isaLines(root: OfNode): string[] {
  const isa = find(root, (n) => ofStrings(n, 'device_type')?.[0] === 'cpu');
  const text = isa && ofStrings(isa, 'riscv,isa')?.[0];
  if (!text) return [];
  const letters = [...new Set(text.replace(/^rv(32|64)/, '').split('_')[0])].sort().join('');
  const elf = [...letters].filter((c) => 'imafdc'.includes(c)).join('');
  return [`riscv: base ISA extensions ${letters}`, `riscv: ELF capabilities ${elf}`];
}

/** plic_init: sources from riscv,ndev; a context per interrupts-extended pair, a handler per hart's S-mode context. */
function plicLines(root: OfNode): string[] {
  const plic = find(root, compatible('riscv,plic0')) ?? find(root, compatible('sifive,plic-1.0.0'));
  const ndev = plic && ofCells(plic, 'riscv,ndev')?.[0];
  const ext = plic && ofCells(plic, 'interrupts-extended');
  if (!plic || ndev === undefined || !ext) return [];
  const contexts = ext.length / 2;
  const handlers = new Set(ext.filter((_, i) => i % 2 === 0 && ext[i + 1] === 9)).size;
  return [`plic: ${plic.name}: mapped ${ndev} interrupts with ${handlers} handlers for ${contexts} contexts.`];
}

function timerLines(root: OfNode): string[] {
  const cpus = find(root, (n) => n.fullPath === '/cpus');
  const hz = cpus && ofCells(cpus, 'timebase-frequency')?.[0];
  if (!hz) return [];
  return ['riscv-timer: riscv_timer_init_dt: Registering clocksource cpuid [0] hartid [0]',
    clocksourceLine('riscv_clocksource', BigInt(hz)), schedClockLine(BigInt(hz))];
}

/** earlycon on /chosen's stdout-path: Linux's boot console, the board's UART. */
function earlyconLines(root: OfNode): string[] {
  const chosen = find(root, (n) => n.fullPath === '/chosen');
  const path = chosen && ofStrings(chosen, 'stdout-path')?.[0]?.split(':')[0];
  const uart = path ? find(root, (n) => n.fullPath === path) : undefined;
  const reg = uart && ofCells(uart, 'reg');
  if (!uart || !reg || !compatible('ns16550a')(uart)) return [];
  const addr = `0x${(reg.length >= 4 ? reg[1] : reg[0]).toString(16).padStart(8, '0')}`;
  return [`earlycon: ns16550a0 at MMIO ${addr} (options '')`, 'printk: bootconsole [ns16550a0] enabled'];
}

/** The lines after "Linux version", as setup_arch to time_init print them. */
export function bootBannerLines(root: OfNode): string[] {
  const model = ofStrings(root, 'model')?.[0] ?? ofStrings(root, 'compatible')?.[0] ?? 'unknown';
  return [`Machine model: ${model}`, ...earlyconLines(root), ...memoryLines(root), ...isaLines(root),
    'riscv-intc: 32 local interrupts mapped', ...plicLines(root), ...timerLines(root)];
}
