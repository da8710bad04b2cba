// The board a playground session runs: QEMU's virt, as src/machine builds it.

import { VirtBoard, type BoardConfig } from '../machine/board.ts';
import type { SessionBoard, SessionBoardOptions } from './session-board.ts';

export function createVirtBoard(config: Partial<BoardConfig> = {}): SessionBoard {
  return new VirtBoard(config);
}

/** The board a session asks for, with its stopwatch (or none). */
export function createSessionBoard(options: SessionBoardOptions): SessionBoard {
  return createVirtBoard({ stopwatch: options.stopwatch, jit: options.jit });
}
