// The Build pane: what the kernel-C compiler, running in the worker, said
// about the last C file opened — one row per diagnostic as gcc prints it
// (file:line:col, severity, message, the source line, a caret range under the
// offending token), warnings included when the build succeeded.

import { caretLine, countDiagnostics, type BuildDiagnostic } from '../../protocol/build.ts';
import type { BuildReport } from '../store/build-slice.ts';
import { usePlayground } from '../store/store.ts';
import './build.css';

export function BuildPane() {
  const build = usePlayground((s) => s.build);
  const building = usePlayground((s) => s.building);
  const guestMode = usePlayground((s) => s.guestMode);
  if (!build && !building) return null;
  return (
    <section className="pane build-pane" aria-label="Build">
      <header className="pane-header">
        <h2>Build — kernel-C compiler, in your browser</h2>
        <span className="pane-sub">{guestMode
          ? 'C99 + GNU C → an RV32 kernel module (.ko), inserted into the running guest'
          : 'C99 + GNU C → RV32IMA, linked bare-metal for the virt board at 0x80000000'}</span>
        {build && !building && (
          <button type="button" className="btn btn-small build-copy" onClick={() => void copyText(build)}
            title="Copy the diagnostics as gcc prints them">Copy as text</button>
        )}
      </header>
      <p className={`build-summary${building ? '' : build?.ok ? ' build-ok' : ' build-failed'}`} data-testid="build-summary" role="status">
        {building ? `Compiling ${building}…` : summary(build!)}
      </p>
      {!building && build && build.diagnostics.length > 0 && (
        <ol className="diagnostics" data-testid="diagnostics">
          {build.diagnostics.map((d, i) => <DiagnosticRow key={i} d={d} />)}
        </ol>
      )}
    </section>
  );
}

function summary(b: BuildReport): string {
  if (b.message) return b.message;
  const took = `${Math.max(1, Math.round(b.buildMs))} ms`;
  const counted = b.diagnostics.some((d) => d.severity !== 'note') ? ` (${countDiagnostics(b.diagnostics)})` : '';
  if (b.ok) return `${b.name} compiled in ${took}${counted} and was loaded as the program.`;
  const kept = b.keptProgram
    ? `Nothing new was loaded: ${b.keptProgram} is still the loaded program.`
    : 'Nothing was loaded.';
  return `${b.name} did not compile${counted}. ${kept} Fix the errors below and open the file again.`;
}

function DiagnosticRow({ d }: { d: BuildDiagnostic }) {
  return (
    <li className={`diagnostic diag-${d.severity}`} data-testid="diagnostic">
      <div className="diag-head">
        <span className="diag-loc" data-testid="diagnostic-location">{d.file}:{d.line}:{d.col}</span>
        <span className="diag-severity">{d.severity}</span>
        <span className="diag-message" data-testid="diagnostic-message">{d.message}</span>
      </div>
      {d.sourceLine !== null && <SourceExcerpt d={d} line={d.sourceLine} />}
    </li>
  );
}

/** The source line with the offending token marked, and gcc's caret line under it. */
function SourceExcerpt({ d, line }: { d: BuildDiagnostic; line: string }) {
  const col = d.sourceCol ?? d.col;
  const start = Math.min(col - 1, line.length);
  const end = Math.min(line.length, start + d.length);
  const gutter = String(d.line).padStart(5);
  return (
    <pre className="diag-source" aria-label={`line ${d.line} of ${d.file}`}>
      <span className="diag-gutter">{gutter} | </span>
      <span data-testid="diagnostic-source">{line.slice(0, start)}<mark className="diag-token" data-testid="diagnostic-token">{line.slice(start, end)}</mark>{line.slice(end)}</span>
      {'\n'}
      <span className="diag-gutter">{' '.repeat(5)} | </span>
      <span className="diag-caret" data-testid="diagnostic-caret">{caretLine(line, col, d.length)}</span>
    </pre>
  );
}

async function copyText(b: BuildReport): Promise<void> {
  const text = b.diagnostics.map((d) => d.text).join('\n') || `${b.name}: no problems`;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    usePlayground.getState().showError('The browser did not allow copying to the clipboard.');
  }
}
