// The device's registers as a check's `device` rules read them: the same
// names, values and value names the Device pane shows (device-view.ts peeks
// them: no exit, no trace event, no change to the device).

import type { LessonEvidence } from '../../protocol/lessons/lesson.ts';
import { DeviceViewSource, type DeviceViewBoard } from '../device-view.ts';

export function deviceEvidence(board: DeviceViewBoard): LessonEvidence['device'] {
  const view = new DeviceViewSource(board).view();
  if (!view) return null;
  const registers: NonNullable<LessonEvidence['device']> = {};
  for (const r of view.registers) registers[r.name] = r.valueName === undefined ? { raw: r.raw } : { raw: r.raw, valueName: r.valueName };
  return registers;
}
