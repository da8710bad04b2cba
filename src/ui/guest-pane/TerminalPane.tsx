// The guest's console: an xterm.js terminal on UART0. This component alone
// owns the widget — it creates it in an effect and disposes it — and UART
// bytes go straight from the machine client into it, never through React.
// Keyboard: Escape, then Tab, leaves the terminal (Tab alone is the guest's);
// page shortcuts (F5, F6, Ctrl+S, …) go to the page, not to the guest.

import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useFontSize } from '../controls/font-size.ts';
import { shouldFocusTerminalOnRun } from '../keyboard/focus-policy.ts';
import { TerminalEscape } from '../keyboard/terminal-escape.ts';
import { machineClient, usePlayground } from '../store/store.ts';
import { TERMINAL_THEME } from './terminal-theme.ts';
import './guest.css';

export function TerminalPane() {
  const hostRef = useRef<HTMLDivElement>(null);
  const programName = usePlayground((s) => s.programName);
  const guestMode = usePlayground((s) => s.guestMode);

  useEffect(() => {
    const host = hostRef.current!;
    const term = new Terminal({
      // Bare-metal programs print "\n" and a tty's ONLCR would add the "\r"; the guest's tty sends "\r\n" itself.
      convertEol: !usePlayground.getState().guestMode,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: useFontSize.getState().px,
      // A little more than one line's height, or the DOM renderer clips the underscores (guest_fs read as 'guest fs').
      lineHeight: 1.15,
      scrollback: 5000,
      theme: TERMINAL_THEME,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    fit.fit();
    // Screen readers read the way out when the console takes the focus.
    term.textarea?.setAttribute('aria-describedby', 'terminal-escape-hint');
    const escape = new TerminalEscape();
    // false: xterm leaves the key alone, so the browser moves focus on (Tab) or the page's shortcut listener acts.
    term.attachCustomKeyEventHandler((e) => escape.route(e) === 'guest');
    const resizeFont = useFontSize.subscribe((state) => {
      term.options.fontSize = state.px;
      fit.fit();
    });
    const encoder = new TextEncoder();
    const typed = term.onData((text) => usePlayground.getState().sendInput(encoder.encode(text)));
    const unsubscribe = machineClient().uart.subscribe({ data: (bytes, done) => term.write(bytes, done), clear: () => term.reset() });
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(host);
    // When the guest starts running, keys should go to it without a click first — unless the
    // focus was put elsewhere from the keyboard (see focus-policy.ts).
    const focusOnRun = usePlayground.subscribe((state, prev) => {
      if (state.runState === 'running' && prev.runState !== 'running' && shouldFocusTerminalOnRun(document.activeElement, host)) term.focus();
      // At the prompt, keys go to the shell with no click, unless the student already put the focus somewhere.
      if (state.guestBooted && !prev.guestBooted && (!document.activeElement || document.activeElement === document.body)) term.focus();
      if (state.guestMode !== prev.guestMode) term.options.convertEol = !state.guestMode;
    });
    return () => {
      focusOnRun();
      resizeFont();
      resize.disconnect();
      unsubscribe();
      typed.dispose();
      term.dispose();
    };
  }, []);

  return (
    <section className="pane guest-pane" aria-label="Guest terminal">
      <header className="pane-header">
        <h2>Guest terminal</h2>
        <span className="pane-sub">{guestMode
          ? 'the guest\'s shell on its serial console (try lsmod, dmesg, cat)'
          : 'UART0 · ns16550a at 0x10000000 · click and type to send bytes to the guest'}</span>
        <span className="pane-sub terminal-escape-hint" id="terminal-escape-hint">
          · leave it: <kbd>Esc</kbd> then <kbd>Tab</kbd>
        </span>
      </header>
      {!programName && !guestMode && (
        <p className="guest-hint">
          No program yet. Use <strong>Open program…</strong> for a RISC-V ELF, or a <code>.c</code> file that the kernel-C
          compiler builds right here (or drop either anywhere on the page), then press <strong>Run</strong>.
        </p>
      )}
      <div className="terminal-host" ref={hostRef} data-testid="terminal" />
    </section>
  );
}
