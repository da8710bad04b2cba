// Pause reaches a step by C lines in the guest, driven through the protocol as
// the page drives it: a step over a call that loops for long (the guest runs
// towards the step's breakpoint), a step on a line that is a whole loop (the
// debugger single-steps it in batches), and a step out of that loop. Each time
// the machine pauses where the hart is, the page is told the line, and the
// status says the step was dropped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { GuestPage } from '../../tests/support/guest-page.ts';

const SPIN_C = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'spin.c'), 'utf8');
const lineOf = (needle: string) => SPIN_C.slice(0, SPIN_C.indexOf(needle)).split('\n').length;
const CALL_LINE = lineOf('spin(400000000);');
const LOOP_LINE = lineOf('for (volatile int i');

let page: GuestPage | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

describe('Pause during a step by C lines in the guest', () => {
  it('stops a step over a long call, a step on a loop line, and a step out of it, where the hart is', async () => {
    const p = page = new GuestPage({ driver: null });
    const last = p.last.bind(p);
    const until = p.until.bind(p);
    const running = () => last('status')?.state === 'running';
    const pausedAt = (line: number) => last('status')?.state === 'paused' && last('source-location')?.location?.line === line;
    /** A step under way for a while (the host turns its loop), then Pause. */
    const pauseAfterAWhile = async () => {
      await until(running, 'the step to run');
      await new Promise((r) => setTimeout(r, 50));
      expect(last('status')!.state).toBe('running'); // the step has not ended by itself
      p.send({ type: 'pause' });
      await until(() => last('status')?.state === 'paused', 'the pause');
    };

    p.send({ type: 'boot-guest', driver: { module: 'spin', main: 'spin.c', files: { 'spin.c': SPIN_C } } });
    await until(() => p.screen.endsWith('/ # '), 'the first prompt');
    p.send({ type: 'set-source-breakpoints', file: 'spin.c', lines: [CALL_LINE] });
    expect(last('breakpoints-resolved')).toMatchObject({ file: 'spin.c', lines: [CALL_LINE] });
    p.type('cat /sys/kernel/debug/spin\r');
    await until(() => pausedAt(CALL_LINE), 'the breakpoint on the call');
    p.send({ type: 'set-source-breakpoints', file: 'spin.c', lines: [] });

    // Step line over spin(400000000): the guest runs towards the return address.
    p.send({ type: 'step-source', how: 'line' });
    await pauseAfterAWhile();
    expect(last('source-location')!.location).toMatchObject({ file: 'spin.c', line: LOOP_LINE, function: 'spin' });
    expect(last('status')!.stop).toMatchObject({
      reason: 'source-step', message: `Paused during Step line: the hart is in spin, spin.c:${LOOP_LINE}. The step is dropped; step again, or press Run to go on.`,
    });

    // Step line on the loop's own line: single steps, a batch at a time.
    const instretBefore = last('registers')!.registers.instret;
    p.send({ type: 'step-source', how: 'line' });
    await pauseAfterAWhile();
    expect(last('registers')!.registers.instret - instretBefore).toBeGreaterThan(20_000); // more than one batch ran
    expect(last('source-location')!.location).toMatchObject({ line: LOOP_LINE, function: 'spin' });
    expect(last('status')!.stop).toMatchObject({ reason: 'source-step', message: expect.stringMatching(/^Paused during Step line: the hart is in spin/) });

    // Step out of the loop: the guest runs towards the caller; Pause stops that too.
    p.send({ type: 'step-source', how: 'out' });
    await pauseAfterAWhile();
    expect(last('source-location')!.location).toMatchObject({ line: LOOP_LINE, function: 'spin' });
    expect(last('status')!.stop).toMatchObject({ reason: 'source-step', message: expect.stringMatching(/^Paused during Step out: the hart is in spin/) });
    expect(p.screen).not.toContain('done'); // cat is still in the middle of its read
  });
});
