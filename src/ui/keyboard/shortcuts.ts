// The playground's keyboard shortcuts, one table: the keys, what they do, and
// how buttons and the help dialog show them. The keys follow the debuggers a
// student may know (Visual Studio, VS Code, Eclipse): F5 run, F10 step over a
// line, F11 step into, Shift+F11 step out, Ctrl+F10 run to the cursor's line.
// F7 steps one machine instruction. F4 turns the presenter view (classroom mode) on and off.
// Function keys and Ctrl chords work everywhere, also inside the guest's
// terminal (which then does not send them to the guest); "?" opens the help
// only outside text fields and the terminal, where it is a character.

export type ShortcutAction =
  | 'run' | 'pause' | 'stepInstruction' | 'stepLine' | 'stepInto' | 'stepOut' | 'runToCursor' | 'buildAndLoad' | 'presenter' | 'help';

/** A key with its modifiers. `key` is KeyboardEvent.key ("F5", "s", "?"). Ctrl also matches ⌘ on a Mac. */
export interface KeyChord {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  action: ShortcutAction;
  /** The first chord is the one buttons show. */
  chords: KeyChord[];
  /** What the action is called on its button and in the help. */
  label: string;
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'run', chords: [{ key: 'F5' }], label: 'Run', description: 'Run until a breakpoint, power-off or Pause' },
  { action: 'pause', chords: [{ key: 'F6' }, { key: 'F5', shift: true }], label: 'Pause', description: 'Pause the running machine' },
  { action: 'stepInstruction', chords: [{ key: 'F7' }], label: 'Step instruction', description: 'Execute the number of machine instructions in the box next to Step instruction, then pause' },
  { action: 'stepLine', chords: [{ key: 'F10' }], label: 'Step line', description: 'Run to the next C line, over calls (C code with line information: a driver or a bare-metal program)' },
  { action: 'stepInto', chords: [{ key: 'F11' }], label: 'Step into', description: 'Run to the next C line, into a call on this line' },
  { action: 'stepOut', chords: [{ key: 'F11', shift: true }], label: 'Step out', description: 'Run until the current C function returns' },
  { action: 'runToCursor', chords: [{ key: 'F10', ctrl: true }], label: 'Run to cursor', description: 'Run on until the line of the editor\'s cursor (from a stop at a C line)' },
  { action: 'buildAndLoad', chords: [{ key: 's', ctrl: true }, { key: 'b', ctrl: true }], label: 'Build & load', description: 'Compile the open program or driver and load it' },
  { action: 'presenter', chords: [{ key: 'F4' }], label: 'Presenter view', description: 'Large type, high contrast and only the lesson\'s panes, for a projector (Escape or F4 leaves it)' },
  { action: 'help', chords: [{ key: '?' }], label: 'Keyboard shortcuts', description: 'Show this list (outside text fields and the terminal)' },
];

/** The key fields of a KeyboardEvent the matcher reads (a plain object in tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

function matches(chord: KeyChord, e: KeyPress): boolean {
  if (e.altKey) return false;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl !== (chord.ctrl ?? false)) return false;
  // "?" is Shift+/ on most layouts: for a printable key, the character already says whether Shift was down.
  if (chord.key.length > 1 && e.shiftKey !== (chord.shift ?? false)) return false;
  if (chord.key.length === 1 && chord.ctrl && e.shiftKey) return false;
  return e.key.length === 1 ? e.key.toLowerCase() === chord.key.toLowerCase() : e.key === chord.key;
}

/** The action a key press asks for, or null. */
export function matchShortcut(e: KeyPress): ShortcutAction | null {
  return SHORTCUTS.find((s) => s.chords.some((c) => matches(c, e)))?.action ?? null;
}

export function shortcutFor(action: ShortcutAction): Shortcut {
  return SHORTCUTS.find((s) => s.action === action)!;
}

function chordText(chord: KeyChord, aria: boolean): string {
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.ctrl ? (aria ? 'Control' : 'Ctrl') : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** For a button's aria-keyshortcuts: every chord, space-separated ("F6 Shift+F5"). */
export function ariaKeyShortcuts(action: ShortcutAction): string {
  return shortcutFor(action).chords.map((c) => chordText(c, true)).join(' ');
}

/** For people: each chord ("F6", "Shift+F5"). */
export function chordTexts(action: ShortcutAction): string[] {
  return shortcutFor(action).chords.map((c) => chordText(c, false));
}

/** For people: the chords joined by "or" ("F6 or Shift+F5"). */
export function keysText(action: ShortcutAction): string {
  return chordTexts(action).join(' or ');
}

/** The first chord, as a button shows it ("F5"). */
export function mainKeyText(action: ShortcutAction): string {
  return chordText(shortcutFor(action).chords[0], false);
}
