// The board a playground session runs: QEMU's virt, as src/machine builds it.

import { VirtBoard, type BoardConfig } from '../machine/board.ts';
import type { SessionBoard } from './session-board.ts';

export function createVirtBoard(config: Partial<BoardConfig> = {}): SessionBoard {
  return new VirtBoard(config);
}
