// The "Keyboard shortcuts" dialog: every shortcut from the one table, and the
// way out of the terminal. A native modal <dialog>: it keeps focus inside
// while open, Escape closes it, and focus returns to the button that opened it.

import { Fragment, useEffect, useRef } from 'react';
import { chordTexts, SHORTCUTS } from './shortcuts.ts';
import './keyboard.css';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts-table">
        <thead><tr><th scope="col">Keys</th><th scope="col">Action</th></tr></thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>{chordTexts(s.action).map((keys, i) => <Fragment key={keys}>{i > 0 && ' or '}<kbd>{keys}</kbd></Fragment>)}</td>
              <td><strong>{s.label}</strong>: {s.description}</td>
            </tr>
          ))}
          <tr>
            <td><kbd>Escape</kbd>, then <kbd>Tab</kbd></td>
            <td><strong>Leave the guest console</strong>: focus moves to the next control (<kbd>Shift+Tab</kbd>: the previous one). The Escape still reaches the guest; Tab alone is the guest&apos;s.</td>
          </tr>
        </tbody>
      </table>
      <p className="shortcuts-note">
        The function keys and Ctrl chords work everywhere, also in the guest console (the guest does not receive them).
        Some laptops need the <kbd>Fn</kbd> key held for F5–F11. Run moves the focus to the console only when you started it with the mouse
        or nothing had focus; from the keyboard, focus stays where you are.
      </p>
      <form method="dialog" className="dialog-buttons">
        <button type="submit" className="btn" autoFocus>Close</button>
      </form>
    </dialog>
  );
}
