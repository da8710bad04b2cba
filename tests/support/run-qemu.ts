// `tests/baremetal/run-qemu.sh NAME`: builds tests/baremetal/NAME.c and runs it
// under QEMU, by hand and interactively (stdin is the guest's UART0), with the
// flags the differential tests use; prints both command lines first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BAREMETAL_DIR, GCC, GUEST_TARGET, QEMU, baremetalGccArgs, gcc, qemuArgs } from './oracles.ts';

const name = process.argv[2]?.replace(/\.c$/, '');
if (!name) {
  console.error('usage: tests/baremetal/run-qemu.sh NAME   (builds tests/baremetal/NAME.c and runs it under QEMU)');
  process.exit(2);
}
if (!existsSync(join(BAREMETAL_DIR, `${name}.c`))) {
  console.error(`run-qemu.sh: there is no tests/baremetal/${name}.c; give the name of one of the C files there, e.g. hello`);
  process.exit(2);
}
const build = join(BAREMETAL_DIR, 'build');
mkdirSync(build, { recursive: true });
const elf = join(build, `${name}.elf`);
const sources = [join(BAREMETAL_DIR, 'common.c'), join(BAREMETAL_DIR, `${name}.c`)];
const gccArgs = baremetalGccArgs(sources, elf);
console.error(`$ ${GCC} ${[...GUEST_TARGET, ...gccArgs].join(' ')}`);
try {
  gcc(gccArgs);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
console.error(`$ ${QEMU} ${qemuArgs(elf).join(' ')}`);
const r = spawnSync(QEMU, qemuArgs(elf), { stdio: 'inherit' });
process.exit(r.status ?? 1);
