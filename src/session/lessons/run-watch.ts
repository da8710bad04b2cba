// Bounds one step of a graded run (the boot, the insmod, each command) so a
// driver that never returns cannot hang a course's CI. Everything is counted
// on the machine, never on the wall clock, so a submission gets the same
// verdict on a fast laptop and on a loaded runner:
//  - virtual time: fast-forward jumps over sleeps, so `sleep 5` costs nothing,
//    but a command still running after `timeNs` of virtual time is stuck;
//  - instructions: a step that keeps the hart busy for `insns` instructions;
//  - a wait nothing can end: every task asleep, no timer armed, no interrupt
//    to come (a read waiting for a completion nobody signals). Virtual time
//    would never move again, so the limit is reached at once.
// The guest system calls `check` after each run of slices; past a bound it
// throws GuestStuck, which ends the system's drive loop.

export interface RunLimits {
  /** Virtual time one step may take, ns. */
  timeNs: number;
  /** Instructions one step may retire. */
  insns: number;
}

export const DEFAULT_RUN_LIMITS: RunLimits = { timeNs: 30e9, insns: 5e9 };

/** What the watch reads of the guest: its clock, its instruction count and whether anything can still happen. */
export interface WatchedGuest {
  nowNs(): number;
  instret(): number;
  /** Nothing can run and no timer is armed: the machine would sleep forever. */
  sleepsForever(): boolean;
}

export type StuckReason = 'time' | 'insns' | 'forever';

/** Thrown by the watch: the step `what` did not finish within the bounds. */
export class GuestStuck extends Error {
  constructor(readonly what: string, readonly reason: StuckReason, readonly limits: RunLimits) {
    super(stuckMessage(what, reason, limits));
    this.name = 'GuestStuck';
  }
}

const seconds = (ns: number): string => `${+(ns / 1e9).toFixed(3)} s`;

function stuckMessage(what: string, reason: StuckReason, limits: RunLimits): string {
  const head = `the guest did not finish ${what} within ${seconds(limits.timeNs)} of virtual time`;
  if (reason === 'insns') {
    return `the guest did not finish ${what}: it kept the processor busy for ${limits.insns.toLocaleString('en-US')} instructions`
      + ' (a loop that never ends, or never sleeps?)';
  }
  if (reason === 'forever') {
    return `${head}: every task is asleep and no timer or interrupt is coming to wake them`
      + ' (a wait for something that never happens: a completion nobody signals, an interrupt never raised?)';
  }
  return head;
}

/** Consecutive looks at a machine that cannot wake before the watch calls it stuck (the host may need a few turns to settle its own work). */
const FOREVER_LOOKS = 8;

export class RunWatch {
  private what = '';

  /** The step being watched, as messages name it. */
  get step(): string {
    return this.what;
  }
  private startNs = 0;
  private startInsns = 0;
  private lastNs = 0;
  private quietLooks = 0;

  constructor(private readonly guest: WatchedGuest, readonly limits: RunLimits = DEFAULT_RUN_LIMITS) {}

  /** A new step starts (`what`: how the message names it, "`cat /dev/x`"). */
  begin(what: string): void {
    this.what = what;
    this.startNs = this.guest.nowNs();
    this.startInsns = this.guest.instret();
    this.lastNs = this.startNs;
    this.quietLooks = 0;
  }

  /** After a run of slices: throws GuestStuck past a bound. */
  check(): void {
    const now = this.guest.nowNs();
    if (now - this.startNs > this.limits.timeNs) throw new GuestStuck(this.what, 'time', this.limits);
    if (this.guest.instret() - this.startInsns > this.limits.insns) throw new GuestStuck(this.what, 'insns', this.limits);
    // Time stood still (no instruction ran, no jump to a timer) and nothing can make it move.
    const quiet = now === this.lastNs && this.guest.sleepsForever();
    this.lastNs = now;
    this.quietLooks = quiet ? this.quietLooks + 1 : 0;
    if (this.quietLooks >= FOREVER_LOOKS) throw new GuestStuck(this.what, 'forever', this.limits);
  }
}
