// The slow-motion replay's story, read from real trace events: one trapped
// access travelling guest → bus → host → back, or one interrupt travelling
// device → PLIC → CPU → handler → ACK → complete. Each hop is an event the
// machine recorded (its text is the trace's own words, trace-text.ts), at
// its virtual time. A hop the trace does not hold is kept, marked missing,
// with what its absence means: an interrupt whose handler never wrote the ACK
// is the storm lesson 4 is about, and the replay should say so, not skip it.
// Pure: the page passes its trace buffer, the tests a recorded trace.

import type { TraceEvent } from '../../protocol/trace-events.ts';
import { describeTraceEvent, durationText, hex } from '../../protocol/trace-text.ts';
import type { JourneyKind } from '../store/classroom-slice.ts';
import { indexOfSeq, seqSource, type SeqSource } from '../../protocol/seq-search.ts';

/** Where a hop happens: a box of the replay's picture. */
export type HopPlace = 'guest' | 'bus' | 'host' | 'device' | 'plic' | 'cpu' | 'handler';

export interface Hop {
  place: HopPlace;
  /** The hop's name ("Guest CPU", "PLIC: claim"). */
  title: string;
  /** What happened, in the trace's words. */
  text: string;
  /** The event the hop stands for; null when the trace has none (`missing`). */
  event: TraceEvent | null;
  timeNs: number | null;
  /** Set when the trace has no such event: what that means. */
  missing?: string;
}

export interface Journey {
  kind: JourneyKind;
  /** One line: what travels ("write command = START (1) → stopwatch_io_write"). */
  title: string;
  hops: Hop[];
  /** The hop the replay was opened on (the selected event's), or 0. */
  startHop: number;
}

/** The trace as the replay reads it: the page's TraceBuffer, or an array in tests. */
export type EventSource = SeqSource;
export { seqSource as arraySource, indexOfSeq };

/** How far the search goes from one event to the next of the same story (events, not time). */
const NEAR = 16;
const INTERRUPT_SPAN = 4000;

type Mmio = Extract<TraceEvent, { kind: 'mmio' }>;
type Exit = Extract<TraceEvent, { kind: 'vm-exit' }>;

const isTrappedAccess = (e: TraceEvent): e is Mmio => e.kind === 'mmio' && e.access === 'trap';
const isRise = (e: TraceEvent): e is Extract<TraceEvent, { kind: 'irq-line' }> => e.kind === 'irq-line' && e.level === 1;

/** Index of the first event from `from` towards `to` (inclusive, either direction) that matches. */
function find(src: EventSource, from: number, to: number, match: (e: TraceEvent) => boolean): number {
  const stepBy = to >= from ? 1 : -1;
  const end = Math.max(-1, Math.min(src.size, to + stepBy));
  for (let i = from; i !== end; i += stepBy) if (i >= 0 && i < src.size && match(src.at(i))) return i;
  return -1;
}

function hopOf(place: HopPlace, title: string, event: TraceEvent, text = describeTraceEvent(event)): Hop {
  return { place, title, text, event, timeNs: event.timeNs };
}

function missingHop(place: HopPlace, title: string, missing: string): Hop {
  return { place, title, text: missing, event: null, timeNs: null, missing };
}

// ---------------------------------------------------------------- access

/** The trapped access an event belongs to (the access itself, its exit, a host log, its entry), or -1. */
function accessIndexNear(src: EventSource, i: number): number {
  const e = src.at(i);
  if (isTrappedAccess(e)) return i;
  if (e.kind === 'vm-exit') return find(src, i + 1, i + NEAR, isTrappedAccess);
  if (e.kind === 'vm-entry' || e.kind === 'device-log') return find(src, i - 1, i - NEAR, isTrappedAccess);
  return -1;
}

/** The journey of the trapped access at `index` (a `mmio` event with access 'trap'). */
export function accessJourney(src: EventSource, index: number, selectedSeq: number | null = null): Journey | null {
  const access = src.at(index);
  if (!isTrappedAccess(access)) return null;
  // The exit is recorded when the instruction traps, before the access (whose time includes the exit's price).
  const exitAt = find(src, index - 1, index - NEAR, (e) => e.kind === 'vm-exit' && e.device === access.device);
  const exit = exitAt >= 0 ? src.at(exitAt) as Exit : null;
  const entryAt = find(src, index + 1, index + NEAR * 4, (e) => e.kind === 'vm-entry' && e.device === access.device);
  const entry = entryAt >= 0 ? src.at(entryAt) : null;
  const callback = exit?.callback ?? `${access.device}'s callback`;
  const verb = access.op === 'write' ? 'store' : 'load';
  const what = `${access.op} ${access.reg ?? `${access.region}+${hex(access.offset)}`}${access.valueName ? ` = ${access.valueName}` : ''}`;

  // What the host did inside the callback: its log lines, timers armed, lines raised or lowered.
  const effects: string[] = [];
  if (entryAt > index) {
    for (let i = index + 1; i < entryAt; i++) {
      const e = src.at(i);
      if (e.kind === 'device-log' || e.kind === 'timer' || e.kind === 'irq-line') effects.push(describeTraceEvent(e));
    }
  }

  const guest = hopOf('guest', 'Guest CPU: the instruction',
    exit ?? access, `${verb} instruction at pc ${access.pc !== undefined ? hex(access.pc) : '?'}: ${describeTraceEvent(access)}`);
  const bus = exit
    ? hopOf('bus', 'Bus: the address is an io region, so it traps', exit,
      `${hex(access.addr)} is in ${access.region} → ${describeTraceEvent(exit)}`)
    : missingHop('bus', 'Bus', 'The trace has no VM exit for this access (it was dropped from the ring).');
  const host = hopOf('host', `Host: ${callback}`, access,
    `${callback}(${access.reg ?? hex(access.offset)}, ${access.valueName ?? hex(access.value)})${effects.length ? ` · ${effects.join(' · ')}` : ''}`);
  const back = entry
    ? hopOf('guest', 'Back to the guest', entry,
      `${describeTraceEvent(entry)}; the ${verb} completes${exit ? ` after ${durationText(exit.costNs)} in the host` : ''}`)
    : missingHop('guest', 'Back to the guest', 'No VM entry yet: the machine stopped inside the exit, or its events have not arrived.');
  const hops = [guest, bus, host, back];
  return { kind: 'access', title: `${what} → ${callback}`, hops, startHop: startHopOf(hops, selectedSeq) };
}

// ---------------------------------------------------------------- interrupt

/** The rising edge an interrupt event belongs to (searching back from it), or -1. */
function riseIndexNear(src: EventSource, i: number): number {
  const e = src.at(i);
  const partOfInterrupt = e.kind === 'irq-line' || e.kind === 'plic' || (e.kind === 'trap' && e.interrupt) || e.kind === 'trap-return'
    || (e.kind === 'kcall' && e.into === 'irq-handler')
    || (e.kind === 'timer' && e.action === 'fire');
  if (!partOfInterrupt) return -1;
  if (e.kind === 'timer') return find(src, i + 1, i + NEAR, isRise);
  return find(src, i, i - INTERRUPT_SPAN, (x) => isRise(x) && (e.kind !== 'plic' || x.source === e.source));
}

/** The journey of the interrupt whose line rose at `index` (an `irq-line` event with level 1). */
export function interruptJourney(src: EventSource, index: number, selectedSeq: number | null = null): Journey | null {
  const rise = src.at(index);
  if (!isRise(rise)) return null;
  const source = rise.source;
  const last = Math.min(src.size - 1, index + INTERRUPT_SPAN);
  const at = (from: number, match: (e: TraceEvent) => boolean) => (from < 0 ? -1 : find(src, from, last, match));

  const pendingAt = at(index + 1, (e) => e.kind === 'plic' && e.action === 'pending' && e.source === source);
  // An external interrupt (S: 9, M: 11); a timer tick may be taken on the way.
  const trapAt = at(Math.max(index, pendingAt) + 1, (e) => e.kind === 'trap' && e.interrupt && (e.cause === 9 || e.cause === 11));
  const claimAt = at(trapAt + 1, (e) => e.kind === 'plic' && e.action === 'claim' && e.source === source);
  const handlerAt = at(claimAt + 1, (e) => e.kind === 'kcall' && e.into === 'irq-handler');
  const completeAt = at(Math.max(claimAt, handlerAt) + 1, (e) => e.kind === 'plic' && e.action === 'complete' && e.source === source);
  // The ACK: the line falls while the handler runs (before the PLIC is told the claim is complete).
  const fallAt = handlerAt < 0 ? -1 : find(src, handlerAt + 1, completeAt >= 0 ? completeAt : last,
    (e) => e.kind === 'irq-line' && e.level === 0 && e.line === rise.line);
  const ackWriteAt = fallAt < 0 ? -1 : find(src, fallAt - 1, handlerAt + 1, isTrappedAccess);
  const returnAt = completeAt < 0 ? -1 : at(completeAt + 1, (e) => e.kind === 'trap-return');
  // A line still high when the claim completes makes the source pending again at once, without a new edge:
  // the kernel claims it again inside the same trap (the storm its guard stops, docs/guest/irq-storms.md).
  const pendingAgain = completeAt >= 0 && fallAt < 0
    && find(src, completeAt + 1, completeAt + NEAR, (e) => e.kind === 'plic' && e.action === 'pending' && e.source === source) >= 0;

  const get = (i: number) => (i >= 0 ? src.at(i) : null);
  const trap = get(trapAt);
  const handler = get(handlerAt);
  const handlerName = handler?.kind === 'kcall' ? handler.name : 'the handler';
  const fall = get(fallAt);
  const ackWrite = get(ackWriteAt);
  const ackExitAt = ackWriteAt < 0 ? -1 : find(src, ackWriteAt - 1, ackWriteAt - NEAR, (e) => e.kind === 'vm-exit');
  const ackExit = get(ackExitAt);

  const cause = (e: TraceEvent) => e.kind === 'trap' ? `${describeTraceEvent(e)}: the CPU stops what it ran at ${hex(e.epc)} and enters the kernel's trap handler` : describeTraceEvent(e);
  const hops: Hop[] = [
    hopOf('device', `Device: line ${source ?? rise.line} rises`, rise),
    pendingAt >= 0 ? hopOf('plic', 'PLIC: pending', src.at(pendingAt), `${describeTraceEvent(src.at(pendingAt))}: the PLIC signals the hart (SEIP)`)
      : missingHop('plic', 'PLIC: pending', 'The PLIC did not mark the source pending (is it enabled?).'),
    trap ? hopOf('cpu', 'CPU: trap', trap, cause(trap))
      : missingHop('cpu', 'CPU: trap', 'The hart has not taken the interrupt yet (interrupts disabled, or the machine is paused).'),
    claimAt >= 0 ? hopOf('plic', 'PLIC: claim', src.at(claimAt), `${describeTraceEvent(src.at(claimAt))}: the kernel asks which source it was`)
      : missingHop('plic', 'PLIC: claim', 'The kernel did not claim the interrupt.'),
    handler ? hopOf('handler', `Handler: ${handlerName}`, handler)
      : missingHop('handler', 'Handler', 'No driver handler ran: the kernel handled it itself, or no driver registered one with request_irq.'),
    fall
      ? hopOf('device', 'ACK: the line falls', ackWrite ?? fall,
        `${ackWrite ? `${describeTraceEvent(ackWrite)}${ackExit?.kind === 'vm-exit' && ackExit.callback ? ` → ${ackExit.callback}` : ''} · ` : ''}${describeTraceEvent(fall)}`)
      : missingHop('device', 'ACK', `${handlerName} returned without acknowledging the device: the line is still high, so the PLIC will raise it again as soon as the claim completes (an interrupt storm).`),
    completeAt >= 0 ? hopOf('plic', 'PLIC: complete', src.at(completeAt), `${describeTraceEvent(src.at(completeAt))}: ${pendingAgain
      ? `the line is still high, so source ${source} is pending again at once`
      : 'the source may interrupt again'}`)
      : missingHop('plic', 'PLIC: complete', 'The kernel has not completed the claim (yet).'),
    returnAt >= 0 ? hopOf('cpu', 'CPU: back to what it ran', src.at(returnAt))
      : missingHop('cpu', 'CPU: return', pendingAgain
        ? `The trap does not return: the kernel claims source ${source} again and again (an interrupt storm) until its storm guard disables the line.`
        : 'The trap has not returned (yet).'),
  ];
  return { kind: 'interrupt', title: `IRQ ${source ?? rise.line} → ${handlerName}`, hops, startHop: startHopOf(hops, selectedSeq) };
}

function startHopOf(hops: Hop[], selectedSeq: number | null): number {
  if (selectedSeq === null) return 0;
  const i = hops.findIndex((h) => h.event?.seq === selectedSeq);
  return Math.max(0, i);
}

// ---------------------------------------------------------------- choosing

/** The newest access to a device (not the PLIC's claims) that has come back to the guest; else any trapped access. */
function newestAccess(src: EventSource): number {
  const entry = find(src, src.size - 1, 0, (e) => e.kind === 'vm-entry' && e.device !== 'plic');
  const fromEntry = entry >= 0 ? accessIndexNear(src, entry) : -1;
  return fromEntry >= 0 ? fromEntry : find(src, src.size - 1, 0, isTrappedAccess);
}

/** The newest interrupt a driver's handler took (not the console's); else the newest that completed; else the newest rise. */
function newestInterrupt(src: EventSource): number {
  const handler = find(src, src.size - 1, 0, (e) => e.kind === 'kcall' && e.into === 'irq-handler');
  const fromHandler = handler >= 0 ? riseIndexNear(src, handler) : -1;
  if (fromHandler >= 0) return fromHandler;
  const complete = find(src, src.size - 1, 0, (e) => e.kind === 'plic' && e.action === 'complete');
  const fromComplete = complete >= 0 ? riseIndexNear(src, complete) : -1;
  return fromComplete >= 0 ? fromComplete : find(src, src.size - 1, 0, isRise);
}

/**
 * The journey to replay: the one the event `anchorSeq` belongs to (of `kind`,
 * if given), else the newest of `kind`, else whichever of the two happened
 * last. Null when the trace holds neither.
 */
export function chooseJourney(src: EventSource, anchorSeq: number | null, kind: JourneyKind | null): Journey | null {
  const anchor = anchorSeq === null ? -1 : indexOfSeq(src, anchorSeq);
  if (anchor >= 0) {
    if (kind !== 'interrupt') {
      const a = accessIndexNear(src, anchor);
      if (a >= 0) return accessJourney(src, a, anchorSeq);
    }
    if (kind !== 'access') {
      const r = riseIndexNear(src, anchor);
      if (r >= 0) return interruptJourney(src, r, anchorSeq);
    }
  }
  const a = kind === 'interrupt' ? -1 : newestAccess(src);
  const r = kind === 'access' ? -1 : newestInterrupt(src);
  if (a < 0 && r < 0) return null;
  if (r < 0) return accessJourney(src, a);
  const irq = interruptJourney(src, r);
  // An access made inside the interrupt (the handler's ACK) is part of it: the interrupt is what happened last.
  const irqEnd = Math.max(...(irq?.hops ?? []).map((h) => h.event?.seq ?? -1));
  return a < 0 || irqEnd >= src.at(a).seq ? irq : accessJourney(src, a);
}
