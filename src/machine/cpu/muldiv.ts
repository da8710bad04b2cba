// The M extension's high-part multiplies and divisions on int32 values, with
// the spec's corner cases (RISC-V unprivileged spec, ch. 7: division by zero
// gives all ones / the dividend, MIN / -1 overflows to MIN). No BigInt: these
// sit in the interpreter's hot loop, and V8 inlines them.

/** High 32 bits of the unsigned 64-bit product of a and b (as int32). */
export function mulhu(a: number, b: number): number {
  const al = a & 0xffff, ah = a >>> 16;
  const bl = b & 0xffff, bh = b >>> 16;
  const lh = al * bh, hl = ah * bl;
  const mid = ((al * bl) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (ah * bh + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) | 0;
}

/** High 32 bits of the signed × signed product. */
export function mulh(a: number, b: number): number {
  let h = mulhu(a, b);
  if (a < 0) h = (h - b) | 0;
  if (b < 0) h = (h - a) | 0;
  return h;
}

/** High 32 bits of the signed a × unsigned b product. */
export function mulhsu(a: number, b: number): number {
  const h = mulhu(a, b);
  return a < 0 ? (h - b) | 0 : h;
}

export function div(a: number, b: number): number {
  if (b === 0) return -1;
  if (b === -1) return -a | 0; // MIN / -1 wraps to MIN
  return (a / b) | 0;
}

export function divu(a: number, b: number): number {
  if (b === 0) return -1;
  return ((a >>> 0) / (b >>> 0)) | 0;
}

export function rem(a: number, b: number): number {
  if (b === 0) return a;
  if (b === -1) return 0;
  return (a % b) | 0;
}

export function remu(a: number, b: number): number {
  if (b === 0) return a;
  return ((a >>> 0) % (b >>> 0)) | 0;
}
