import { describe, expect, it } from 'vitest';
import { TerminalEscape } from './terminal-escape.ts';

const key = (k: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}, type = 'keydown') =>
  ({ type, key: k, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...mods });

describe('leaving the terminal by keyboard', () => {
  it('Tab alone goes to the guest (a shell completes with it)', () => {
    const t = new TerminalEscape();
    expect(t.route(key('Tab'))).toBe('guest');
  });

  it('Escape reaches the guest; a Tab right after it leaves the terminal, keyup included', () => {
    const t = new TerminalEscape();
    expect(t.route(key('Escape'))).toBe('guest');
    expect(t.route(key('Escape', {}, 'keyup'))).toBe('guest');
    expect(t.route(key('Tab'))).toBe('leave');
    expect(t.route(key('Tab', {}, 'keyup'))).toBe('leave');
    expect(t.route(key('Tab')), 'the next Tab is the guest\'s again').toBe('guest');
  });

  it('Escape, Shift+Tab leaves backwards: Shift on its own keeps the Escape armed', () => {
    const t = new TerminalEscape();
    t.route(key('Escape'));
    expect(t.route(key('Shift', { shiftKey: true }))).toBe('guest');
    expect(t.route(key('Tab', { shiftKey: true }))).toBe('leave');
  });

  it('any other key after Escape goes to the guest, and disarms it', () => {
    const t = new TerminalEscape();
    t.route(key('Escape'));
    expect(t.route(key('['))).toBe('guest');
    expect(t.route(key('Tab'))).toBe('guest');
  });

  it('page shortcuts go to the page, "?" to the guest', () => {
    const t = new TerminalEscape();
    expect(t.route(key('F6'))).toBe('page');
    expect(t.route(key('s', { ctrlKey: true }))).toBe('page');
    expect(t.route(key('?', { shiftKey: true }))).toBe('guest');
    expect(t.route(key('c', { ctrlKey: true }))).toBe('guest');
  });
});
