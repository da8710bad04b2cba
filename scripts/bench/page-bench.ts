// The page's own figures, from the production build served by `vite preview`
// in Debian's Chromium (headless): the initial JavaScript (what index.html
// loads before Monaco and xterm arrive, gzipped), first contentful paint, the
// time from navigation to the guest's shell prompt, and the frame rate while
// a compute-bound bare-metal program runs flat out. Each page figure is the
// median of PAGE_RUNS loads; the machine may be shared, so the load average
// is printed with them. `npm run bench:page` (after `npm run build`).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { buildWithCorpusRuntime } from '../../tests/support/oracles.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const PORT = Number(process.env.PAGE_BENCH_PORT ?? 4480);
const RUNS = Number(process.env.PAGE_RUNS ?? 5);
const URL = `http://127.0.0.1:${PORT}/`;

/** The scripts index.html loads at once (its module entry and modulepreloads), gzipped. */
function initialJsGzip(): { bytes: number; files: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f))).length, 0);
  return { bytes, files };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${URL}`);
}

// Run in the page (strings, since this script is typed for Node, not the DOM).
const AT_PROMPT = `document.querySelector('[data-testid="terminal"]')?.textContent?.includes('/ #')`;
const TIMINGS = `({ prompt: performance.now(), paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN })`;
const COUNT_FRAMES = `new Promise((resolve) => {
  const stamps = [];
  const tick = (t) => {
    stamps.push(t);
    if (t - stamps[0] < 3000) requestAnimationFrame(tick);
    else resolve({ fps: (stamps.length - 1) / ((t - stamps[0]) / 1000), worstMs: Math.max(...stamps.slice(1).map((s, k) => s - stamps[k])) });
  };
  requestAnimationFrame(tick);
})`;

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('no production build: run `npm run build` first');
  const js = initialJsGzip();
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: process.env.PARAVIRT_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await waitForServer();
    const paints: number[] = [];
    const prompts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(URL);
      await page.waitForFunction(AT_PROMPT, null, { timeout: 60_000 });
      const t = await page.evaluate<{ prompt: number; paint: number }>(TIMINGS);
      paints.push(t.paint);
      prompts.push(t.prompt);
      await context.close();
    }

    // 60 fps while a compute-bound program runs: frames counted over 3 s of wall time.
    const elf = buildWithCorpusRuntime([join(ROOT, 'scripts/bench/cpu-bound.c')], join(mkdtempSync(join(tmpdir(), 'page-bench-')), 'cpu-bound.elf'),
      { opt: '-O2', flags: ['-DROUNDS=100000'], libc: false });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(URL);
    await page.waitForFunction(AT_PROMPT, null, { timeout: 60_000 });
    await page.getByTestId('program-input').setInputFiles(elf);
    await page.getByTestId('run-state').filter({ hasText: 'Paused' }).waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-state').filter({ hasText: 'Running' }).waitFor();
    const frames = await page.evaluate<{ fps: number; worstMs: number }>(COUNT_FRAMES);
    const mips = await page.getByTestId('mips').innerText().catch(() => '?');
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    console.log(`page figures, production build, headless Chromium (load average ${load} on ${readdirSync('/sys/devices/system/cpu').filter((d) => /^cpu\d+$/.test(d)).length} cores)`);
    // The target counts the page's own code, without Monaco (loaded on demand) and xterm (bundled in):
    // xterm's share is its published module gzipped on its own, close to what it adds to the bundle.
    const xtermKiB = ['@xterm/xterm/lib/xterm.mjs', '@xterm/addon-fit/lib/addon-fit.mjs']
      .reduce((n, f) => n + gzipSync(readFileSync(join('node_modules', f)), { level: 9 }).length, 0) / 1024;
    console.log(`initial JavaScript   ${(js.bytes / 1024).toFixed(1)} KiB gzipped in ${js.files.length} file(s), xterm included; ` +
      `about ${(js.bytes / 1024 - xtermKiB).toFixed(0)} KiB without xterm's ${xtermKiB.toFixed(0)} KiB (Monaco loads on demand; target < 200 KB without them)`);
    console.log(`first paint          median ${median(paints).toFixed(0)} ms of ${RUNS} loads (target < 1000 ms)`);
    console.log(`shell prompt         median ${median(prompts).toFixed(0)} ms of ${RUNS} loads, best ${Math.min(...prompts).toFixed(0)} ms (target < 2000 ms)`);
    console.log(`frame rate           ${frames.fps.toFixed(1)} fps, worst frame ${frames.worstMs.toFixed(0)} ms, while cpu-bound.c runs at ${mips} (target 60 fps)`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
