// The stopwatch as the Device and Host panes show it, taken from the board by
// peeking: no guest access, so taking a view costs no exit, logs no host
// line, emits no trace event and changes no state. A host (the guest's or the
// bare-metal one) asks for a view after every slice; `DeviceViewSource.take`
// answers null unless something a pane shows changed, by comparing a handful
// of numbers (the exit and pass-through counters, the model's fields, the
// PLIC bits), not the bytes: shared memory changes only through a counted
// access (a guest's pass-through write, or a command's exit), so the counters
// move whenever the bytes do.

import type {
  DeviceRangeView, DeviceRegisterView, DeviceView, ExitView, HostModelView, PlicSourceView,
} from '../protocol/device-view.ts';
import type { VirtBoard } from '../machine/board.ts';
import { printDtsNode } from '../machine/fdt/dts.ts';
import type { FdtNode } from '../machine/fdt/fdt.ts';
import { parseFdt } from '../machine/fdt/fdt-parse.ts';
import {
  STOPWATCH_COMPATIBLE, STOPWATCH_REG, actionName, stateName,
} from '../machine/devices/stopwatch/stopwatch-regs.ts';

/** A live ioremap, as the guest kernel keeps it (src/guest/kernel/services/ioremap.ts). */
export interface IoMappingLike {
  phys: number;
  size: number;
  virt: number;
}

/** What a view needs of the board: the VirtBoard, read only. */
export type DeviceViewBoard = Pick<VirtBoard, 'stopwatch' | 'plic' | 'platformBus' | 'bus' | 'clock' | 'dtb'>;

const DEVICE = 'stopwatch';
const TIMEOUT_CODE = { none: 0, armed: 1, fired: 2 } as const;

export class DeviceViewSource {
  /** The numbers the last view was taken at (empty: none taken yet). */
  private last: number[] = [];
  private dtNode: { path: string; dts: string } | null | undefined;

  /** `mappings`: the guest kernel's ioremaps (null: no kernel, a bare-metal program). */
  constructor(private readonly board: DeviceViewBoard, private readonly mappings: () => readonly IoMappingLike[] | null = () => null) {}

  /** A view if anything shown changed since the last one (or `force`), else null; null too if the board has no stopwatch. */
  take(force = false): DeviceView | null {
    if (!this.board.stopwatch) return null;
    const key = this.signature();
    if (!force && sameNumbers(key, this.last)) return null;
    this.last = key;
    return this.view();
  }

  /** The view now, whether or not it changed. */
  view(): DeviceView | null {
    const sw = this.board.stopwatch;
    const attached = this.board.platformBus.devices.find((d) => d.device === sw);
    if (!sw || !attached) return null;
    const model = sw.peek();
    const source = attached.irqSources[0];
    const node = this.node();
    const mem = sw.mem;
    return {
      device: DEVICE,
      timeNs: this.board.clock.nowNs(),
      registers: registers(model.command, model.status),
      memory: mem ? mem.bytes.slice() : new Uint8Array(0),
      memoryBase: this.board.platformBus.base + attached.mmioOffsets[0],
      irq: { line: sw.irqs[0].name, level: model.irq, source },
      plic: plicView(this.board, source),
      host: hostView(model),
      exits: exitView(this.board),
      dtNode: {
        path: node?.path ?? '(not in the device tree)',
        dts: node?.dts ?? '',
        ranges: this.ranges(attached.mmioOffsets, sw.mmio.map((r) => r.size)),
      },
    };
  }

  private ranges(offsets: readonly number[], sizes: readonly number[]): DeviceRangeView[] {
    const maps = this.mappings() ?? [];
    return offsets.map((offset, i): DeviceRangeView => {
      const phys = this.board.platformBus.base + offset, size = sizes[i];
      const hit = maps.find((m) => m.phys < phys + size && phys < m.phys + m.size);
      return {
        name: i === 0 ? 'mem' : 'regs', kind: i === 0 ? 'passthrough' : 'trap', phys, size,
        ioremap: hit ? (hit.virt + (phys - hit.phys)) >>> 0 : null,
      };
    });
  }

  /** The stopwatch's node, found by its compatible in the tree the guest was given (parsed once per board). */
  private node(): { path: string; dts: string } | null {
    if (this.dtNode !== undefined) return this.dtNode;
    const tree = parseFdt(this.board.dtb());
    const found = findCompatible(tree.root, STOPWATCH_COMPATIBLE, '');
    this.dtNode = found ? { path: found.path, dts: printDtsNode(found.node) } : null;
    return this.dtNode;
  }

  private signature(): number[] {
    const b = this.board, sw = b.stopwatch!;
    const m = sw.peek();
    const pass = b.bus.exits.passthroughCount(DEVICE);
    const attached = b.platformBus.devices.find((d) => d.device === sw);
    const p = attached ? b.plic.peekSource(attached.irqSources[0]) : null;
    const maps = this.mappings() ?? [];
    let mapSum = 0;
    for (const x of maps) mapSum += x.virt + x.size;
    return [
      b.bus.exits.exitCount(DEVICE), pass.reads, pass.writes, m.status, m.command, m.totalNs, m.startMarkNs,
      TIMEOUT_CODE[m.timeout], m.deadlineNs ?? -1, m.irq ? 1 : 0,
      p ? p.priority : -1, p?.pending ? 1 : 0, p?.claimed ? 1 : 0, p?.level ? 1 : 0,
      ...(p ? p.enabled.map((e) => (e ? 1 : 0)) : []), ...(p ? p.thresholds : []),
      maps.length, mapSum,
    ];
  }
}

function registers(command: number, status: number): DeviceRegisterView[] {
  return [
    { name: 'command', offset: STOPWATCH_REG.command, size: 8, access: 'WO', raw: command, valueName: actionName(command) },
    { name: 'status', offset: STOPWATCH_REG.status, size: 8, access: 'RO', raw: status, valueName: stateName(status) },
  ];
}

function plicView(board: DeviceViewBoard, source: number): PlicSourceView {
  const p = board.plic.peekSource(source);
  return {
    source, priority: p.priority, pending: p.pending, claimed: p.claimed, level: p.level,
    contexts: p.enabled.map((enabled, context) => ({ context, enabled, threshold: p.thresholds[context] })),
  };
}

function hostView(m: ReturnType<NonNullable<DeviceViewBoard['stopwatch']>['peek']>): HostModelView {
  return {
    status: stateName(m.status) ?? `unknown (${m.status})`, accumulatedNs: m.totalNs, startMarkNs: m.startMarkNs,
    timeout: m.timeout, deadlineNs: m.deadlineNs,
  };
}

function exitView(board: DeviceViewBoard): ExitView {
  const stats = board.bus.exits.snapshot();
  const mine = stats.devices[DEVICE];
  const pass = stats.passthrough[DEVICE];
  const prefix = `${DEVICE}.`;
  const registers = Object.entries(stats.registers)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, c]) => ({ name: key.slice(prefix.length), exits: c.exits, reads: c.reads, writes: c.writes, timeNs: c.timeNs }));
  return {
    exits: mine?.exits ?? 0, exitReads: mine?.reads ?? 0, exitWrites: mine?.writes ?? 0, exitTimeNs: mine?.timeNs ?? 0,
    passthroughReads: pass?.reads ?? 0, passthroughWrites: pass?.writes ?? 0, registers, allDevicesExits: stats.totalExits,
  };
}

function findCompatible(node: FdtNode, compatible: string, parentPath: string): { node: FdtNode; path: string } | null {
  const path = node.name ? `${parentPath}/${node.name}` : '';
  if (node.strings('compatible')?.includes(compatible)) return { node, path: path || '/' };
  for (const child of node.children) {
    const found = findCompatible(child, compatible, path);
    if (found) return found;
  }
  return null;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
