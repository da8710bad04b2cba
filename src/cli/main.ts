// The `paravirt` command line: one subcommand per file in ./commands. Each
// subcommand takes its arguments and returns the process exit status.

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ main(args: string[]): Promise<number> }> }> = {
  'run-elf': { summary: 'run a RISC-V ELF on the virt board, UART0 on stdout', load: () => import('./commands/run-elf.ts') },
  dtb: { summary: "write the board's device tree (DTB), or print it as DTS", load: () => import('./commands/dtb.ts') },
  cc: { summary: 'compile kernel-C (a driver, or a bare-metal program)', load: () => import('./commands/cc.ts') },
  guest: { summary: 'boot the Linux-like guest with the stopwatch driver and run its shell', load: () => import('./commands/guest.ts') },
  lesson: { summary: "list the lessons, or grade your driver against a lesson's check", load: () => import('./commands/lesson.ts') },
};

function usage(): string {
  const lines = ['usage: paravirt <command> [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(9)} ${c.summary}`);
  lines.push('', "Run 'paravirt <command> --help' for a command's options.");
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    console.error(usage()); // a mistake: the usage goes where errors go
    return 2;
  }
  if (name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`paravirt: '${name}' is not a command.\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).main(args);
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (err: unknown) => {
    console.error(`paravirt: internal error (a bug in the playground, please report it): ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(70);
  },
);
