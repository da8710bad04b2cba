// A toolbar button for one shortcut action: its label, its key shown beside it
// and announced (aria-keyshortcuts), and its description as a tooltip. When it
// cannot act, it is marked aria-disabled instead of disabled: a disabled button
// drops the keyboard focus, and a keyboard user who just pressed Run on it
// would be thrown back to the top of the page.

import type { MouseEvent, Ref } from 'react';
import { ariaKeyShortcuts, keysText, mainKeyText, shortcutFor, type ShortcutAction } from '../keyboard/shortcuts.ts';

interface Props {
  action: ShortcutAction;
  enabled: boolean;
  /** keyboard: activated with Enter or Space (the click has no pointer position). */
  onActivate(how: { keyboard: boolean }): void;
  primary?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function ToolbarButton({ action, enabled, onActivate, primary, ref }: Props) {
  const shortcut = shortcutFor(action);
  const onClick = (e: MouseEvent) => {
    if (enabled) onActivate({ keyboard: e.detail === 0 });
  };
  return (
    <button ref={ref} type="button" className={`btn${primary ? ' btn-primary' : ''}`} aria-disabled={!enabled} onClick={onClick}
      title={`${shortcut.description} (${keysText(action)})`} aria-keyshortcuts={ariaKeyShortcuts(action)}>
      {shortcut.label}
      <kbd className="btn-key" aria-hidden="true">{mainKeyText(action)}</kbd>
    </button>
  );
}
