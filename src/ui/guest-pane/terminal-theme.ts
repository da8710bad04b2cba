// The terminal's colours, matched to the playground's dark theme.

import type { ITheme } from '@xterm/xterm';

export const TERMINAL_THEME: ITheme = {
  background: '#0b0e14',
  foreground: '#d6dbe4',
  cursor: '#7cc4ff',
  cursorAccent: '#0b0e14',
  selectionBackground: '#2b4a6b',
  black: '#1b1f27',
  red: '#ff6b6b',
  green: '#7bd88f',
  yellow: '#f5c26b',
  blue: '#6cb6ff',
  magenta: '#d4a8ff',
  cyan: '#6de0e0',
  white: '#d6dbe4',
};
