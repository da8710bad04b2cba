// How much the kernel-C compiler adds to the browser bundle: bundles
// src/toolchain/compile.ts (the whole pipeline, with its runtime library and
// headers) the way the site's production build does — minified ES module —
// and prints its size raw and gzipped. Target: under 200 KB gzipped.

import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

const TARGET_GZIP_BYTES = 200 * 1024;

async function bundleSize(entry: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: 'bundle' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  let raw = 0;
  let gzip = 0;
  for (const out of outputs) {
    for (const chunk of out.output) {
      const code = chunk.type === 'chunk' ? chunk.code : chunk.source;
      raw += Buffer.byteLength(code);
      gzip += gzipSync(code, { level: 9 }).length;
    }
  }
  return { raw, gzip };
}

const { raw, gzip } = await bundleSize('src/toolchain/compile.ts');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`kernel-C compiler in the browser bundle: ${kb(raw)} minified, ${kb(gzip)} gzipped (target < ${kb(TARGET_GZIP_BYTES)} gzipped)`);
if (gzip > TARGET_GZIP_BYTES) {
  console.error('The compiler is over its size budget.');
  process.exit(1);
}
