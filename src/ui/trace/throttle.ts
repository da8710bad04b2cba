// Views of a busy trace redraw a few times a second, not every frame: in an
// interrupt storm the buffer changes every frame, and re-laying out a timeline
// of 200,000 events or a list of 300 exits 60 times a second costs the page
// its frame rate. A reader cannot follow more than ~10 updates a second anyway.

/** While running, a view of the trace updates at most this often. */
export const TRACE_VIEW_INTERVAL_MS = 100;

/** Calls `run` at most once per `ms`, and once more after the last call, so the final state always shows. */
export function throttle(run: () => void, ms: number, now: () => number = () => performance.now()): { call(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = now();
    run();
  };
  return {
    call() {
      if (timer !== null) return; // the trailing call is already due
      const wait = last + ms - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
