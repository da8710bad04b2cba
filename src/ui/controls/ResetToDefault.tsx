// "Reset to the default driver…" throws the student's edits away, so it asks
// first in a modal dialog: Cancel has the focus (the safe answer), Tab stays
// inside the dialog, Escape cancels, and the focus returns to the button.

import { useRef, type KeyboardEvent } from 'react';
import { pagePersistence } from '../store/page-persistence.ts';
import { usePlayground } from '../store/store.ts';

export function ResetToDefault() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const example = usePlayground((s) => s.project?.example ?? null);

  const ask = () => {
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  const close = () => dialog.current?.close();
  const confirm = () => {
    close();
    void pagePersistence().resetToDefault();
  };

  /** showModal makes the page behind inert; this keeps Tab cycling through the dialog's buttons instead of leaving for the browser's bar. */
  const keepFocusInside = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const buttons = Array.from(e.currentTarget.querySelectorAll('button'));
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const next = (at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
    e.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <>
      <button ref={opener} type="button" className="btn" disabled={example === null} onClick={ask}
        title="Replace your code with the example as shipped (asks first)">
        Reset example…
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="reset-title" aria-describedby="reset-what"
        onKeyDown={keepFocusInside} onClose={() => opener.current?.focus()}>
        <h2 id="reset-title">Reset to the default driver?</h2>
        <p id="reset-what">
          Your code is replaced by the shipped {example ?? 'example'} example. Your edits are discarded and cannot be brought back.
          To keep a copy, press Cancel and use Share first.
        </p>
        <div className="dialog-buttons">
          <button ref={cancel} type="button" className="btn" onClick={close}>Cancel</button>
          <button type="button" className="btn btn-danger" onClick={confirm}>Reset my code</button>
        </div>
      </dialog>
    </>
  );
}
