// Who gets a key pressed in the guest's terminal. A terminal must take Tab
// (shells complete with it), so Tab alone cannot be the way out, and a
// keyboard user would be trapped. The way out is Escape, then Tab (or
// Shift+Tab): the Escape still reaches the guest as it always would, and the
// Tab right after it moves the browser's focus to the next (or previous)
// control instead of going to the guest. Any other key after Escape goes to
// the guest as usual, so Escape sequences typed by hand still work. Page
// shortcuts (F5, F6, Ctrl+S, …) go to the page, not to the guest.

import { matchShortcut, type KeyPress } from './shortcuts.ts';

/** guest: the terminal sends it to the guest; leave: the browser moves focus on (Tab);
 * page: a page shortcut, handled by the page's listener. */
export type TerminalKeyRoute = 'guest' | 'leave' | 'page';

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

export class TerminalEscape {
  /** The last key was Escape: a Tab now leaves. */
  private armed = false;
  /** A Tab keydown was routed out: its keypress and keyup are routed out too. */
  private leaving = false;

  /** Routes one key event (keydown, keypress or keyup) seen by the terminal. */
  route(e: KeyPress & { type: string }): TerminalKeyRoute {
    if (e.type !== 'keydown') {
      // The Tab that leaves must not reach the guest through its keypress/keyup either.
      return e.key === 'Tab' && this.leaving ? 'leave' : this.pageShortcut(e) ? 'page' : 'guest';
    }
    if (e.key === 'Tab' && this.armed && !e.ctrlKey && !e.altKey && !e.metaKey) {
      this.armed = false;
      this.leaving = true;
      return 'leave';
    }
    this.leaving = false;
    if (MODIFIERS.has(e.key)) return 'guest'; // Shift on its way to Shift+Tab keeps the Escape armed
    this.armed = e.key === 'Escape' && !e.ctrlKey && !e.altKey && !e.metaKey;
    return this.pageShortcut(e) ? 'page' : 'guest';
  }

  private pageShortcut(e: KeyPress): boolean {
    const action = matchShortcut(e);
    return action !== null && action !== 'help'; // "?" is a character in a terminal
  }
}
