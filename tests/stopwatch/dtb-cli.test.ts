// `paravirt dtb` as a user runs it, checked with Debian's dtc.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtBoard } from '../../src/machine/board.ts';
import { BUILD } from './build-program.ts';

const paravirt = (...args: string[]) => spawnSync('node', ['bin/paravirt.mjs', 'dtb', ...args], { encoding: 'buffer' });
const dtcText = (file: string) => execFileSync('dtc', ['-I', 'dtb', '-O', 'dts', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('paravirt dtb', () => {
  mkdirSync(BUILD, { recursive: true });

  it('-o x.dtb writes a DTB in which dtc shows stopwatch@0 under platform-bus@4000000', () => {
    const file = join(BUILD, 'x.dtb');
    expect(paravirt('-o', file).status).toBe(0);
    const dts = dtcText(file);
    expect(dts).toMatch(/platform-bus@4000000 \{[^}]*stopwatch@0 \{\n\t+compatible = "stopwatch";\n\t+reg = <0x00 0x88 0x90 0x10>;\n\t+interrupts = <0x40>;/);
  });

  it('--dts prints exactly what dtc prints for the same DTB', () => {
    const file = join(BUILD, 'y.dtb');
    paravirt('-o', file, '--bootargs', 'console=ttyS0');
    const r = paravirt('--dts', '--bootargs', 'console=ttyS0');
    expect(r.status).toBe(0);
    expect(r.stdout.toString()).toBe(dtcText(file));
  });

  it('writes the DTB to a pipe, leaves the stopwatch out with --no-stopwatch', () => {
    const piped = paravirt('--no-stopwatch');
    expect(piped.status).toBe(0);
    const file = join(BUILD, 'z.dtb');
    paravirt('--no-stopwatch', '-o', file);
    expect(Buffer.compare(piped.stdout, readFileSync(file))).toBe(0);
    expect(dtcText(file)).not.toContain('stopwatch');
  });

  it('writes the same DTB the board hands its guest (a1 at boot)', () => {
    const file = join(BUILD, 'default.dtb');
    expect(paravirt('-o', file).status).toBe(0);
    expect(Buffer.compare(readFileSync(file), new VirtBoard().dtb())).toBe(0);
  });

  it('puts --bootargs into /chosen, as QEMU\'s -append does', () => {
    const file = join(BUILD, 'bootargs.dtb');
    expect(paravirt('--bootargs', 'console=ttyS0 quiet', '-o', file).status).toBe(0);
    expect(dtcText(file)).toMatch(/chosen \{[^}]*bootargs = "console=ttyS0 quiet";/s);
  });

  it('says in one line, with status 2, when it cannot write the -o file', () => {
    for (const [file, why] of [[join(BUILD, 'no-such-folder', 'x.dtb'), 'its folder does not exist'], [BUILD, 'it is a directory']]) {
      const r = paravirt('-o', file);
      expect(r.status).toBe(2);
      expect(r.stderr.toString().trim()).toBe(`paravirt dtb: cannot write ${file}: ${why}.`);
    }
  });

  it('explains a bad --device option and exits with status 2', () => {
    const r = paravirt('--device', 'stopwatch,start_at_boot=maybe');
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toContain("'start_at_boot=maybe' is not a yes/no value");
  });
});
