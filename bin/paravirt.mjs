#!/usr/bin/env node
// The `paravirt` command. It runs the JavaScript that `npm ci` built from
// src/cli (dist-cli/, see scripts/build-cli.mjs), which starts much faster
// than compiling the TypeScript at every start. When a source file changed
// since that build (you are editing src/), it builds again first, in a
// fraction of a second, so your edit counts; if it cannot build, it runs the
// TypeScript through tsx, with a one-line note.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-cli', 'paravirt.mjs');

/** The build exists and no file it was built from changed since. */
function builtIsCurrent() {
  try {
    const info = JSON.parse(readFileSync(join(root, 'dist-cli', 'build-info.json'), 'utf8'));
    statSync(built);
    return info.inputs.every((file) => statSync(join(root, file)).mtimeMs <= info.builtAtMs);
  } catch {
    return false; // no build yet, or a source file was removed
  }
}

async function rebuild() {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli({ logLevel: 'silent' });
    return true;
  } catch (err) {
    const why = err?.errors?.length ? 'src/cli does not compile' : err instanceof Error ? err.message : String(err);
    console.error(`paravirt: could not rebuild the command line (${why}); running the TypeScript sources with tsx instead.`);
    return false;
  }
}

if (builtIsCurrent() || (await rebuild())) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
