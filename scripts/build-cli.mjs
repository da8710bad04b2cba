// Builds the `paravirt` command line once, so it starts fast: esbuild (which
// Vite and tsx already install) bundles src/cli/main.ts and everything it
// imports into plain JavaScript in dist-cli/. It runs as the package's
// `prepare` script, so `npm ci` builds it, and bin/paravirt.mjs runs it again
// when src/ changed since. Each command is a chunk of its own, loaded only
// when it runs, so `paravirt --help` parses almost nothing.
//
// Usage: node scripts/build-cli.mjs

import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'dist-cli');
/** The entry point bin/paravirt.mjs imports. */
export const ENTRY = 'paravirt.mjs';
/** What the build read, and when: bin/paravirt.mjs compares the sources' times with it. */
export const BUILD_INFO = 'build-info.json';
/** Chunks of an older build stay this long, for a command that started before the rebuild. */
const OLD_CHUNK_GRACE_MS = 60 * 60 * 1000;

/** Builds dist-cli/; throws (with esbuild's messages) if the sources do not build. */
export async function buildCli({ logLevel = 'warning' } = {}) {
  const startedMs = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { paravirt: 'src/cli/main.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    // yaml (lesson files) is CommonJS that requires Node's 'process': bundled into
    // ESM that require fails at run time, so it is loaded from node_modules instead.
    external: ['yaml'],
    format: 'esm',
    target: 'node20',
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true,
    logLevel,
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // The entry last: a command starting meanwhile finds either the old build or the whole new one.
  const files = [...result.outputFiles].sort((a, b) => Number(basename(a.path) === ENTRY) - Number(basename(b.path) === ENTRY));
  for (const file of files) writeAtomically(file.path, file.contents);
  const inputs = [...Object.keys(result.metafile.inputs), relative(ROOT, fileURLToPath(import.meta.url))];
  writeAtomically(join(OUT_DIR, BUILD_INFO), JSON.stringify({ builtAtMs: startedMs, inputs }, null, 1));
  removeOldChunks(new Set(files.map((f) => basename(f.path))));
}

/** Writes a file under a temporary name, then renames it: readers never see half a file. */
function writeAtomically(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

function removeOldChunks(keep) {
  const now = Date.now();
  for (const name of readdirSync(OUT_DIR)) {
    if (keep.has(name) || name === BUILD_INFO || !name.endsWith('.mjs')) continue;
    const path = join(OUT_DIR, name);
    if (now - statSync(path).mtimeMs > OLD_CHUNK_GRACE_MS) rmSync(path, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  try {
    await buildCli();
    console.log(`paravirt CLI built in ${relative(process.cwd(), OUT_DIR) || '.'}/ (${Math.round(performance.now() - t0)} ms)`);
  } catch {
    console.error('paravirt CLI: the build failed (esbuild says why above)');
    process.exitCode = 1;
  }
}
