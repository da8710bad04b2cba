// How every command of the CLI starts: `--help` prints its usage (exit 0), and
// arguments that do not parse print what is wrong, then the usage (exit 2:
// the command line was wrong, not the program it ran).

/** The parsed arguments, or the exit status to return at once. `parse` gives a message for arguments it refuses. */
export function commandArgs<T extends object>(command: string, usage: string, args: string[], parse: (args: string[]) => T | string): T | number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    console.error(`paravirt ${command}: ${parsed}\n\n${usage}`);
    return 2;
  }
  return parsed;
}
