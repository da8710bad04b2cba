// Reads one line from a stream without consuming what follows it, for
// `read`: a chunk's remainder is pushed back on the reader.
import { bytesToBinary, binaryToBytes } from '../../fs/bytes.ts';
import type { InterruptController } from '../interrupt.ts';
import type { Reader } from '../streams.ts';

const pushedBack = new WeakMap<Reader, Uint8Array>();

/** One line with its newline (or the last unterminated one), or null at end of file. */
export async function readLine(reader: Reader, signal: InterruptController): Promise<string | null> {
  let text = '';
  for (;;) {
    const chunk = pushedBack.get(reader) ?? (await reader.read(signal));
    pushedBack.delete(reader);
    if (!chunk) return text || null;
    const s = bytesToBinary(chunk);
    const nl = s.indexOf('\n');
    if (nl >= 0) {
      if (nl + 1 < s.length) pushedBack.set(reader, binaryToBytes(s.slice(nl + 1)));
      return text + s.slice(0, nl + 1);
    }
    text += s;
  }
}
