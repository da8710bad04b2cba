// `paravirt cc`: the kernel-C compiler on the command line, with gcc's options and
// gcc's diagnostic format (file:line:col: error: …, the source line and a caret).

import { existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { compile, type CompileOptions } from '../../toolchain/compile.ts';
import { formatDiagnostic } from '../../toolchain/diagnostics.ts';
import { cannotWriteReason } from '../write-error.ts';
import { commandArgs } from '../command-args.ts';

const USAGE = `usage: paravirt cc FILE.c [-o OUT] [--bare-metal] [-S] [-c] [-I DIR] [-D NAME[=VALUE]]

Compiles kernel-C (C99 with the GNU extensions Linux drivers use) for RV32IMA.
  -c             make a relocatable module (ELF REL, FILE.o) for insmod  (the default)
  --bare-metal   make a bare-metal program for the virt board (ELF EXEC, FILE.elf):
                 start-up code, the runtime library, text at 0x80000000; run it with
                 'paravirt run-elf FILE.elf' or qemu-system-riscv32 -M virt -bios none -kernel
  -S             write assembly (FILE.s) with the C source lines as comments
  -o OUT         output file ('-' = standard output)
  -I DIR         search DIR for #include files
  -D NAME[=VAL]  define a macro (VAL defaults to 1)
  -U NAME        undefine a macro given with -D
  -include FILE  read FILE before the source (Kbuild's -include kconfig.h)
  -isystem DIR   search DIR for #include files, after the -I directories
  -nostdinc      accepted: kernel-C has no system headers to leave out
  -O*, -g*, -W*, -f*, -m*, -std=*, -pipe, -nostdlib, -ffreestanding
                 accepted (Kbuild passes them); they do not change kernel-C's output
Diagnostics go to standard error; the exit status is 1 when there are errors.`;

interface CcArgs {
  file: string;
  out?: string;
  output: CompileOptions['output'];
  includeDirs: string[];
  systemDirs: string[];
  defines: Record<string, string>;
  includes: string[];
}

/** gcc flags Kbuild passes that change nothing in kernel-C's output (optimisation level, warnings,
 * code model, debug info, dialect): accepted silently, as gcc accepts -W/-f flags it ignores. */
const IGNORED_FLAGS = /^-(O\d?|Os|Og|Oz|g.*|W.*|f.*|std=.*|march=.*|mabi=.*|mcmodel=.*|mno-.*|mstrict-align|msmall-data-limit=.*|nostdinc|nostdlib|pipe|no-pie)$/;

function parseArgs(args: string[]): CcArgs | string {
  const a: Omit<CcArgs, 'file'> & { file?: string } = { output: 'object', includeDirs: [], systemDirs: [], defines: {}, includes: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (flag: string): string | undefined => (arg === flag ? args[++i] : arg.slice(flag.length));
    if (arg === '-o') { a.out = args[++i]; if (a.out === undefined) return "'-o' needs a file name"; }
    else if (arg === '--bare-metal') a.output = 'bare-metal-elf';
    else if (arg === '-S') a.output = 'asm';
    else if (arg === '-c') a.output = a.output === 'asm' ? 'asm' : 'object';
    else if (arg.startsWith('-I')) { const d = value('-I'); if (!d) return "'-I' needs a directory"; a.includeDirs.push(d); }
    else if (arg.startsWith('-D')) {
      const d = value('-D');
      if (!d) return "'-D' needs a macro name";
      const eq = d.indexOf('=');
      a.defines[eq < 0 ? d : d.slice(0, eq)] = eq < 0 ? '1' : d.slice(eq + 1);
    } else if (arg.startsWith('-U')) { const d = value('-U'); if (!d) return "'-U' needs a macro name"; delete a.defines[d]; }
    else if (arg === '-include') { const f = args[++i]; if (!f) return "'-include' needs a file name"; a.includes.push(f); }
    else if (arg.startsWith('-isystem')) { const d = value('-isystem'); if (!d) return "'-isystem' needs a directory"; a.systemDirs.push(d); }
    else if (IGNORED_FLAGS.test(arg)) continue;
    else if (arg.startsWith('-')) return `unknown option '${arg}'`;
    else if (a.file) return `only one input file is supported (got '${a.file}' and '${arg}')`;
    else a.file = arg;
  }
  if (!a.file) return 'no input file';
  return { ...a, file: a.file };
}

function defaultOutput(file: string, output: CompileOptions['output']): string {
  const stem = basename(file, extname(file));
  return `${stem}${output === 'asm' ? '.s' : output === 'object' ? '.o' : '.elf'}`;
}

function readSource(path: string): string | undefined {
  try {
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

export async function main(args: string[]): Promise<number> {
  const parsed = commandArgs('cc', USAGE, args, parseArgs);
  if (typeof parsed === 'number') return parsed;
  const source = readSource(parsed.file);
  if (source === undefined) {
    console.error(`paravirt cc: cannot read '${parsed.file}': ${unreadableReason(parsed.file)}`);
    return 1;
  }
  const missing = parsed.includes.find((f) => readSource(f) === undefined);
  if (missing !== undefined) {
    console.error(`paravirt cc: cannot read '${missing}' given to -include: ${unreadableReason(missing)}`);
    return 1;
  }
  const sources = new Map<string, string>([[parsed.file, source]]);
  const readFile = (path: string): string | undefined => {
    const text = readSource(path);
    if (text !== undefined) sources.set(path, text);
    return text;
  };
  const includeDirs = [...parsed.includeDirs, ...parsed.systemDirs];
  const result = compile({ file: parsed.file, source, includeDirs, defines: parsed.defines, readFile, includes: parsed.includes }, { output: parsed.output });
  for (const d of result.diagnostics) console.error(formatDiagnostic(d, sources.get(d.loc.file)));
  if (!result.ok) return 1;
  const bytes = parsed.output === 'asm' ? result.listing ?? result.asm ?? '' : parsed.output === 'object' ? result.objectBytes : result.elf;
  if (bytes === undefined) {
    console.error('paravirt cc: internal compiler error: no output was produced');
    return 1;
  }
  const out = parsed.out ?? defaultOutput(parsed.file, parsed.output);
  if (out === '-') process.stdout.write(bytes);
  else {
    try {
      writeFileSync(out, bytes);
    } catch (e) {
      console.error(`paravirt cc: cannot write ${out}: ${cannotWriteReason(e)}.`);
      return 1;
    }
  }
  return 0;
}

function unreadableReason(path: string): string {
  if (!existsSync(path)) return 'no such file';
  return statSync(path).isDirectory() ? 'it is a directory, not a C file' : 'it is not a regular file';
}
