// The kernel log (printk's ring buffer): each line stamped with the virtual
// time it was written, as dmesg prints it ("[    1.234567] text"), and copied
// to the console when its level is below the console log level (7: every
// level but KERN_DEBUG, Linux's default).

import type { LogLevel } from './api.ts';

export interface LogRecord {
  level: LogLevel;
  ns: bigint;
  text: string;
}

/** "[    1.234567] " for a time in ns, as Linux's print_time. */
export function timestamp(ns: bigint): string {
  const us = ns / 1000n;
  const secs = (us / 1_000_000n).toString().padStart(5, ' ');
  return `[${secs}.${(us % 1_000_000n).toString().padStart(6, '0')}] `;
}

export class KernelLog {
  readonly records: LogRecord[] = [];
  consoleLevel = 7;
  /** Where console lines go (the CLI's stderr, the page's terminal). */
  onConsole: ((line: string) => void) | null = null;
  /** Told every line as it is logged, whatever its level (the machine's trace). */
  onRecord: ((text: string) => void) | null = null;
  /** Bytes kept before the oldest lines are dropped (CONFIG_LOG_BUF_SHIFT=17). */
  private readonly capacity = 1 << 17;
  private bytes = 0;

  constructor(private readonly now: () => bigint) {}

  /** Adds text, which may hold several lines (one record each). */
  write(level: LogLevel, text: string): void {
    const parts = text.split('\n');
    const last = parts.pop()!;
    for (const p of parts) this.emit(level, p);
    if (last !== '') this.emit(level, last);
  }

  private emit(level: LogLevel, text: string): void {
    const rec: LogRecord = { level, ns: this.now(), text };
    this.records.push(rec);
    this.onRecord?.(text);
    this.bytes += text.length + 16;
    while (this.bytes > this.capacity && this.records.length > 1) this.bytes -= this.records.shift()!.text.length + 16;
    if (level < this.consoleLevel) this.onConsole?.(`${timestamp(rec.ns)}${text}\n`);
  }

  /** What `dmesg` prints. */
  dmesg(): string {
    return this.records.map((r) => `${timestamp(r.ns)}${r.text}\n`).join('');
  }

  clear(): void {
    this.records.length = 0;
    this.bytes = 0;
  }
}
