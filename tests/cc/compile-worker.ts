// A worker thread that compiles what it is sent: the fuzz tests run each input here, so
// a compile that runs past its time bound is ended (worker.terminate()) and reported as
// a failing input instead of hanging the test run.
import { parentPort } from 'node:worker_threads';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileInput } from '../../src/toolchain/compile.ts';

/** What the worker is sent: the input without its readFile, and the directory its
 * relative #include names are read from (for the corpus programs' "../runtime/printf.c"). */
export type CompileRequest = Omit<CompileInput, 'readFile'> & { dir?: string };

function readIn(dir: string | undefined): (path: string) => string | undefined {
  return (path) => {
    if (dir === undefined) return undefined;
    const full = path.startsWith('/') ? path : join(dir, path);
    try { return statSync(full).isFile() ? readFileSync(full, 'latin1') : undefined; } catch { return undefined; }
  };
}

export interface CompileReply {
  ok: boolean;
  diagnostics: { severity: string; message: string; line: number; col: number; file: string }[];
  thrown?: string;
}

parentPort?.on('message', (req: CompileRequest) => {
  let reply: CompileReply;
  try {
    const r = compile({ ...req, readFile: readIn(req.dir) }, { output: 'object' });
    reply = { ok: r.ok, diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, message: d.message, line: d.loc.line, col: d.loc.col, file: d.loc.file })) };
  } catch (e) {
    reply = { ok: false, diagnostics: [], thrown: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) };
  }
  parentPort?.postMessage(reply);
});
