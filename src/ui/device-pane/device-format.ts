// How the Device and Host panes write times and addresses: virtual time in
// seconds (the trace's axis), addresses in 8-digit hex as Linux prints them.

/** Virtual time as seconds: "2.104 s" (`digits` after the point). */
export function seconds(ns: number, digits = 3): string {
  return `${(ns / 1e9).toFixed(digits)} s`;
}

/** A duration in the unit that reads best: "5 µs", "1.20 ms", "2.000 s". */
export function duration(ns: number): string {
  if (ns < 1_000) return `${ns} ns`;
  if (ns < 1_000_000) return `${+(ns / 1_000).toFixed(1)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(2)} ms`;
  return seconds(ns);
}

export function hex8(v: number): string {
  return `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
}

export function hex(v: number): string {
  return `0x${(v >>> 0).toString(16)}`;
}
