// `-S` output with the C source interleaved, like `gcc -S -fverbose-asm` or
// `objdump -S`: before the code of each `.loc`, the source lines it covers, as comments.

export function asmListing(asm: string, source: string, file: string): string {
  const src = source.split('\n');
  const name = file.slice(file.lastIndexOf('/') + 1);
  const files = new Map<number, string>();
  const out: string[] = [];
  let lastLine = 0;
  for (const line of asm.split('\n')) {
    const f = /^\s*\.file\s+(\d+)\s+"(.*)"/.exec(line);
    if (f) files.set(Number(f[1]), f[2]);
    const loc = /^\s*\.loc\s+(\d+)\s+(\d+)/.exec(line);
    if (loc && files.get(Number(loc[1])) === file && Number(loc[2]) !== lastLine) {
      const n = Number(loc[2]);
      // A statement spanning lines shows them all; a jump back (a loop) or far ahead shows just its line.
      const from = lastLine > 0 && n > lastLine && n - lastLine <= 4 ? lastLine + 1 : n;
      for (let i = from; i <= n; i++) {
        const text = src[i - 1];
        if (text !== undefined && text.trim() !== '') out.push(`# ${name}:${i}: ${text.trim()}`);
      }
      lastLine = n;
    }
    out.push(line);
  }
  return out.join('\n');
}
