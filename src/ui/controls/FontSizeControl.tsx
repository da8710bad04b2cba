// A− / A+: the page's and the terminal's text size, remembered on this browser.

import { useLayoutEffect } from 'react';
import { applyStoredFontSize, FONT_SIZES, useFontSize } from './font-size.ts';

export function FontSizeControl() {
  const px = useFontSize((s) => s.px);
  const step = useFontSize((s) => s.step);
  // Before the first paint: the page opens at the size chosen last time, without a jump.
  useLayoutEffect(applyStoredFontSize, []);
  return (
    <div className="font-size" role="group" aria-label="Text size">
      <button type="button" className="btn btn-small" onClick={() => step(-1)} disabled={px === FONT_SIZES[0]}
        aria-label="Smaller text" title="Smaller text">A−</button>
      <span className="font-size-value" aria-live="polite" data-testid="font-size">{px} px</span>
      <button type="button" className="btn btn-small" onClick={() => step(1)} disabled={px === FONT_SIZES[FONT_SIZES.length - 1]}
        aria-label="Larger text" title="Larger text">A+</button>
    </div>
  );
}
