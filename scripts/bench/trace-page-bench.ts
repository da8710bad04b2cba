// The page under an interrupt storm (issue 11, "Speed"): the production
// build served by `vite preview`, in Debian's Chromium (headless). The
// benchmark opens the page, picks the example "Stopwatch that never ACKs",
// presses Build & load, and types a shell loop that starts a storm, waits
// for the kernel to disable the line, reloads the module and starts the
// next one. Meanwhile it measures, with requestAnimationFrame, the frame rate
// and the worst frame in half-second bins, and counts the trace events the
// page receives in each bin; "storm bins" are those with at least 50,000
// events a second (target: 50 fps or more in them). Over the whole run
// (--minutes N, default 1; the issue's figure is 10) it samples the page's
// JavaScript heap after a forced garbage collection, which must level off
// (the page keeps a bounded ring of events), and the number of events
// dropped, which must keep rising. First, in this process, it times the same
// storm in the worker's code with tracing on and off.
//
// The counting is the benchmark's own: an init script wraps the page's
// Worker constructor to count the trace messages as they arrive. Nothing in
// the shipped page exists for the benchmark.
//
//   npm run bench:trace-page [-- --minutes 10] [-- --no-build]

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { createServer } from 'vite';

/** What tests/support/trace-storm-worker.ts measures (loaded through Vite: the worker's modules need its import.meta.glob). */
interface WorkerStorm { traced: boolean; stormMs: number; interruptsPerS: number; events: number; eventsPerS: number; batches: number }

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const PORT = Number(process.env.TRACE_PAGE_BENCH_PORT ?? 4481);
const URL = `http://127.0.0.1:${PORT}/`;
const BIN_MS = 500;
const STORM_EVENTS_PER_S = 50_000;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const MINUTES = Number(flag('--minutes') ?? 1);
/** Heap samples: often enough for a few in a short run, not so often that forced collections dominate a long one. */
const HEAP_EVERY_MS = MINUTES <= 2 ? 10_000 : 30_000;
const BUILD = !process.argv.includes('--no-build');

/** What the page side records per bin of BIN_MS (see PROBE). */
interface Bin { t0: number; t1: number; frames: number; worstMs: number; events: number; gc?: boolean }
interface ProbeTotals { events: number; batches: number; workerDropped: number; biggestBatch: number; storms: number }

// Runs in the page before its own scripts (a string: this file is typed for Node).
const PROBE = `(() => {
  const B = window.__traceBench = { bins: [], cur: null, totals: { events: 0, batches: 0, workerDropped: 0, biggestBatch: 0, storms: 0 } };
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (!d || d.type !== 'trace') return;
        const n = d.events.length;
        B.totals.events += n;
        B.totals.batches++;
        B.totals.workerDropped = d.dropped;
        if (n > B.totals.biggestBatch) B.totals.biggestBatch = n;
        // A storm starts with the one rise of the stopwatch's line that is never followed by a fall.
        for (const ev of d.events) if (ev.kind === 'irq-line' && ev.level === 1 && ev.line.startsWith('stopwatch')) B.totals.storms++;
        if (B.cur) B.cur.events += n;
      });
    }
  };
  let last = 0;
  const frame = (t) => {
    if (!B.cur) B.cur = { t0: t, t1: t, frames: 0, worstMs: 0, events: 0 };
    else {
      B.cur.frames++;
      B.cur.worstMs = Math.max(B.cur.worstMs, t - last);
      if (t - B.cur.t0 >= ${BIN_MS}) {
        B.cur.t1 = t;
        B.bins.push(B.cur);
        B.cur = { t0: t, t1: t, frames: 0, worstMs: 0, events: 0 };
      }
    }
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

const TAKE_BINS = `(() => { const b = window.__traceBench.bins; window.__traceBench.bins = []; return b; })()`;
const TOTALS = `window.__traceBench.totals`;
const AT_PROMPT = `document.querySelector('[data-testid="terminal"]')?.textContent?.includes('/ #')`;
/** The page's own "N events dropped" text, wherever the Trace pane shows it (absent from a placeholder pane). */
const DROPPED_TEXT = `(() => {
  const trace = document.querySelector('[aria-label="Trace"]');
  const m = /([\\d,.\\u202f\\u00a0 ]+)\\s+(?:older\\s+)?(?:events?\\s+)?dropped/i.exec(trace?.textContent ?? '');
  return m ? m[0].trim() : null;
})()`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${URL}`);
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
const cores = (): number => readdirSync('/sys/devices/system/cpu').filter((d) => /^cpu\d+$/.test(d)).length;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The storm loop typed at the guest's prompt: each turn one storm, then the module reloaded so the line is usable again. */
const STORM_LOOP = 'while true; do /guest_fs/stopwatch_ctrl.sh timeout 1; sleep 2; rmmod stopwatch; insmod /root/stopwatch.ko; done';

async function openNeverAckDriver(page: Page): Promise<void> {
  await page.goto(URL);
  await page.waitForFunction(AT_PROMPT, null, { timeout: 120_000 });
  await page.getByRole('combobox', { name: /^Example/ }).selectOption('stopwatch-noack');
  await page.getByRole('button', { name: 'Build & load', exact: true }).click();
  await page.waitForFunction(`document.querySelector('[data-testid="terminal"]')?.textContent?.includes('never ACKs its interrupt) ready')`, null, { timeout: 120_000 });
  await page.getByTestId('terminal').click();
  await page.keyboard.type(`${STORM_LOOP}\r`, { delay: 5 });
}

/** The page's main thread: seconds spent in tasks and in scripts so far (Chrome's own counters). */
async function mainThreadSeconds(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

interface HeapSample { atS: number; heap: number; events: number; droppedComputed: number; droppedText: string | null }

function summarise(bins: Bin[]): { n: number; fps: number; worstMs: number; eventsPerS: number } {
  const ms = bins.reduce((s, b) => s + (b.t1 - b.t0), 0);
  return {
    n: bins.length,
    fps: bins.reduce((s, b) => s + b.frames, 0) / (ms / 1000),
    worstMs: Math.max(0, ...bins.map((b) => b.worstMs)),
    eventsPerS: bins.reduce((s, b) => s + b.events, 0) / (ms / 1000),
  };
}

function printWorker(on: WorkerStorm, off: WorkerStorm): void {
  console.log('worker (GuestHost in Node, storms of 10,001 interrupts, best of 3 each):');
  console.log(`  tracing off  storm ${off.stormMs.toFixed(0).padStart(5)} ms  ${off.interruptsPerS.toFixed(0).padStart(6)} interrupts/s`);
  console.log(`  tracing on   storm ${on.stormMs.toFixed(0).padStart(5)} ms  ${on.interruptsPerS.toFixed(0).padStart(6)} interrupts/s  ${on.eventsPerS.toFixed(0)} events/s, ${on.batches} trace messages during the storm (at most ${Math.floor(on.stormMs / 16) + 1}: one per 16 ms)`);
  console.log(`  tracing costs the worker ${((1 - on.interruptsPerS / off.interruptsPerS) * 100).toFixed(1)} % of its storm speed`);
}

async function main(): Promise<void> {
  if (BUILD) {
    console.log('building the production site (vite build)…');
    const b = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (b.status !== 0) throw new Error('vite build failed: run `npm run build` to see why');
  }
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('no production build: run `npm run build` first');

  const loadAtStart = load();
  // Through Vite's loader: the worker's modules bundle their files with import.meta.glob.
  const vite = await createServer({ root: ROOT, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false } });
  let on: WorkerStorm, off: WorkerStorm, TRACE_CAPACITY: number;
  try {
    const { workerStorm } = await vite.ssrLoadModule('/tests/support/trace-storm-worker.ts') as { workerStorm(traced: boolean): Promise<WorkerStorm> };
    ({ TRACE_CAPACITY } = await vite.ssrLoadModule('/src/ui/trace/trace-buffer.ts') as { TRACE_CAPACITY: number });
    // Best of three each, alternating: the machine may be shared, and the least disturbed storm is the fairest.
    const runs: WorkerStorm[] = [];
    for (let i = 0; i < 3; i++) runs.push(await workerStorm(true), await workerStorm(false));
    const best = (traced: boolean): WorkerStorm => runs.filter((r) => r.traced === traced).sort((a, b) => a.stormMs - b.stormMs)[0];
    on = best(true);
    off = best(false);
  } finally {
    await vite.close();
  }

  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: process.env.PARAVIRT_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await waitForServer();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(PROBE);
    const cdp = await page.context().newCDPSession(page);
    await openNeverAckDriver(page);
    // The first storm: a screenshot while it rages, then the measurement from here on.
    await page.waitForFunction('(window.__traceBench.cur?.events ?? 0) > 20000', null, { timeout: 60_000, polling: 50 });
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/trace-storm-1440.png') });
    await page.evaluate(TAKE_BINS);
    await cdp.send('Performance.enable');
    const busy0 = await mainThreadSeconds(cdp);
    const bins: Bin[] = [];
    const heap: HeapSample[] = [];
    const t0 = Date.now();
    const endAt = t0 + MINUTES * 60_000;
    let nextHeap = t0;
    while (Date.now() < endAt) {
      await sleep(Math.min(5_000, Math.max(0, nextHeap - Date.now())));
      const got = await page.evaluate<Bin[]>(TAKE_BINS);
      bins.push(...got);
      if (Date.now() >= nextHeap) {
        const size = await heapAfterGc(cdp);
        const totals = await page.evaluate<ProbeTotals>(TOTALS);
        heap.push({
          atS: (Date.now() - t0) / 1000, heap: size, events: totals.events,
          droppedComputed: totals.workerDropped + Math.max(0, totals.events - TRACE_CAPACITY),
          droppedText: await page.evaluate<string | null>(DROPPED_TEXT),
        });
        // The frames around a forced collection measure the collection, not the page.
        const mark = await page.evaluate<Bin[]>(TAKE_BINS);
        bins.push(...mark.map((b) => ({ ...b, gc: true })));
        nextHeap += HEAP_EVERY_MS;
      }
    }
    bins.push(...await page.evaluate<Bin[]>(TAKE_BINS));
    const busy1 = await mainThreadSeconds(cdp);
    const runS = (Date.now() - t0) / 1000;
    const totals = await page.evaluate<ProbeTotals>(TOTALS);

    const measured = bins.filter((b) => !b.gc && b.t1 > b.t0);
    const stormBins = measured.filter((b) => b.events * 1000 / (b.t1 - b.t0) >= STORM_EVENTS_PER_S);
    const all = summarise(measured);
    const storm = summarise(stormBins);
    const peak = Math.max(0, ...measured.map((b) => b.events * 1000 / (b.t1 - b.t0)));

    console.log(`\ntrace storm, production build, headless Chromium, ${MINUTES} min (load average ${loadAtStart} at the start, ${load()} at the end, ${cores()} cores)`);
    printWorker(on, off);
    console.log(`page (${BIN_MS} ms bins; a storm bin has ≥ ${STORM_EVENTS_PER_S.toLocaleString('en')} events/s):`);
    console.log('                 bins   frames/s   worst frame   trace events/s');
    console.log(`  storm bins   ${String(storm.n).padStart(6)}   ${storm.fps.toFixed(1).padStart(8)}   ${storm.worstMs.toFixed(0).padStart(8)} ms   ${storm.eventsPerS.toFixed(0).padStart(12)}   (target ≥ 50 fps at ≥ 50,000 events/s)`);
    console.log(`  all bins     ${String(all.n).padStart(6)}   ${all.fps.toFixed(1).padStart(8)}   ${all.worstMs.toFixed(0).padStart(8)} ms   ${all.eventsPerS.toFixed(0).padStart(12)}`);
    console.log(`  peak bin: ${peak.toFixed(0)} events/s; ${totals.storms} storms (rises of the stopwatch's line); ${totals.batches} trace messages, the biggest ${totals.biggestBatch} events`);
    console.log(`  the page's main thread was busy ${((busy1.task - busy0.task) / runS * 100).toFixed(0)} % of the time, ${((busy1.script - busy0.script) / runS * 100).toFixed(0)} % in scripts (forced collections included)`);
    console.log('memory (page heap after a forced GC) and events dropped:');
    console.log('     time        heap     events received   dropped (worker + page ring)   page says');
    for (const h of heap) {
      console.log(`  ${`${h.atS.toFixed(0)} s`.padStart(7)}   ${mib(h.heap).padStart(10)}   ${String(h.events).padStart(15)}   ${String(h.droppedComputed).padStart(28)}   ${h.droppedText ?? '(no dropped count shown)'}`);
    }
    const later = heap.filter((h) => h.events >= TRACE_CAPACITY);
    if (later.length >= 4) {
      const half = Math.floor(later.length / 2);
      const most = (hs: HeapSample[]): number => Math.max(...hs.map((h) => h.heap));
      console.log(`  once the page's ring was full (${TRACE_CAPACITY.toLocaleString('en')} events): heap between ${mib(Math.min(...later.map((h) => h.heap)))} and ${mib(most(later))}; `
        + `highest ${mib(most(later.slice(0, half)))} in the first half of those samples, ${mib(most(later.slice(half)))} in the second`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
