// Makes sure the test oracles and the browser are on this machine before the
// tests run: Debian's riscv64-unknown-elf-gcc, qemu-system-riscv32 and dtc
// (differential tests), gcc and GTKWave's converters (oracles for printf
// formatting and VCD files) and Chromium (end-to-end tests). The playground itself
// never needs any of them. As root, missing packages are installed with
// apt-get; otherwise one line says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PARAVIRT_CHROMIUM || '/usr/bin/chromium';
const tools = [
  { what: 'riscv64-unknown-elf-gcc', pkg: 'gcc-riscv64-unknown-elf', present: () => onPath('riscv64-unknown-elf-gcc') },
  { what: 'newlib headers for the RISC-V gcc', pkg: 'picolibc-riscv64-unknown-elf', present: () => existsSync('/usr/lib/picolibc/riscv64-unknown-elf') },
  { what: 'qemu-system-riscv32', pkg: 'qemu-system-misc', present: () => onPath('qemu-system-riscv32') },
  { what: 'dtc', pkg: 'device-tree-compiler', present: () => onPath('dtc') },
  { what: 'the host C compiler gcc (printf and header oracles)', pkg: 'gcc', present: () => onPath('gcc') },
  { what: "GTKWave's vcd2fst/fst2vcd (VCD oracle)", pkg: 'gtkwave', present: () => onPath('vcd2fst') },
  { what: `Chromium (${chromium})`, pkg: 'chromium', present: () => existsSync(chromium) },
];

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const missing = tools.filter((t) => !t.present());
if (missing.length === 0) process.exit(0);

const pkgs = [...new Set(missing.map((t) => t.pkg))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  console.error(`The tests need ${missing.map((t) => t.what).join(', ')}: install them with 'sudo apt-get install ${pkgs.join(' ')}' (or set PARAVIRT_CHROMIUM to another Chromium) and run the tests again.`);
  process.exit(1);
}
console.log(`Installing the test tools: ${pkgs.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
const still = tools.filter((t) => !t.present());
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.map((t) => t.what).join(', ')}.`);
  process.exit(1);
}
