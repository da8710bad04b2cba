// Where stepping by event and the device watchpoints sit until the Trace and
// Device panes host them in their headers: one strip above the trace.

import { DeviceWatchpoints } from './DeviceWatchpoints.tsx';
import { EventStepBar } from './EventStepBar.tsx';
import './event-step.css';

export function EventStepDock() {
  return (
    <div className="event-step-dock">
      <EventStepBar />
      <DeviceWatchpoints />
    </div>
  );
}
