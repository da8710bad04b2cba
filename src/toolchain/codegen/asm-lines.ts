// The assembly text codegen writes, built a block at a time. A megabyte of C becomes half a
// million lines or more; kept as one string each until the end, they would all outlive the
// young generation, and the garbage collector would copy every one of them. Joining each
// block of lines as it fills leaves one long string per block and lets the lines die young.

/** Lines joined into one string at a time. */
const BLOCK_LINES = 2048;

export class AsmLines {
  private readonly blocks: string[] = [];
  private recent: string[] = [];
  private lines = 0;

  /** Whether no line has been written (an empty builder's text() is '', as is one empty line's). */
  get empty(): boolean { return this.lines === 0; }

  push(line: string): void {
    this.lines++;
    this.recent.push(line);
    if (this.recent.length >= BLOCK_LINES) this.flush();
  }

  /** Appends another builder's lines. */
  append(other: AsmLines): void {
    if (other.empty) return;
    this.flush();
    this.blocks.push(other.text());
    this.lines += other.lines;
  }

  /** All lines so far, joined by newlines (no trailing newline). */
  text(): string {
    this.flush();
    return this.blocks.join('\n');
  }

  private flush(): void {
    if (this.recent.length === 0) return;
    this.blocks.push(this.recent.join('\n'));
    this.recent = [];
  }
}
