// The device's registers as a check's `device` rules read them: the names,
// values and value names of the Device pane's snapshot (a peek: no exit, no
// trace event). The page takes the snapshot the worker sent; the autograder
// takes one from the board.

import type { DeviceView } from '../device-view.ts';
import type { LessonEvidence } from './lesson.ts';

export function deviceEvidence(view: DeviceView | null): LessonEvidence['device'] {
  if (!view) return null;
  const out: NonNullable<LessonEvidence['device']> = {};
  for (const r of view.registers) out[r.name] = r.valueName === undefined ? { raw: r.raw } : { raw: r.raw, valueName: r.valueName };
  return out;
}
