// The page's text size, for a projector at the back of a lecture hall or a
// small laptop screen. One number in pixels sets the root font size (every
// pane sizes its text in rem) and the terminal's font; it is kept in
// localStorage so the page opens at the size a student chose.

import { create } from 'zustand';

/** The sizes A− and A+ step through; 14 px is the page's design size. */
export const FONT_SIZES = [11, 12, 13, 14, 16, 18, 20, 24, 28] as const;
export const DEFAULT_FONT_SIZE = 14;
const STORAGE_KEY = 'paravirt.fontSize';

function stored(): number {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return (FONT_SIZES as readonly number[]).includes(value) ? value : DEFAULT_FONT_SIZE;
  } catch {
    return DEFAULT_FONT_SIZE; // storage blocked (a private window's policy): the default size still works
  }
}

interface FontSizeState {
  px: number;
  /** One step smaller (-1) or larger (+1), within FONT_SIZES. */
  step(direction: -1 | 1): void;
}

function apply(px: number): void {
  document.documentElement.style.fontSize = `${px}px`;
  try {
    localStorage.setItem(STORAGE_KEY, String(px));
  } catch {
    // Not saved, but the page shows the size anyway.
  }
}

export const useFontSize = create<FontSizeState>()((set, get) => ({
  px: stored(),
  step(direction) {
    const sizes = FONT_SIZES as readonly number[];
    const at = sizes.indexOf(get().px);
    const next = sizes[Math.max(0, Math.min(sizes.length - 1, (at < 0 ? sizes.indexOf(DEFAULT_FONT_SIZE) : at) + direction))];
    apply(next);
    set({ px: next });
  },
}));

/** Puts the stored size on the page before the first paint. */
export function applyStoredFontSize(): void {
  document.documentElement.style.fontSize = `${useFontSize.getState().px}px`;
}
