// Array helpers that stay safe for the huge arrays a student can produce (a 1 MB string
// literal, a macro argument of 10^5 tokens, a function of 10^5 statements): spreading
// such an array into a call's arguments (push(...a), String.fromCharCode(...a)) overflows
// the engine's stack, which would surface as a misleading "nested too deeply" error.

/** Appends every item to `out` (what `out.push(...items)` does, for any length). */
export function appendAll<T>(out: T[], items: ArrayLike<T>): T[] {
  for (let i = 0; i < items.length; i++) out.push(items[i]);
  return out;
}

const CHUNK = 8192;

/** The string whose char codes are `codes` (String.fromCharCode(...codes), for any length). */
export function charCodesToString(codes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < codes.length; i += CHUNK) {
    const part: number[] = [];
    for (let j = i; j < Math.min(codes.length, i + CHUNK); j++) part.push(codes[j]);
    s += String.fromCharCode(...part);
  }
  return s;
}
