// C's printf("%.2f", ns / 1e9) for the stopwatch's UPDATE text, rounded the
// way glibc does: the exact binary value of the double, round half to even.
// (Number.prototype.toFixed breaks exact ties upwards, so it differs on e.g.
// 0.125.)

/** Formats a finite, non-negative double with two decimals, correctly rounded. */
export function formatFixed2(x: number): string {
  if (!Number.isFinite(x) || x < 0) return x.toFixed(2);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const expBits = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let exponent = -1074;
  if (expBits !== 0) {
    mantissa |= 1n << 52n;
    exponent = expBits - 1075;
  }
  // x * 100 = mantissa * 100 * 2^exponent = num / den exactly.
  let num = mantissa * 100n;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  let q = num / den;
  const twiceRem = 2n * (num - q * den);
  if (twiceRem > den || (twiceRem === den && (q & 1n) === 1n)) q++;
  const digits = q.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The stopwatch's UPDATE text for a duration in virtual nanoseconds. */
export function formatStopwatchSeconds(ns: number): string {
  return `${formatFixed2(ns / 1e9)} seconds`;
}
