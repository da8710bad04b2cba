import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { Tracer } from '../trace/tracer.ts';
import {
  UART_FCR_FE, UART_IER, UART_IER_RDI, UART_IER_THRI, UART_IIR, UART_IIR_CTI, UART_IIR_NO_INT, UART_IIR_RDI,
  UART_IIR_THRI, UART_LCR, UART_LCR_DLAB, UART_LSR, UART_LSR_DR, UART_LSR_TEMT, UART_LSR_THRE, UART_MSR, UART_RBR,
  UART_SCR, Uart16550,
} from './uart16550.ts';

function setup() {
  const counter = { instret: 0 };
  const clock = new VirtualClock();
  clock.attachCounter(counter);
  const uart = new Uart16550(clock, new Tracer(clock));
  uart.realize();
  return { uart, clock, counter };
}
const text = (s: string) => new TextEncoder().encode(s);

describe('Uart16550', () => {
  it('collects transmitted bytes and always shows THR empty', () => {
    const { uart } = setup();
    for (const b of text('hi\n')) uart.write(UART_RBR, b, 1);
    expect(new TextDecoder().decode(uart.takeOutput())).toBe('hi\n');
    expect(uart.takeOutput().length).toBe(0);
    expect(uart.read(UART_LSR, 1) & (UART_LSR_THRE | UART_LSR_TEMT)).toBe(UART_LSR_THRE | UART_LSR_TEMT);
  });

  it('has the power-on registers of QEMU', () => {
    const { uart } = setup();
    expect(uart.read(UART_IIR, 1)).toBe(UART_IIR_NO_INT);
    expect(uart.read(UART_LSR, 1)).toBe(0x60);
    expect(uart.read(UART_MSR, 1)).toBe(0xb0);
    expect(uart.read(4, 1)).toBe(0x08);
  });

  it('DLAB switches offsets 0 and 1 to the divisor latch', () => {
    const { uart } = setup();
    uart.write(UART_LCR, UART_LCR_DLAB | 3, 1);
    uart.write(UART_RBR, 0x34, 1);
    uart.write(UART_IER, 0x12, 1);
    expect(uart.read(UART_RBR, 1)).toBe(0x34);
    expect(uart.read(UART_IER, 1)).toBe(0x12);
    expect(uart.takeOutput().length).toBe(0);
    uart.write(UART_LCR, 3, 1);
    expect(uart.read(UART_IER, 1)).toBe(0);
    uart.write(UART_SCR, 0xa5, 1);
    expect(uart.read(UART_SCR, 1)).toBe(0xa5);
  });

  it('receives one byte at a time without FIFO, holding the rest back', () => {
    const { uart } = setup();
    uart.receive(text('ab'));
    expect(uart.read(UART_LSR, 1) & UART_LSR_DR).toBe(UART_LSR_DR);
    expect(uart.read(UART_RBR, 1)).toBe(0x61);
    expect(uart.read(UART_RBR, 1)).toBe(0x62);
    expect(uart.read(UART_LSR, 1) & UART_LSR_DR).toBe(0);
  });

  it('raises its line for received data when IER.RDI is set, and lowers it once read', () => {
    const { uart } = setup();
    uart.write(UART_IER, UART_IER_RDI, 1);
    expect(uart.irq.level).toBe(false);
    uart.receive(text('x'));
    expect(uart.irq.level).toBe(true);
    expect(uart.read(UART_IIR, 1) & 0x0f).toBe(UART_IIR_RDI);
    uart.read(UART_RBR, 1);
    expect(uart.irq.level).toBe(false);
  });

  it('raises THR-empty when THRI is enabled, acknowledged by reading IIR', () => {
    const { uart } = setup();
    uart.write(UART_IER, UART_IER_THRI, 1);
    expect(uart.irq.level).toBe(true);
    expect(uart.read(UART_IIR, 1) & 0x0f).toBe(UART_IIR_THRI);
    expect(uart.irq.level).toBe(false);
    uart.write(UART_RBR, 0x41, 1);
    expect(uart.irq.level).toBe(true);
  });

  it('with the FIFO on, below the trigger level a character timeout interrupts after 4 character times', () => {
    const { uart, clock, counter } = setup();
    uart.write(UART_IIR, UART_FCR_FE | 0x80, 1); // trigger level 8
    expect(uart.read(UART_IIR, 1) & 0xc0).toBe(0xc0);
    uart.write(UART_IER, UART_IER_RDI, 1);
    uart.receive(text('abc'));
    expect(uart.irq.level).toBe(false);
    counter.instret = clock.nextDeadlineNs();
    clock.fireDue();
    expect(uart.irq.level).toBe(true);
    expect(uart.read(UART_IIR, 1) & 0x0f).toBe(UART_IIR_CTI);
    expect([0, 1, 2].map(() => uart.read(UART_RBR, 1))).toEqual([0x61, 0x62, 0x63]);
    expect(uart.irq.level).toBe(false);
  });

  it('with the FIFO on, reaching the trigger level interrupts at once', () => {
    const { uart } = setup();
    uart.write(UART_IIR, UART_FCR_FE | 0x40, 1); // trigger level 4
    uart.write(UART_IER, UART_IER_RDI, 1);
    uart.receive(text('abcd'));
    expect(uart.irq.level).toBe(true);
    expect(uart.read(UART_IIR, 1) & 0x0f).toBe(UART_IIR_RDI);
  });

  it('loopback mode sends what is written back to the receiver, not the console', () => {
    const { uart } = setup();
    uart.write(4, 0x1b, 1); // MCR: LOOP | OUT2 | RTS | DTR
    uart.write(UART_RBR, 0x5a, 1);
    expect(uart.takeOutput().length).toBe(0);
    expect(uart.read(UART_LSR, 1) & UART_LSR_DR).toBe(UART_LSR_DR);
    expect(uart.read(UART_RBR, 1)).toBe(0x5a);
    expect(uart.read(UART_MSR, 1)).toBe(0x80 | 0x20 | 0x10);
  });

  it('the FIFO holds 16 bytes; more wait until the guest reads', () => {
    const { uart } = setup();
    uart.write(UART_IIR, UART_FCR_FE, 1);
    uart.receive(text('0123456789abcdefXY'));
    const got: number[] = [];
    while (uart.read(UART_LSR, 1) & UART_LSR_DR) got.push(uart.read(UART_RBR, 1));
    expect(new TextDecoder().decode(Uint8Array.from(got))).toBe('0123456789abcdefXY');
  });
});
