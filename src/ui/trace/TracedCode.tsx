// In the Code pane: the instructions around the selected trace event's pc, the
// event's own instruction marked, so a trapped write is seen as the store
// that made it. Shown only while an event with a pc is selected.

import { hex32, hexInstruction } from '../../protocol/registers.ts';
import { usePlayground } from '../store/store.ts';

export function TracedCode() {
  const traced = usePlayground((s) => s.tracedSource);
  const selected = usePlayground((s) => s.selectedTrace);
  if (!traced || selected?.pc !== traced.pc || traced.code.length === 0) return null;
  const where = traced.location ? ` · ${traced.location.file}:${traced.location.line}` : '';
  return (
    <div className="traced-code" aria-label="Instruction of the selected trace event">
      <p className="traced-code-title">Selected trace event at 0x{hex32(traced.pc)}{where}</p>
      <ol className="traced-code-lines">
        {traced.code.map((line) => {
          const mine = line.addr === traced.pc;
          return (
            <li key={line.addr} className={mine ? 'traced-pc' : undefined} aria-current={mine ? 'true' : undefined}>
              <span className="gutter" aria-hidden="true">{mine ? '◆' : ''}</span>
              <span className="addr">{hex32(line.addr)}</span>
              <span className="word">{line.word === null ? '' : hexInstruction(line.word)}</span>
              <span className="text">{line.text}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
