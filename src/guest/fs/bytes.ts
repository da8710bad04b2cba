// Text and bytes for the guest: the shell handles "byte strings" (one char per
// byte, 0-255) as dash does, and converts to and from UTF-8 at the edges.

/** UTF-8 bytes of a JavaScript string. */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** A byte string (one char per byte) from bytes. */
export function bytesToBinary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return s;
}

/** Bytes from a byte string (chars above 255 are truncated to their low byte). */
export function binaryToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** The byte string of a JavaScript string's UTF-8 encoding. */
export function toBinary(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : bytesToBinary(utf8Encode(text));
}

/** A JavaScript string from UTF-8 bytes (invalid sequences become U+FFFD). */
export function utf8Decode(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (n < 0) { s += '\ufffd'; i++; continue; }
    let c = n === 0 ? b : b & (0x3f >> n);
    let ok = true;
    for (let k = 1; k <= n; k++) {
      const t = bytes[i + k];
      if (t === undefined || (t & 0xc0) !== 0x80) { ok = false; break; }
      c = (c << 6) | (t & 0x3f);
    }
    if (!ok) { s += '\ufffd'; i++; continue; }
    s += String.fromCodePoint(c);
    i += n + 1;
  }
  return s;
}
