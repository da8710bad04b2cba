// Canvas drawing takes colours as strings: read them from the theme's CSS
// variables, so a canvas matches the page (and its contrast checks).

export function themeColour(el: Element, variable: string, fallback: string): string {
  const v = getComputedStyle(el).getPropertyValue(variable).trim();
  return v || fallback;
}

/** Sizes the canvas's bitmap to its box at the screen's pixel ratio; its 2D context, scaled to CSS pixels. */
export function fitCanvas(canvas: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; width: number; height: number } | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const ratio = globalThis.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}

/** The page's font at `rem` times the root size (the A−/A+ control scales canvases' labels too). */
export function canvasFont(el: Element, rem: number): string {
  const root = parseFloat(getComputedStyle(el.ownerDocument.documentElement).fontSize) || 14;
  return `${Math.round(root * rem)}px system-ui, sans-serif`;
}
