// The terminal's line discipline as a student at the page's xterm meets it:
// what the screen shows for each key, and which command text reaches the shell.
import { describe, expect, it } from 'vitest';
import { LineDiscipline } from './line-discipline.ts';
import { Shell } from './shell.ts';

/** A shell stand-in whose commands finish when the test says so. */
function setup() {
  let screen = '';
  const ran: string[] = [];
  const finishers: Array<(status: number) => void> = [];
  let interrupts = 0;
  const tty = new LineDiscipline({
    output: (text) => { screen += text; },
    prompt: () => '/ # ',
    needsMoreInput: (text) => Shell.needsMoreInput(text),
    run: (text) => { ran.push(text); return new Promise<number>((r) => finishers.push(r)); },
    interrupt: () => { interrupts++; },
  });
  const finish = async (status = 0): Promise<void> => {
    finishers.shift()!(status);
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    tty, ran, finish,
    get screen() { return screen; },
    get interrupts() { return interrupts; },
    clear() { screen = ''; },
  };
}

describe('the line discipline', () => {
  it('shows the prompt, echoes keys and runs the line on Enter with "\\r\\n" line ends', async () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('lsmod\r');
    expect(t.ran).toEqual(['lsmod\n']);
    t.tty.write('Module  Size\nstopwatch 1\n');
    await t.finish();
    expect(t.screen).toBe('/ # lsmod\r\nModule  Size\r\nstopwatch 1\r\n/ # ');
  });

  it('erases with Backspace and DEL, and kills the line with Ctrl-U', () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('lsx\x7f');
    expect(t.screen).toBe('/ # lsx\b \b');
    t.tty.receive('mox\bd\r');
    expect(t.ran).toEqual(['lsmod\n']);
    const u = setup();
    u.tty.start();
    u.tty.receive('rm -rf\x15echo hi\r');
    expect(u.ran).toEqual(['echo hi\n']);
    expect(u.screen).toContain('\r\x1b[K/ # echo hi');
  });

  it('asks for more with "> " while a quote or an if is open, then runs the whole command', () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('if true; then\r');
    expect(t.ran).toEqual([]);
    expect(t.screen.endsWith('\r\n> ')).toBe(true);
    t.tty.receive('echo yes\rfi\r');
    expect(t.ran).toEqual(['if true; then\necho yes\nfi\n']);
  });

  it('abandons the line with Ctrl-C at the prompt', () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('echo "never\r');
    t.tty.receive('closed\x03');
    expect(t.screen.endsWith('> closed^C\r\n/ # ')).toBe(true);
    t.tty.receive('true\r');
    expect(t.ran).toEqual(['true\n']);
  });

  it('interrupts the running command on Ctrl-C and drops what was typed ahead', async () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('sleep 100\r');
    t.tty.receive('ls\x03');
    expect(t.interrupts).toBe(1);
    await t.finish(130);
    expect(t.screen.endsWith('/ # ')).toBe(true);
    expect(t.ran).toEqual(['sleep 100\n']);
  });

  it('keeps what is typed while a command runs and uses it after the prompt', async () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('sleep 1\r');
    t.tty.receive('uname\rls');
    expect(t.screen).toBe('/ # sleep 1\r\n'); // nothing echoed yet: the command owns the terminal
    await t.finish();
    expect(t.ran).toEqual(['sleep 1\n', 'uname\n']);
    await t.finish();
    expect(t.screen.endsWith('/ # uname\r\n/ # ls')).toBe(true);
  });

  it('puts a kernel console line on its own line and draws the prompt and typed text again', () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('cat /sys');
    t.tty.console('[   12.000000] stopwatch: timeout\n');
    expect(t.screen).toBe('/ # cat /sys\r\x1b[K[   12.000000] stopwatch: timeout\r\n\r\x1b[K/ # cat /sys');
    t.tty.receive('\r');
    expect(t.ran).toEqual(['cat /sys\n']);
    t.tty.write('partial');
    t.tty.console('[   13.000000] later\n');
    expect(t.screen.endsWith('partial\r\n[   13.000000] later\r\n')).toBe(true);
  });

  it('walks the history with up and down, coming back to the line being typed', async () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('echo one\r');
    await t.finish();
    t.tty.receive('echo two\r');
    await t.finish();
    t.tty.receive('dra');
    t.tty.receive('\x1b[A');
    t.tty.receive('\x1b[A');
    expect(t.screen.endsWith('\r\x1b[K/ # echo one')).toBe(true);
    t.tty.receive('\x1b[B\x1b[B');
    expect(t.screen.endsWith('\r\x1b[K/ # dra')).toBe(true);
    t.tty.receive('\x1bOA\r');
    expect(t.ran[2]).toBe('echo two\n');
  });

  it('types a command for Build & load, then gives the half-typed line back', async () => {
    const t = setup();
    t.tty.start();
    t.tty.receive('ech');
    const status = t.tty.typeCommand('rmmod stopwatch');
    expect(t.screen).toBe('/ # ech\r\x1b[K/ # rmmod stopwatch\r\n');
    expect(await t.tty.typeCommand('insmod x.ko')).toBeNull(); // one command at a time
    t.tty.write('[    5.000000] stopwatch removed\n');
    await t.finish(0);
    expect(await status).toBe(0);
    expect(t.screen.endsWith('removed\r\n/ # \r\x1b[K/ # ech')).toBe(true);
    t.tty.receive('o\r');
    expect(t.ran).toEqual(['rmmod stopwatch\n', 'echo\n']);
  });

  it('holds keys typed before the first prompt until the shell is ready', () => {
    const t = setup();
    t.tty.receive('ls\r');
    expect(t.ran).toEqual([]);
    t.tty.start();
    expect(t.ran).toEqual(['ls\n']);
  });
});
