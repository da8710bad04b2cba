// Compiles in a worker thread with a time bound per input, for the fuzz tests: the
// compiler is synchronous, so only another thread can stop one that never ends.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { CompileReply, CompileRequest } from './compile-worker.ts';

const WORKER_URL = new URL('./compile-worker.ts', import.meta.url);

export type BoundedReply = CompileReply | { timedOut: true };

export class BoundedCompiler {
  private worker: Worker | undefined;

  constructor(private readonly boundMs: number) {}

  private start(): Worker {
    // A worker runs plain Node: tsx's loader is registered first so it can load TypeScript.
    const boot = `const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(WORKER_URL.href)});`;
    this.worker ??= new Worker(boot, { eval: true, type: 'module' } as WorkerOptions);
    return this.worker;
  }

  /** The compile's result, or timedOut when it ran past the bound (the worker is then replaced). */
  compile(request: CompileRequest): Promise<BoundedReply> {
    const w = this.start();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        w.removeAllListeners();
        void w.terminate();
        this.worker = undefined;
        resolve({ timedOut: true });
      }, this.boundMs);
      w.once('message', (reply: CompileReply) => { clearTimeout(timer); w.removeAllListeners('error'); resolve(reply); });
      w.once('error', (e) => { clearTimeout(timer); this.worker = undefined; reject(e); });
      w.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
