// Listens for the shortcuts on the whole page and calls the handler for the
// action. The browser's own meaning of these keys is cancelled even when the
// action cannot run now: F5 must never reload the page (and lose the
// student's work), Ctrl+S must never open "Save page as".

import { useEffect, useRef } from 'react';
import { matchShortcut, type ShortcutAction } from './shortcuts.ts';

export type ShortcutHandlers = Record<ShortcutAction, () => void>;

/** A place where "?" is a character someone types: a text field, an editor, the terminal. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'file', 'submit', 'reset', 'range', 'color'].includes(target.type);
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = matchShortcut(e);
      if (!action) return;
      if (action === 'help' && isTypingTarget(e.target)) return;
      e.preventDefault();
      // An open modal dialog (this help, a confirmation) owns the keyboard until it closes.
      if (document.querySelector('dialog[open]')) return;
      latest.current[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
