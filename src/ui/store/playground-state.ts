// The store's slices put together around one way of sending commands to the
// machine worker: the page passes the real client, tests a recorder.

import type { StateCreator } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import { createBuildSlice, type BuildSlice } from './build-slice.ts';
import { createClassroomSlice, type ClassroomSlice } from './classroom-slice.ts';
import { createGuestSlice, type GuestSlice } from './guest-slice.ts';
import { createEditorSlice, type EditorSlice } from './editor-slice.ts';
import { createEventStepSlice, type EventStepSlice } from './event-step-slice.ts';
import { createDebugSlice, type DebugSlice } from './debug-slice.ts';
import { createDeviceViewSlice, type DeviceViewSlice } from './device-view-slice.ts';
import { createMachineSlice, type MachineSlice } from './machine-slice.ts';
import { createNoticeSlice, type NoticeSlice } from './notice-slice.ts';
import { createTraceSlice, type TraceSlice } from './trace-slice.ts';
import { createFrameSlice, type FrameSlice } from './frame-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';
import { createLessonSlice, type LessonSlice, type LessonSliceOptions } from './lesson-slice.ts';

export type PlaygroundState = MachineSlice & BuildSlice & NoticeSlice & WorkspaceSlice & GuestSlice & EditorSlice & DebugSlice & TraceSlice & FrameSlice & DeviceViewSlice & EventStepSlice & LessonSlice & ClassroomSlice;

/** `lessons`: the course, progress storage and trace the lesson slice reads (tests pass their own). */
export function playgroundState(send: (command: MachineCommand) => void, lessons?: LessonSliceOptions): StateCreator<PlaygroundState> {
  return (...a) => ({
    ...createNoticeSlice(...a),
    ...createMachineSlice(send)(...a),
    ...createBuildSlice(send)(...a),
    ...createWorkspaceSlice(...a),
    ...createGuestSlice(send)(...a),
    ...createEditorSlice(send)(...a),
    ...createDebugSlice(send)(...a),
    ...createTraceSlice(send)(...a),
    ...createFrameSlice(...a),
    ...createDeviceViewSlice(...a),
    ...createEventStepSlice(send)(...a),
    ...createLessonSlice(lessons)(...a),
    ...createClassroomSlice(...a),
  });
}
