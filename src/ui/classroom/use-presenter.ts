// What turning the presenter view on does to the page as a whole: the
// high-contrast theme (a class on the root element, presenter.css), the type
// about 1.5× larger (the root font size, which every pane, the editor and the
// terminal follow), and Escape to leave it. Leaving gives the student back the
// text size they had.

import { useEffect } from 'react';
import { FONT_SIZES, useFontSize } from '../controls/font-size.ts';
import { isTypingTarget } from '../keyboard/useShortcuts.ts';
import { usePlayground } from '../store/store.ts';

/** The text size the presenter view shows for a page size: the step of A−/A+ nearest to 1.5×. */
export function presenterFontSize(px: number): number {
  const want = px * 1.5;
  return FONT_SIZES.reduce((best, size) => (Math.abs(size - want) < Math.abs(best - want) ? size : best), FONT_SIZES[0]);
}

function showFontSize(px: number): void {
  document.documentElement.style.fontSize = `${px}px`;
  useFontSize.setState({ px }); // not stored: the size the student chose stays the one a reload opens with
}

export function usePresenterView(): boolean {
  const presenter = usePlayground((s) => s.presenter);
  const setPresenter = usePlayground((s) => s.setPresenter);

  useEffect(() => {
    if (!presenter) return;
    const root = document.documentElement;
    const before = useFontSize.getState().px;
    root.classList.add('presenter-view');
    showFontSize(presenterFontSize(before));
    return () => {
      root.classList.remove('presenter-view');
      showFontSize(before);
    };
  }, [presenter]);

  // Escape leaves, except where Escape means something: a text field, the editor, the terminal (the guest
  // gets it), an open dialog (which closes first).
  useEffect(() => {
    if (!presenter) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      setPresenter(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [presenter, setPresenter]);

  return presenter;
}
