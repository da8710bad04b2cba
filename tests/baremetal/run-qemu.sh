#!/bin/sh
# Builds tests/baremetal/$1.c and runs it under QEMU (for trying a program by hand).
set -e
cd "$(dirname "$0")"
mkdir -p build
riscv64-unknown-elf-gcc -march=rv32ima_zicsr -mabi=ilp32 -O2 -nostdlib -nostartfiles -ffreestanding \
  -Wl,--no-warn-rwx-segments -T link.ld -o "build/$1.elf" crt0.S common.c "$1.c"
timeout 10 qemu-system-riscv32 -M virt -bios none -nographic -no-reboot -kernel "build/$1.elf"
