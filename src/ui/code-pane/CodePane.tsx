// The code the hart is executing, disassembled around pc, with breakpoints:
// click a line (or type an address) to make the hart stop before it. Where the
// worker knows the program's names, they are printed as `objdump -dl` does: a
// line "function():" where a function starts, and a C line (file:line and its
// text) before its first instruction.

import { Fragment, useState, type FormEvent } from 'react';
import { hex32, hexInstruction, type CodeLine } from '../../protocol/registers.ts';
import { usePlayground } from '../store/store.ts';
import { TracedCode } from '../trace/TracedCode.tsx';
import './code-pane.css';

export function CodePane() {
  const regs = usePlayground((s) => s.registers);
  const breakpoints = usePlayground((s) => s.breakpoints);
  const toggle = usePlayground((s) => s.toggleBreakpoint);
  const running = usePlayground((s) => s.runState === 'running');

  return (
    <section className="pane code-pane" aria-label="Code">
      <header className="pane-header">
        <h2>Code</h2>
        <span className="pane-sub">{running ? 'sampled while running' : 'the next instruction is marked ▶'} · click a line to set or clear a breakpoint</span>
      </header>
      <div className="code-body">
        <ol className="code-lines" data-testid="code">
          {!regs && <li className="code-empty">The program's instructions appear here once it is loaded.</li>}
          {regs?.code.map((line) => {
            const isPc = line.addr === regs.pc;
            const isBp = breakpoints.includes(line.addr);
            return (
              <Fragment key={line.addr}>
                <Annotations line={line} />
                <li className={`code-line${isPc ? ' at-pc' : ''}${isBp ? ' has-bp' : ''}`}>
                  <button type="button" onClick={() => toggle(line.addr)} title={isBp ? 'Clear this breakpoint' : 'Stop before this instruction'}>
                    <span className="gutter" aria-hidden="true">{isBp ? '●' : ''}{isPc ? '▶' : ''}</span>
                    <span className="addr">{hex32(line.addr)}</span>
                    <span className="word">{line.word === null ? '' : hexInstruction(line.word)}</span>
                    <span className="text">{line.text}</span>
                    {line.callee !== undefined && <span className="callee" title="Where this call or jump goes">{`<${line.callee}>`}</span>}
                  </button>
                </li>
              </Fragment>
            );
          })}
        </ol>
        <BreakpointList breakpoints={breakpoints} toggle={toggle} />
      </div>
      <TracedCode />
    </section>
  );
}

/** The function's name and the C line printed before an instruction, when it has them. */
function Annotations({ line }: { line: CodeLine }) {
  return (
    <>
      {line.function !== undefined && <li className="code-function" data-testid="code-function">{line.function}():</li>}
      {line.source && (
        <li className="code-source" data-testid="code-source" title={`${line.source.file}, line ${line.source.line}: the C line the instructions below were compiled from`}>
          <span className="source-at">{line.source.file}:{line.source.line}</span>
          <span className="source-text">{line.source.text}</span>
        </li>
      )}
    </>
  );
}

function BreakpointList({ breakpoints, toggle }: { breakpoints: number[]; toggle: (addr: number) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const addr = parseAddress(text);
    if (addr === null) return setProblem('Type an even address in hex, such as 80000010 or 80000012.');
    setProblem(null);
    setText('');
    if (!breakpoints.includes(addr)) toggle(addr);
  };
  return (
    <div className="breakpoints" aria-label="Breakpoints">
      <form onSubmit={add} className="bp-form">
        <label>
          <span>Break at 0x</span>
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="80000000" aria-label="Breakpoint address (hex)" spellCheck={false} />
        </label>
        <button type="submit" className="btn btn-small">Add</button>
      </form>
      {problem && <p className="bp-problem">{problem}</p>}
      {breakpoints.length === 0 ? <p className="bp-empty">No breakpoints.</p> : (
        <ul className="bp-list" data-testid="breakpoints">
          {breakpoints.map((addr) => (
            <li key={addr}>
              <code>0x{hex32(addr)}</code>
              <button type="button" className="btn btn-small" onClick={() => toggle(addr)} aria-label={`Remove breakpoint 0x${hex32(addr)}`}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "80000010", "0x80000012": an even 32-bit address (instructions start on halfwords), or null. */
function parseAddress(text: string): number | null {
  const clean = text.trim().replace(/^0x/i, '').replace(/_/g, '');
  if (!/^[0-9a-f]{1,8}$/i.test(clean)) return null;
  const addr = parseInt(clean, 16) >>> 0;
  return addr % 2 === 0 ? addr : null;
}
