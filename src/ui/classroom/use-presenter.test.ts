// The presenter view's type: about 1.5× the student's size, on a step of A−/A+
// so those buttons go on working in the presenter view.
import { describe, expect, it } from 'vitest';
import { FONT_SIZES } from '../controls/font-size.ts';
import { presenterFontSize } from './use-presenter.ts';

describe('presenter font size', () => {
  it('is the step nearest to 1.5× the page size', () => {
    expect(presenterFontSize(14)).toBe(20);
    expect(presenterFontSize(16)).toBe(24);
    expect(presenterFontSize(12)).toBe(18);
    expect(presenterFontSize(28)).toBe(28); // the largest stays the largest
    for (const px of FONT_SIZES) {
      expect(FONT_SIZES).toContain(presenterFontSize(px));
      if (px <= 18) expect(presenterFontSize(px) / px).toBeGreaterThanOrEqual(1.4);
    }
  });
});
