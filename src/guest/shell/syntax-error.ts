// A syntax error, with the line it is on, in the words busybox ash uses
// ("syntax error: unexpected ..."). `incomplete` marks input that ends
// inside a command, so a terminal can ask for more lines.

export class ShellSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly incomplete = false) {
    super(message);
  }
}
