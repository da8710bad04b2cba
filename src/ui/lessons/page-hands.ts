// The playground's hands for a lesson step: each action goes through the same
// control a student would use (the example menu's open, the editor's tab and
// cursor, the terminal's input, the breakpoint gutter, Build & load), so a
// step leaves the page exactly as doing it by hand would.

import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import type { LessonPane } from '../../protocol/lessons/lesson.ts';
import { tabOfUri } from '../editor/editor-tabs.ts';
import { canBuildNow } from '../store/guest-slice.ts';
import { pagePersistence } from '../store/page-persistence.ts';
import { usePlayground } from '../store/store.ts';
import { PANE_NAMES, type PlaygroundHands } from './step-actions.ts';

/** How long a highlighted pane or line stays marked: long enough to find it, short enough not to linger. */
export const SPOTLIGHT_MS = 2000;

/** Each pane's element on the page (the panes' own sections). */
const PANE_SELECTORS: Record<LessonPane, string> = {
  guest: 'section.region-guest', editor: 'section.editor-pane', terminal: 'section.guest-pane', code: 'section.code-pane',
  cpu: 'section.registers-pane', device: 'section.device-pane', host: 'section.host-pane', trace: 'section.trace-pane',
  lessons: 'section.lessons-pane',
};

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Marks an element for SPOTLIGHT_MS (lessons.css draws the mark; it does not move with reduced motion). */
function spotlight(el: Element): void {
  el.classList.remove('lesson-spotlight');
  void (el as HTMLElement).offsetWidth; // restart the animation when the same pane is pointed at again
  el.classList.add('lesson-spotlight');
  setTimeout(() => el.classList.remove('lesson-spotlight'), SPOTLIGHT_MS);
}

/** The Monaco editor once it shows `file` (the pane switches models on the next render), or null after a second. */
async function editorShowing(file: string): Promise<MonacoEditor.IStandaloneCodeEditor | null> {
  const { monaco } = await import('../editor/monaco-setup.ts');
  for (let frame = 0; frame < 60; frame++) {
    const ed = monaco.editor.getEditors().find((e) => {
      const uri = e.getModel()?.uri;
      const tab = uri ? tabOfUri(uri) : null;
      return tab !== null && !tab.header && tab.file === file;
    });
    if (ed) return ed as MonacoEditor.IStandaloneCodeEditor;
    await nextFrame();
  }
  return null;
}

async function showFileAt(file: string, line: number): Promise<string | null> {
  usePlayground.getState().setActiveFile(file);
  const ed = await editorShowing(file);
  if (!ed) return `The editor did not show ${file}: click its tab above the editor, then go to line ${line}.`;
  const { monaco } = await import('../editor/monaco-setup.ts');
  ed.setPosition({ lineNumber: line, column: 1 });
  ed.revealLineInCenter(line, reducedMotion() ? monaco.editor.ScrollType.Immediate : monaco.editor.ScrollType.Smooth);
  const mark = ed.createDecorationsCollection([{
    range: new monaco.Range(line, 1, line, 1),
    options: { isWholeLine: true, className: 'lesson-line', linesDecorationsClassName: 'lesson-line-marker', hoverMessage: { value: 'The lesson points at this line' } },
  }]);
  setTimeout(() => mark.clear(), SPOTLIGHT_MS * 2);
  return null;
}

export const pageHands: PlaygroundHands = {
  async openProject(id) {
    const s = usePlayground.getState();
    if (s.project?.example === id) return null; // already open, with the student's edits
    if (!s.examples.some((e) => e.id === id)) {
      return s.examples.length === 0
        ? 'The examples have not arrived from the machine yet: wait a moment, then press the button again.'
        : `There is no example "${id}" in the Example menu. Ask your teacher which project this lesson uses.`;
    }
    await pagePersistence().openExample(id);
    return usePlayground.getState().project?.example === id ? null : `The example "${id}" did not open: choose it in the Example menu.`;
  },

  fileText: (file) => usePlayground.getState().project?.files[file],

  showFileAt,

  highlight(pane) {
    const el = document.querySelector(PANE_SELECTORS[pane]);
    const name = PANE_NAMES[pane];
    if (!el) return `The ${name} pane is not on the page now.`;
    const box = el.getBoundingClientRect();
    if (box.width < 8 || box.height < 8) return `The ${name} pane is folded away: drag the divider at its edge to open it, then press the button again.`;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
    spotlight(el);
    return null;
  },

  typeCommand(command) {
    const s = usePlayground.getState();
    if (!s.guestMode || !s.guestBooted) {
      return s.guestMode
        ? "The guest's shell is not ready yet: wait for its prompt in the terminal, then press the button again."
        : 'A bare-metal program has the machine, not the guest: open a driver example and Build & load it, then press the button again.';
    }
    // Ctrl-U first: the shell's line editor clears whatever was half typed, so the line holds just the command.
    s.sendInput(new TextEncoder().encode(`\x15${command}`));
    // The student reads the command and presses Enter: the keys go to the terminal.
    document.querySelector<HTMLTextAreaElement>('[data-testid="terminal"] textarea')?.focus();
    return null;
  },

  setBreakpoint(file, line) {
    const s = usePlayground.getState();
    if (!(s.sourceBreakpoints[file] ?? []).includes(line)) s.toggleSourceBreakpoint(file, line);
    void showFileAt(file, line);
    return null;
  },

  build() {
    const s = usePlayground.getState();
    if (canBuildNow(s)) {
      s.buildAndLoad();
      return null;
    }
    if (!s.project) return 'No project is open: open the lesson\'s project first.';
    if (s.buildingDriver || s.building !== null) return 'A build is under way: wait for it to finish (the Build pane says when).';
    return 'The guest is still booting: wait for its prompt in the terminal, then press the button again.';
  },
};
