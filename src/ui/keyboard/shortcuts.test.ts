import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, keysText, matchShortcut, type KeyPress } from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('map the debugger keys to their actions', () => {
    expect(matchShortcut(press('F5'))).toBe('run');
    expect(matchShortcut(press('F6'))).toBe('pause');
    expect(matchShortcut(press('F5', { shiftKey: true }))).toBe('pause');
    expect(matchShortcut(press('F7'))).toBe('stepInstruction');
    expect(matchShortcut(press('F10'))).toBe('stepLine');
    expect(matchShortcut(press('F11'))).toBe('stepInto');
    expect(matchShortcut(press('F11', { shiftKey: true }))).toBe('stepOut');
    expect(matchShortcut(press('F10', { ctrlKey: true }))).toBe('runToCursor');
    expect(matchShortcut(press('F10', { metaKey: true }))).toBe('runToCursor');
  });

  it('build with Ctrl+S or Ctrl+B, and ⌘ on a Mac', () => {
    expect(matchShortcut(press('s', { ctrlKey: true }))).toBe('buildAndLoad');
    expect(matchShortcut(press('b', { ctrlKey: true }))).toBe('buildAndLoad');
    expect(matchShortcut(press('S', { metaKey: true }))).toBe('buildAndLoad');
    expect(matchShortcut(press('s'))).toBeNull();
    expect(matchShortcut(press('S', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('leave other keys alone: plain letters, Alt chords, Ctrl+F5', () => {
    expect(matchShortcut(press('a'))).toBeNull();
    expect(matchShortcut(press('F5', { altKey: true }))).toBeNull();
    expect(matchShortcut(press('F5', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press('Escape'))).toBeNull();
  });

  it('open the help with "?", however the layout makes it', () => {
    expect(matchShortcut(press('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(press('?'))).toBe('help');
  });

  it('describe the keys for buttons and screen readers', () => {
    expect(ariaKeyShortcuts('pause')).toBe('F6 Shift+F5');
    expect(ariaKeyShortcuts('buildAndLoad')).toBe('Control+S Control+B');
    expect(keysText('stepOut')).toBe('Shift+F11');
    expect(ariaKeyShortcuts('runToCursor')).toBe('Control+F10');
    expect(keysText('buildAndLoad')).toBe('Ctrl+S or Ctrl+B');
  });
});
