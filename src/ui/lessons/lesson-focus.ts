// Where the keyboard focus goes when a lesson opens. Opened from inside the
// panel (the list, Previous, Next), the button pressed disappears with the old
// view, so the focus moves to the new lesson's title; opened from a link, the
// page keeps the focus where it put it (the terminal, at the guest's prompt).

import { usePlayground } from '../store/store.ts';

let focusRequested = false;

/** Opens lesson `n` from a control of the panel: its title takes the focus. */
export function openLessonHere(n: number): void {
  focusRequested = usePlayground.getState().openLesson(n);
}

/** Whether the lesson view should take the focus now (asked once per opening). */
export function takeFocusRequest(): boolean {
  const asked = focusRequested;
  focusRequested = false;
  return asked;
}

let returnTo: string | null = null;

/** Back to the list from a lesson's "All lessons": the list puts the focus on that lesson's entry. */
export function closeLessonHere(): void {
  returnTo = usePlayground.getState().currentLesson?.id ?? null;
  usePlayground.getState().closeLesson();
}

/** The lesson whose list entry should take the focus now (asked once). */
export function takeReturnFocus(): string | null {
  const id = returnTo;
  returnTo = null;
  return id;
}
