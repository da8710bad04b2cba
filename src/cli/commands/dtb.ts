// `paravirt dtb`: writes the virt board's flattened device tree, or prints it
// as DTS (what `qemu-system-riscv32 -M virt,dumpdtb=FILE` and `dtc -O dts` give).

import { writeFileSync } from 'node:fs';
import { cannotWriteReason } from '../write-error.ts';
import { DeviceOptionError, parseDeviceOption } from '../../machine/devices/stopwatch/stopwatch-option.ts';
import type { StopwatchProps } from '../../machine/devices/stopwatch/stopwatch.ts';
import { VirtBoard } from '../../machine/board.ts';
import { printDts } from '../../machine/fdt/dts.ts';
import { parseFdt } from '../../machine/fdt/fdt-parse.ts';

const USAGE = `usage: paravirt dtb [-o FILE.dtb] [--dts] [--device stopwatch,PROP=VALUE,...|--no-stopwatch] [--bootargs TEXT]

Writes the device tree of the virt board (DTB, version 17).
  -o FILE        write the DTB to FILE (without -o it goes to stdout, if that is not a terminal)
  --dts          print it as DTS source instead (like dtc -I dtb -O dts)
  --device OPT   the stopwatch's properties, as QEMU's -device: stopwatch,start_at_boot=false,on_error=log
  --no-stopwatch leave the stopwatch out (an empty platform bus)
  --bootargs T   put bootargs = "T" in /chosen`;

interface DtbArgs {
  out?: string;
  dts: boolean;
  stopwatch: StopwatchProps | null;
  bootargs?: string;
}

function parseArgs(args: string[]): DtbArgs | string {
  const opts: DtbArgs = { dts: false, stopwatch: parseDeviceOption('stopwatch') };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) throw new DeviceOptionError(`${a} needs a value`);
      return v;
    };
    if (a === '-o' || a === '--output') opts.out = next();
    else if (a === '--dts') opts.dts = true;
    else if (a === '--no-stopwatch') opts.stopwatch = null;
    else if (a === '--device') opts.stopwatch = parseDeviceOption(next());
    else if (a === '--bootargs') opts.bootargs = next();
    else return `paravirt dtb: unknown option '${a}'`;
  }
  return opts;
}


export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let opts: DtbArgs | string;
  try {
    opts = parseArgs(args);
  } catch (e) {
    if (!(e instanceof DeviceOptionError)) throw e;
    opts = `paravirt dtb: ${e.message}`;
  }
  if (typeof opts === 'string') {
    console.error(`${opts}\n\n${USAGE}`);
    return 2;
  }
  // The very DTB the board hands its guest in a1 at boot.
  const dtb = new VirtBoard({ stopwatch: opts.stopwatch, bootargs: opts.bootargs }).dtb();
  const output: Uint8Array | string = opts.dts ? printDts(parseFdt(dtb)) : dtb;
  if (opts.out) return writeOutput(opts.out, output);
  if (!opts.dts && process.stdout.isTTY) {
    console.error('paravirt dtb: a DTB is binary; not writing it to the terminal.\n'
      + 'Use -o FILE.dtb to save it, --dts to read it as text, or pipe it: paravirt dtb | dtc -I dtb -O dts');
    return 1;
  }
  process.stdout.write(output);
  return 0;
}

/** Writes the DTB (or DTS) to a file; a path it cannot write is one line and status 2. */
function writeOutput(path: string, output: Uint8Array | string): number {
  try {
    writeFileSync(path, output);
    return 0;
  } catch (e) {
    console.error(`paravirt dtb: cannot write ${path}: ${cannotWriteReason(e)}.`);
    return 2;
  }
}
