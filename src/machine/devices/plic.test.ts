import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { Tracer } from '../trace/tracer.ts';
import { Plic } from './plic.ts';

const PRIORITY = (src: number) => 4 * src;
const PENDING = 0x1000;
const ENABLE = (ctx: number) => 0x2000 + 0x80 * ctx;
const THRESHOLD = (ctx: number) => 0x20_0000 + 0x1000 * ctx;
const CLAIM = (ctx: number) => 0x20_0004 + 0x1000 * ctx;

function setup() {
  const clock = new VirtualClock();
  const tracer = new Tracer(clock);
  tracer.enabled = true;
  const plic = new Plic(tracer);
  plic.realize();
  return { plic, tracer };
}

describe('Plic', () => {
  it('a raised source is pending, but reaches MEIP only when enabled with priority above the threshold', () => {
    const { plic } = setup();
    plic.setInput(10, true);
    expect(plic.read(PENDING, 4)).toBe(1 << 10);
    expect(plic.irqs[0].level).toBe(false);
    plic.write(ENABLE(0), 1 << 10, 4);
    expect(plic.irqs[0].level).toBe(false); // priority 0 never interrupts
    plic.write(PRIORITY(10), 1, 4);
    expect(plic.irqs[0].level).toBe(true);
    expect(plic.irqs[1].level).toBe(false); // S context not enabled
    plic.write(THRESHOLD(0), 1, 4);
    expect(plic.irqs[0].level).toBe(false);
  });

  it('claim returns the highest priority source, lowest id on a tie, and clears its pending bit', () => {
    const { plic } = setup();
    for (const s of [5, 7, 40]) {
      plic.write(PRIORITY(s), s === 40 ? 3 : 2, 4);
      plic.setInput(s, true);
    }
    plic.write(ENABLE(0), (1 << 5) | (1 << 7), 4);
    plic.write(ENABLE(0) + 4, 1 << 8, 4);
    expect(plic.read(CLAIM(0), 4)).toBe(40);
    expect(plic.read(PENDING + 4, 4)).toBe(0);
    expect(plic.read(CLAIM(0), 4)).toBe(5);
    expect(plic.read(CLAIM(0), 4)).toBe(7);
    expect(plic.read(CLAIM(0), 4)).toBe(0);
    expect(plic.irqs[0].level).toBe(false);
  });

  it('a low input does not clear a latched pending bit, a repeated assertion sets it again', () => {
    const { plic } = setup();
    plic.setInput(5, true);
    plic.setInput(5, false);
    expect(plic.read(PENDING, 4)).toBe(1 << 5);
    plic.write(PRIORITY(5), 1, 4);
    plic.write(ENABLE(0), 1 << 5, 4);
    expect(plic.read(CLAIM(0), 4)).toBe(5);
    plic.setInput(5, true);
    plic.setInput(5, true); // qemu_set_irq again while claimed: pending, not delivered
    expect(plic.read(PENDING, 4)).toBe(1 << 5);
    expect(plic.irqs[0].level).toBe(false);
    plic.setInput(5, false);
    plic.write(CLAIM(0), 5, 4);
    expect(plic.irqs[0].level).toBe(true);
  });

  it('a level still high at complete is pending again (level-triggered gateway)', () => {
    const { plic } = setup();
    plic.write(PRIORITY(10), 1, 4);
    plic.write(ENABLE(0), 1 << 10, 4);
    plic.setInput(10, true);
    expect(plic.read(CLAIM(0), 4)).toBe(10);
    expect(plic.irqs[0].level).toBe(false);
    plic.write(CLAIM(0), 10, 4);
    expect(plic.irqs[0].level).toBe(true);
    expect(plic.read(CLAIM(0), 4)).toBe(10);
    plic.setInput(10, false);
    plic.write(CLAIM(0), 10, 4);
    expect(plic.irqs[0].level).toBe(false);
    expect(plic.read(PENDING, 4)).toBe(0);
  });

  it('priorities keep their low 3 bits and thresholds above 7 are ignored, as QEMU', () => {
    const { plic } = setup();
    plic.write(PRIORITY(3), 0x1f, 4);
    expect(plic.read(PRIORITY(3), 4)).toBe(7);
    plic.write(THRESHOLD(1), 5, 4);
    plic.write(THRESHOLD(1), 9, 4);
    expect(plic.read(THRESHOLD(1), 4)).toBe(5);
  });

  it('context 1 drives SEIP independently', () => {
    const { plic } = setup();
    plic.write(PRIORITY(64), 1, 4);
    plic.write(ENABLE(1) + 8, 1, 4);
    plic.setInput(64, true);
    expect(plic.irqs[1].level).toBe(true);
    expect(plic.irqs[0].level).toBe(false);
    expect(plic.read(CLAIM(1), 4)).toBe(64);
  });

  it('pending bits are read-only', () => {
    const { plic } = setup();
    plic.write(PENDING, 0xffffffff, 4);
    expect(plic.read(PENDING, 4)).toBe(0);
  });

  it('traces line changes, pending, claim and complete', () => {
    const { plic, tracer } = setup();
    plic.write(PRIORITY(10), 1, 4);
    plic.write(ENABLE(0), 1 << 10, 4);
    plic.setInput(10, true);
    plic.read(CLAIM(0), 4);
    plic.write(CLAIM(0), 10, 4);
    const kinds = tracer.drain().map((e) => (e.kind === 'plic' ? `plic:${e.action}` : e.kind));
    expect(kinds).toEqual(['irq-line', 'plic:pending', 'plic:claim', 'plic:complete', 'plic:pending']);
  });
});
