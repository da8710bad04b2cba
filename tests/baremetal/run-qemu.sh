#!/bin/sh
# Builds tests/baremetal/$1.c and runs it under QEMU (for trying a program by hand),
# with the flags of tests/support/oracles.ts, which the differential tests use.
set -e
cd "$(dirname "$0")/../.."
exec npx --no-install tsx tests/support/run-qemu.ts "$@"
