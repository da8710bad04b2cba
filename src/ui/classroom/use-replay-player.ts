// The replay's clock: which hop is shown, and whether it moves on by itself.
// Playing shows each hop for a while (longer at a lower speed) and stops on the
// last; Step and Back move one hop by hand and pause. Wall time here paces a
// picture for people; the machine's virtual time is in the hops' labels.

import { useCallback, useEffect, useState } from 'react';

/** How long one hop stays on the screen at 1×. */
export const HOP_MS = 2000;

export interface ReplayPlayer {
  hop: number;
  playing: boolean;
  play(): void;
  pause(): void;
  step(): void;
  back(): void;
  goTo(hop: number): void;
}

export function useReplayPlayer(hops: number, speed: number, journeyKey: unknown): ReplayPlayer {
  const [hop, setHop] = useState(0);
  const [playing, setPlaying] = useState(true);

  // A new journey starts from its first hop, playing.
  useEffect(() => {
    setHop(0);
    setPlaying(true);
  }, [journeyKey]);

  useEffect(() => {
    if (!playing) return;
    if (hop >= hops - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setHop((h) => Math.min(h + 1, hops - 1)), HOP_MS / speed);
    return () => clearTimeout(timer);
  }, [playing, hop, hops, speed]);

  const goTo = useCallback((to: number) => {
    setPlaying(false);
    setHop(Math.max(0, Math.min(hops - 1, to)));
  }, [hops]);

  return {
    hop: Math.min(hop, Math.max(0, hops - 1)),
    playing,
    // Play on the last hop starts over: the class wants to see it again.
    play: () => { if (hop >= hops - 1) setHop(0); setPlaying(true); },
    pause: () => setPlaying(false),
    step: () => goTo(hop + 1),
    back: () => goTo(hop - 1),
    goTo,
  };
}
