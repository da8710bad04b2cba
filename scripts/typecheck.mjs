// Type-checks each layer with its own tsconfig, so that `document` below the
// UI, or Node's `fs` inside the machine, is a compile error: each layer sees
// only the globals of where it runs (docs/architecture.md).
import { execFileSync } from 'node:child_process';

const configs = ['core', 'worker', 'cli', 'ui', 'test'];
let failed = false;
for (const name of configs) {
  const file = `tsconfig.${name}.json`;
  try {
    execFileSync('npx', ['tsc', '-p', file], { stdio: 'inherit' });
    console.log(`typecheck ${file}: ok`);
  } catch {
    console.error(`typecheck ${file}: FAILED (see the errors above)`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
