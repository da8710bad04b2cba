// A command's file descriptors: which stream each number reads or writes.
// Redirections make a new table; closing fd n (`n>&-`) removes it.
import type { Reader, Writer } from './streams.ts';

export interface Fd { reader?: Reader; writer?: Writer }

export class IoTable {
  constructor(private readonly fds: Map<number, Fd> = new Map()) {}

  with(fd: number, entry: Fd | null): IoTable {
    const next = new Map(this.fds);
    if (entry) next.set(fd, entry);
    else next.delete(fd);
    return new IoTable(next);
  }

  get(fd: number): Fd | undefined {
    return this.fds.get(fd);
  }
}
