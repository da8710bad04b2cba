// The slow-motion replay: one real access or one real interrupt from the
// trace, hop by hop, as a picture (ReplayDiagram), a caption in the trace's
// words with the hop's virtual time, and the list of every hop (the picture's
// text alternative, and a way to jump). It floats over the page without
// covering it, so the panes can follow: each hop selects its event, and every
// pane that shows that event marks it.

import { useEffect, useMemo, useRef } from 'react';
import { durationText, timeText } from '../../protocol/trace-text.ts';
import { REPLAY_SPEEDS, type JourneyKind, type ReplayRequest, type ReplaySpeed } from '../store/classroom-slice.ts';
import { machineClient, usePlayground } from '../store/store.ts';
import { chooseJourney, type Journey } from './journey.ts';
import { InlineCode } from './InlineCode.tsx';
import { ReplayDiagram } from './ReplayDiagram.tsx';
import { useReplayPlayer } from './use-replay-player.ts';

/** What to do when the trace has nothing to replay yet. */
const NOTHING: Record<JourneyKind | 'any', string> = {
  any: 'Nothing to replay yet: run `stopwatch_ctrl.sh start` in the terminal (an access), or `stopwatch_ctrl.sh timeout 1` (an interrupt), then press Replay.',
  access: 'No trapped access in the trace yet: run `stopwatch_ctrl.sh start` in the terminal, then press Replay.',
  interrupt: 'No interrupt in the trace yet: run `stopwatch_ctrl.sh timeout 1` in the terminal, wait a second for the IRQ, then press Replay.',
};

export function ReplayPanel() {
  const replay = usePlayground((s) => s.replay);
  if (!replay) return null;
  return <ReplayOpen request={replay} />;
}

function ReplayOpen({ request }: { request: ReplayRequest }) {
  const { anchorSeq, kind } = request;
  const speed = usePlayground((s) => s.replaySpeed);
  const follows = usePlayground((s) => s.replayFollows);
  const { closeReplay, openReplay, setReplaySpeed, setReplayFollows } = usePlayground.getState();
  // Read once per request: the replay shows what had happened when Replay was pressed, while the trace goes on.
  const journey: Journey | null = useMemo(() => chooseJourney(machineClient().trace, request.anchorSeq, request.kind), [request]);
  const hops = journey?.hops.length ?? 0;
  const player = useReplayPlayer(hops, speed, journey);
  const current = journey?.hops[player.hop] ?? null;
  const firstTime = journey?.hops.find((h) => h.timeNs !== null)?.timeNs ?? null;

  // The panes follow the replay: the hop's event becomes the selected one (its C line is asked for too).
  useEffect(() => {
    const event = current?.event;
    if (!follows || !event) return;
    const s = usePlayground.getState();
    if (s.followTrace) s.setFollowTrace(false);
    s.selectTraceEvent(event, event.pc !== undefined);
  }, [current, follows]);

  // Keyboard users land in the panel when it opens, and go back where they were when it closes.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    return () => { if (opener?.isConnected) opener.focus(); };
  }, []);

  const showKind = (k: JourneyKind) => openReplay(k);
  const shownKind = journey?.kind ?? kind;

  return (
    <section className="replay-panel" aria-label="Slow-motion replay" ref={panel} tabIndex={-1}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); closeReplay(); } }}>
      <header className="replay-header">
        <h2>Slow-motion replay</h2>
        <div className="replay-kinds" role="group" aria-label="What to replay">
          <button type="button" className="btn btn-small" aria-pressed={shownKind === 'access'} onClick={() => showKind('access')}>One access</button>
          <button type="button" className="btn btn-small" aria-pressed={shownKind === 'interrupt'} onClick={() => showKind('interrupt')}>One interrupt</button>
        </div>
        <button type="button" className="btn btn-small replay-close" onClick={closeReplay} aria-label="Close the replay" title="Close (Escape)">✕</button>
      </header>
      {!journey || !current
        ? <p className="replay-nothing" role="status"><InlineCode text={NOTHING[kind ?? 'any']} /></p>
        : (
          <>
            <div className="replay-picture">
              <p className="replay-title"><strong>{journey.title}</strong></p>
              <ReplayDiagram journey={journey} hop={player.hop} speed={speed} />
            </div>
            <div className="replay-story">
              <div className="replay-caption" role="status" data-testid="replay-caption">
                <p className="replay-hop-title">
                  <span className="replay-hop-number">{player.hop + 1}/{hops}</span> {current.title}
                  {current.timeNs !== null && (
                    <span className="replay-time"> · t = {timeText(current.timeNs)} s{firstTime !== null && player.hop > 0 ? ` (+${durationText(current.timeNs - firstTime)})` : ''}</span>
                  )}
                </p>
                <p className={current.missing ? 'replay-hop-text replay-hop-missing' : 'replay-hop-text'}>
                  {current.missing ? <><strong>Not in the trace:</strong> {current.missing}</> : <code>{current.text}</code>}
                </p>
              </div>
              <div className="replay-controls" role="group" aria-label="Replay controls">
                {player.playing
                  ? <button type="button" className="btn btn-small" onClick={player.pause}>Pause</button>
                  : <button type="button" className="btn btn-small btn-primary" onClick={player.play}>Play</button>}
                <button type="button" className="btn btn-small" onClick={player.back} disabled={player.hop === 0}>Back</button>
                <button type="button" className="btn btn-small" onClick={player.step} disabled={player.hop >= hops - 1}>Step</button>
                <label className="replay-speed">
                  Speed{' '}
                  <select value={speed} onChange={(e) => setReplaySpeed(Number(e.target.value) as ReplaySpeed)}>
                    {REPLAY_SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
                  </select>
                </label>
                <label className="replay-follows" title="Each hop selects its event, so the editor, the Device, Host and Trace panes show it">
                  <input type="checkbox" checked={follows} onChange={(e) => setReplayFollows(e.target.checked)} /> Panes follow
                </label>
              </div>
              <ol className="replay-hops" aria-label="Hops">
                {journey.hops.map((h, i) => (
                  <li key={i} aria-current={i === player.hop ? 'step' : undefined} className={i === player.hop ? 'current' : undefined}>
                    <button type="button" className="replay-hop" onClick={() => player.goTo(i)}>
                      <span className="replay-hop-mark" aria-hidden="true">{i === player.hop ? '▶' : ''}</span>
                      <span className="replay-hop-name">{h.title}</span>
                      <span className="replay-hop-when">{h.missing ? 'not in the trace' : h.timeNs !== null ? `${timeText(h.timeNs)} s` : ''}</span>
                      {i === journey.startHop && anchorSeq !== null && h.event?.seq === anchorSeq && <span className="replay-hop-selected"> (selected)</span>}
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          </>
        )}
    </section>
  );
}
