// The Variables view for a bare-metal C program: at each stop in a function of
// the program the worker sends its frame (arguments and locals read through the
// program's DWARF), a new one at the next stop, and null while it runs.
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineEvent } from '../protocol/messages.ts';
import { createVirtBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { SourceMap } from '../session/source-map.ts';
import { compile } from '../toolchain/compile.ts';
import { MachineHost } from './machine-host.ts';

const PROGRAM = `static int square(int n)
{
	int result = n * n;
	return result;
}

int main(void)
{
	int total = 0;
	for (int i = 1; i <= 3; i++)
		total += square(i);
	return total == 14 ? 0 : 1;
}
`;

let host: MachineHost | null = null;
afterEach(() => host?.dispose());

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('MachineHost frames', () => {
  it('sends the paused function\'s arguments and locals at each breakpoint, and null while the program runs', async () => {
    const events: MachineEvent[] = [];
    host = new MachineHost(new Session(() => createVirtBoard()), { post: (e) => events.push(e) });
    host.start();
    const elf = compile({ file: 'prog.c', source: PROGRAM }, { output: 'bare-metal-elf' }).elf!;
    const returnLine = SourceMap.forProgram(elf).addressesOf('prog.c', 4)!.addresses[0];
    host.handle({ type: 'compile', name: 'prog.c', source: PROGRAM, output: 'bare-metal-elf' });
    host.handle({ type: 'set-breakpoints', pcs: [returnLine] });
    const frames = () => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
    const shown = (n: number) => frames().filter((f) => f !== null)[n];
    const text = (n: number) => shown(n)!.variables.map((v) => `${v.name}=${v.value}`).join(' ');

    host.handle({ type: 'run' });
    await until('the first stop', () => shown(0) !== undefined);
    expect(shown(0)!.function).toBe('square');
    expect(text(0)).toBe('n=1 result=1');
    host.handle({ type: 'run' });
    await until('the second stop', () => shown(1) !== undefined);
    expect(text(1)).toBe('n=2 result=4');
    // Between the two stops the program ran: the page was told there was no frame.
    const nulls = frames().map((f, i) => (f === null ? i : -1)).filter((i) => i >= 0);
    expect(nulls.some((i) => i > frames().indexOf(shown(0)) && i < frames().indexOf(shown(1)))).toBe(true);
    host.handle({ type: 'set-breakpoints', pcs: [] });
    host.handle({ type: 'run' });
    await until('the power-off', () => events.some((e) => e.type === 'status' && e.state === 'halted'));
    expect(events.filter((e) => e.type === 'status').at(-1)).toMatchObject({ stop: { reason: 'poweroff', exitCode: 0 } });
    expect(frames().at(-1)).toBeNull();
  });
});
