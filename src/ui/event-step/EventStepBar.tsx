// "Step by event": run until the next VM exit, the next IRQ, or the next
// event of a chosen trace lane, and stop right there (the status line and
// the run announcer say where and why). Usable while paused or running;
// when it cannot act, the buttons stay focusable (aria-disabled) and the
// reason is shown and read with them.

import { useId } from 'react';
import { LANE_NAMES, TRACE_LANES, type TraceLane } from '../../protocol/trace-lanes.ts';
import { eventStepBlocked } from '../store/event-step-slice.ts';
import { usePlayground } from '../store/store.ts';
import { useShallow } from 'zustand/react/shallow';

export function EventStepBar() {
  const s = usePlayground(useShallow((st) => ({
    runState: st.runState, guestMode: st.guestMode, guestBooted: st.guestBooted, lane: st.eventLane,
    runToEvent: st.runToEvent, setEventLane: st.setEventLane,
  })));
  const blocked = eventStepBlocked(s);
  const whyId = useId();
  const laneId = useId();
  const common = { type: 'button' as const, className: 'btn btn-small', 'aria-disabled': blocked !== null, 'aria-describedby': blocked ? whyId : undefined };
  return (
    <div className="event-step-bar" role="group" aria-label="Step by event">
      <span className="event-step-title" aria-hidden="true">Step by event</span>
      <button {...common} onClick={() => s.runToEvent('exit')}
        title="Run until the next VM exit (a trapped device-register access) and stop at that instruction, before the device model runs">
        Next exit
      </button>
      <button {...common} onClick={() => s.runToEvent('irq')}
        title="Run until an interrupt line rises and stop there, before the hart takes the interrupt">
        Next IRQ
      </button>
      <label className="event-step-lane" htmlFor={laneId}>Lane</label>
      <select id={laneId} value={s.lane} onChange={(e) => s.setEventLane(e.target.value as TraceLane)}>
        {TRACE_LANES.map((lane) => <option key={lane} value={lane}>{LANE_NAMES[lane]}</option>)}
      </select>
      <button {...common} onClick={() => s.runToEvent({ lane: s.lane })}
        title="Run until the next event in the chosen lane of the trace and stop there">
        Next in lane
      </button>
      {blocked && <span id={whyId} className="event-step-why">Not now: {blocked}.</span>}
    </div>
  );
}
