// The rendered guest header, checked against gcc: the layout the C compiler
// gives struct StopWatch_regs/StopWatch_mem and the enum values must be the
// offsets and numbers the device model decodes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  STOPWATCH_ACTION, STOPWATCH_MEM, STOPWATCH_MEM_SIZE, STOPWATCH_REG, STOPWATCH_REGS_SIZE, STOPWATCH_STATE,
  renderStopwatchHeader,
} from './stopwatch-regs.ts';
import { GUEST_TARGET, gcc } from '../../../../tests/support/oracles.ts';

const PROBE = `#include <stdio.h>
#include <stddef.h>
#include "stopwatch_hw-sw.h"
int main(void) {
  printf("command %zu\\nstatus %zu\\nregs %zu\\n", offsetof(struct StopWatch_regs, command),
         offsetof(struct StopWatch_regs, status), sizeof(struct StopWatch_regs));
  printf("data_len %zu\\ndata %zu\\nmem %zu\\n", offsetof(struct StopWatch_mem, data_len),
         offsetof(struct StopWatch_mem, data), sizeof(struct StopWatch_mem));
  printf("RESET %d\\nSTART %d\\nPAUSE %d\\nUPDATE %d\\nTIMEOUT %d\\nTIMEOUT_ACK %d\\n",
         STOPWATCH_ACTION_RESET, STOPWATCH_ACTION_START, STOPWATCH_ACTION_PAUSE, STOPWATCH_ACTION_UPDATE,
         STOPWATCH_ACTION_TIMEOUT, STOPWATCH_ACTION_TIMEOUT_ACK);
  printf("RUNNING %d\\nS_RESET %d\\nPAUSED %d\\n", STOPWATCH_STATE_RUNNING, STOPWATCH_STATE_RESET, STOPWATCH_STATE_PAUSED);
  return 0;
}
`;

describe('stopwatch_hw-sw.h', () => {
  it('compiles with gcc -Wall -Werror and has the layout and values the device decodes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stopwatch-h-'));
    writeFileSync(join(dir, 'stopwatch_hw-sw.h'), renderStopwatchHeader());
    writeFileSync(join(dir, 'probe.c'), PROBE);
    execFileSync('gcc', ['-Wall', '-Wextra', '-Werror', '-std=c11', '-o', join(dir, 'probe'), join(dir, 'probe.c')], { cwd: dir });
    const got = Object.fromEntries(execFileSync(join(dir, 'probe'), { encoding: 'utf8' }).trim().split('\n').map((l) => {
      const [k, v] = l.split(' ');
      return [k, Number(v)];
    }));
    expect(got).toEqual({
      command: STOPWATCH_REG.command, status: STOPWATCH_REG.status, regs: STOPWATCH_REGS_SIZE,
      data_len: STOPWATCH_MEM.data_len, data: STOPWATCH_MEM.data, mem: STOPWATCH_MEM_SIZE,
      RESET: STOPWATCH_ACTION.RESET, START: STOPWATCH_ACTION.START, PAUSE: STOPWATCH_ACTION.PAUSE,
      UPDATE: STOPWATCH_ACTION.UPDATE, TIMEOUT: STOPWATCH_ACTION.TIMEOUT, TIMEOUT_ACK: STOPWATCH_ACTION.TIMEOUT_ACK,
      RUNNING: STOPWATCH_STATE.RUNNING, S_RESET: STOPWATCH_STATE.RESET, PAUSED: STOPWATCH_STATE.PAUSED,
    });
    expect(got.mem).toBe(0x88);
    expect(got.regs).toBe(0x10);
  });

  it(`also compiles for the RV32 guest (riscv64-unknown-elf-gcc ${GUEST_TARGET.join(' ')})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'stopwatch-h-'));
    writeFileSync(join(dir, 'stopwatch_hw-sw.h'), renderStopwatchHeader());
    writeFileSync(join(dir, 'layout.c'), `#include <stddef.h>
#include "stopwatch_hw-sw.h"
_Static_assert(offsetof(struct StopWatch_regs, status) == ${STOPWATCH_REG.status}, "status");
_Static_assert(sizeof(struct StopWatch_mem) == ${STOPWATCH_MEM_SIZE}, "mem");
_Static_assert(offsetof(struct StopWatch_mem, data) == ${STOPWATCH_MEM.data}, "data");
`);
    gcc(['-ffreestanding', '-Wall', '-Werror',
      '-c', '-o', join(dir, 'layout.o'), join(dir, 'layout.c')]);
  });
});
