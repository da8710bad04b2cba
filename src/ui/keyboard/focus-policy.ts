// Where the keyboard focus goes when the guest starts running. Keys should
// reach the guest without a click first, so Run moves focus to the terminal —
// but only when nobody put the focus elsewhere on purpose. A control focused
// from the keyboard (it shows a focus ring: :focus-visible) keeps it, so a
// keyboard user who pressed F5 or Enter in the toolbar stays in the toolbar
// and can press F6 or Tab on. A button clicked with the mouse, or no focus at
// all, hands it to the terminal.

/** Whether Run should move the focus into the terminal. */
export function shouldFocusTerminalOnRun(active: Element | null, terminalHost: Element | null): boolean {
  if (!active || active === active.ownerDocument.body) return true;
  if (terminalHost?.contains(active)) return false; // already there
  return !active.matches(':focus-visible');
}
