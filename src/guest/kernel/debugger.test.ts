// A debugger in the middle of a guest call: a breakpoint on the stopwatch
// driver's interrupt handler stops the hart inside the IRQ path (S-mode,
// handler arguments in a0/a1), single steps run one driver instruction at a
// time, and the article's script then goes on to the same results as a run
// without the debugger.
import { describe, expect, it } from 'vitest';
import { guestDriver } from '../../../tests/support/guest-modules.ts';
import { GuestSystem } from '../system.ts';

const RESULTS = '\nResults:\n1) after 1s: 1.00 seconds\n2) after 5s: 5.00 seconds\n3) after irq: Number of IRQ ticks: 2\n4) after reset: 0.00 seconds\n';

const stopwatchModule = () => guestDriver('stopwatch/stopwatch.c');

describe('breakpoints and single steps inside a guest call', () => {
  it('stops in the IRQ handler in S-mode, steps through it, and the script still gets its results', async () => {
    let stdout = '';
    const stops: Array<{ pc: number; priv: number; a0: number; stepped: number[] }> = [];
    const sys: GuestSystem = new GuestSystem({
      modules: [stopwatchModule()],
      stdout: (b) => { stdout += new TextDecoder().decode(b); },
      onBreakpoint: (pc) => {
        const cpu = sys.board.cpu;
        const stop = { pc, priv: cpu.priv, a0: cpu.x[10], stepped: [] as number[] };
        cpu.resumeOverBreakpoint();
        for (let i = 0; i < 3; i++) {
          sys.board.run(1);
          stop.stepped.push(cpu.pc >>> 0);
        }
        stops.push(stop);
      },
    });
    await sys.boot();
    const handler = sys.kernel.modules.find((m) => m.name === 'stopwatch')!.symbols.get('stopwatch_timeout_irq')!;
    expect(handler).toBeGreaterThan(0);
    sys.board.cpu.breakpoints.add(handler);
    expect(await sys.execute('sh /guest_fs/stopwatch_test.sh')).toBe(0);
    expect(stdout).toBe(RESULTS);
    expect(stops).toHaveLength(2); // one per timeout interrupt
    for (const s of stops) {
      expect(s.pc).toBe(handler);
      expect(s.priv).toBe(1); // S-mode, as Linux runs its drivers
      expect(s.a0).toBe(3); // the Linux IRQ number the handler was registered for
      expect(new Set([handler, ...s.stepped]).size).toBe(4); // each step moved on by one instruction
    }
  });
});
