// The project's source in Monaco: one tab per project file (.c and .h), plus the
// guest headers go-to-definition opened (read-only, closeable). As the student
// types, the editor worker compiles the project and its diagnostics become
// squiggles on their lines; hovering a name shows its type, F12 goes to its
// declaration. Clicking the glyph margin (or F9 on the cursor's line) sets a
// breakpoint; the line the hart is stopped at is highlighted. The cursor's line
// is what Run to cursor (Ctrl+F10) runs to; the text follows the page's A−/A+.
// Monaco itself is loaded the first time a project is open (a dynamic import).

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { countDiagnostics } from '../../protocol/build.ts';
import type { SourceLocation } from '../../protocol/driver.ts';
import { useFontSize } from '../controls/font-size.ts';
import { useEditorCursor } from '../controls/run-to-cursor.ts';
import { usePlayground } from '../store/store.ts';
import { driverSources } from '../store/workspace-slice.ts';
import { editorChecker } from './editor-checker.ts';
import { breakpointDecorations, currentLineDecorations, linesOf, markersFor, MARKER_OWNER } from './editor-decorations.ts';
import { EditorTabs } from './EditorTabs.tsx';
import { modelFor, tabKey, tabOfUri, uriOf, type EditorTab } from './editor-tabs.ts';
import { registerKernelC, type KernelCContext } from './kernel-c-features.ts';
import type { Monaco } from './monaco-setup.ts';
import './editor.css';

export interface EditorPaneProps {
  /** File name → 1-based lines with a breakpoint. */
  breakpoints: Readonly<Record<string, readonly number[]>>;
  onToggleBreakpoint(file: string, line: number): void;
  /** Where the hart is stopped, in C; null while it runs or has no C line. */
  currentLocation: SourceLocation | null;
}

type Editor = MonacoEditor.IStandaloneCodeEditor;

/** Monaco's size at the page's: 13 px at the page's design size of 14, and in step with it. */
const editorFontSize = (pagePx: number) => Math.round((pagePx * 13) / 14);

/** The providers are registered once per page and ask the mounted pane through this. */
let kernelCContext: KernelCContext | null = null;
let monacoPromise: Promise<Monaco> | null = null;

function loadMonaco(): Promise<Monaco> {
  monacoPromise ??= import('./monaco-setup.ts').then(({ monaco }) => {
    registerKernelC(monaco, () => kernelCContext);
    return monaco;
  });
  return monacoPromise;
}

export function EditorPane({ breakpoints, onToggleBreakpoint, currentLocation }: EditorPaneProps) {
  const project = usePlayground((s) => s.project);
  const activeFile = usePlayground((s) => s.activeFile);
  const setActiveFile = usePlayground((s) => s.setActiveFile);
  const check = usePlayground((s) => s.editorCheck);
  const showError = usePlayground((s) => s.showError);
  const pageFontPx = useFontSize((s) => s.px);

  const [monaco, setMonaco] = useState<Monaco | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [shownHeader, setShownHeader] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const viewStates = useRef(new Map<string, MonacoEditor.ICodeEditorViewState | null>());
  const shown = useRef<string | null>(null);

  // One object per tab shown, so effects run when the tab changes, not on every render.
  const active = useMemo<EditorTab | null>(() => (shownHeader !== null
    ? { file: shownHeader, header: true }
    : activeFile !== null ? { file: activeFile, header: false } : null), [shownHeader, activeFile]);

  // What the editor's handlers need now, without registering them again on every render.
  const latest = useRef({ active, onToggleBreakpoint, breakpoints });
  useLayoutEffect(() => { latest.current = { active, onToggleBreakpoint, breakpoints }; });
  const breakpointDots = useRef<MonacoEditor.IEditorDecorationsCollection | null>(null);
  const currentLine = useRef<MonacoEditor.IEditorDecorationsCollection | null>(null);

  const hasProject = project !== null;
  useEffect(() => {
    if (!hasProject || monaco) return;
    let live = true;
    loadMonaco().then((m) => { if (live) setMonaco(m); }, (err: unknown) => {
      showError(`The code editor could not be loaded (${err instanceof Error ? err.message : String(err)}). Check your connection and reload the page.`);
    });
    return () => { live = false; };
  }, [hasProject, monaco, showError]);

  // The editor, once Monaco is here.
  useEffect(() => {
    if (!monaco || !host.current) return;
    const ed = monaco.editor.create(host.current, {
      model: null, theme: 'vs-dark', automaticLayout: true, glyphMargin: true, minimap: { enabled: false },
      fontSize: editorFontSize(useFontSize.getState().px), tabSize: 8, insertSpaces: false, scrollBeyondLastLine: false, fixedOverflowWidgets: true,
      readOnlyMessage: { value: 'This is a guest header: read-only. Your driver is compiled against it as it is.' },
    });
    const toggleAt = (line: number) => {
      const tab = latest.current.active;
      if (tab && !tab.header) latest.current.onToggleBreakpoint(tab.file, line);
    };
    ed.onMouseDown((e) => {
      const t = e.target.type;
      if ((t === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || t === monaco.editor.MouseTargetType.GUTTER_LINE_DECORATIONS) && e.target.position) {
        toggleAt(e.target.position.lineNumber);
      }
    });
    ed.addAction({
      id: 'paravirt.toggleBreakpoint', label: 'Toggle Breakpoint', keybindings: [monaco.KeyCode.F9],
      contextMenuGroupId: 'navigation', run: (e) => { const p = e.getPosition(); if (p) toggleAt(p.lineNumber); },
    });
    // Tab indents in a code editor; Escape then Tab (or Shift+Tab) leaves it, as in the terminal.
    let escaped = false;
    ed.onKeyDown((e) => {
      if (e.keyCode === monaco.KeyCode.Escape) { escaped = true; return; }
      if (e.keyCode === monaco.KeyCode.Shift) return; // Shift on its way to Shift+Tab keeps the Escape
      if (escaped && e.keyCode === monaco.KeyCode.Tab) {
        e.preventDefault();
        e.stopPropagation();
        const root = ed.getDomNode();
        if (root) focusBeside(root, e.shiftKey ? -1 : 1);
      }
      escaped = false;
    });
    // Where Run to cursor goes: the cursor's line in a project file (a guest header has no code of the driver).
    const reportCursor = () => {
      const tab = latest.current.active, at = ed.getPosition();
      useEditorCursor.getState().setCursor(tab && !tab.header && ed.getModel() && at ? { file: tab.file, line: at.lineNumber } : null);
    };
    ed.onDidChangeCursorPosition(reportCursor);
    ed.onDidChangeModel(reportCursor);
    breakpointDots.current = ed.createDecorationsCollection();
    currentLine.current = ed.createDecorationsCollection();
    // Lines typed or deleted above a breakpoint move its dot; the breakpoint follows it.
    ed.onDidChangeModelContent((e) => {
      const tab = latest.current.active;
      if (e.isFlush || !tab || tab.header || !breakpointDots.current) return;
      const before = latest.current.breakpoints[tab.file] ?? [];
      const now = linesOf(breakpointDots.current.getRanges());
      for (const line of before) if (!now.includes(line)) latest.current.onToggleBreakpoint(tab.file, line);
      for (const line of now) if (!before.includes(line)) latest.current.onToggleBreakpoint(tab.file, line);
    });
    setEditor(ed);
    return () => {
      ed.dispose();
      useEditorCursor.getState().setCursor(null);
      setEditor(null);
      shown.current = null;
      breakpointDots.current = null;
      currentLine.current = null;
    };
  }, [monaco]);

  useEffect(() => {
    editor?.updateOptions({ fontSize: editorFontSize(pageFontPx) });
  }, [editor, pageFontPx]);

  /** Shows `tab`'s model in the editor (its scroll and cursor as they were left). */
  const show = useCallback((tab: EditorTab): boolean => {
    if (!monaco || !editor) return false;
    const model = monaco.editor.getModel(uriOf(monaco, tab));
    if (!model) return false;
    if (editor.getModel() !== model) {
      if (shown.current) viewStates.current.set(shown.current, editor.saveViewState());
      editor.setModel(model);
      const saved = viewStates.current.get(tabKey(tab));
      if (saved) editor.restoreViewState(saved);
    }
    shown.current = tabKey(tab);
    editor.updateOptions({ readOnly: tab.header });
    return true;
  }, [monaco, editor]);

  // Go-to-definition's target: a tab (a header's opens), the cursor on the declaration.
  useEffect(() => {
    if (!monaco || !editor) return;
    kernelCContext = {
      client: editorChecker(),
      project: () => {
        const p = usePlayground.getState().project;
        return p ? { kind: p.kind, sources: driverSources(p) } : null;
      },
      open: (tab, line, col) => {
        if (tab.header) {
          setHeaders((h) => (h.includes(tab.file) ? h : [...h, tab.file]));
          setShownHeader(tab.file);
        } else {
          setShownHeader(null);
          usePlayground.getState().setActiveFile(tab.file);
        }
        if (!show(tab)) return;
        editor.setPosition({ lineNumber: line, column: col });
        editor.revealLineInCenter(line);
        editor.focus();
      },
    };
    return () => { kernelCContext = null; };
  }, [monaco, editor, show]);

  // The project's files as models; typing goes back to the workspace.
  useEffect(() => {
    if (!monaco || !project) return;
    for (const [file, text] of Object.entries(project.files)) {
      const tab = { file, header: false };
      const existing = monaco.editor.getModel(uriOf(monaco, tab));
      if (existing) {
        if (existing.getValue() !== text) existing.setValue(text);
        continue;
      }
      const model = modelFor(monaco, tab, text);
      model.onDidChangeContent(() => {
        const t = tabOfUri(model.uri);
        if (t) usePlayground.getState().editFile(t.file, model.getValue());
      });
    }
    for (const model of monaco.editor.getModels()) {
      const tab = tabOfUri(model.uri);
      if (tab && !tab.header && project.files[tab.file] === undefined) model.dispose();
    }
  }, [monaco, project]);

  useEffect(() => {
    if (active) show(active);
  }, [active, show, project]);

  // Compile as the student types (the client waits for a pause).
  useEffect(() => {
    if (project) editorChecker().check(project.kind, driverSources(project));
  }, [project]);

  // The newest check's diagnostics as markers on every project file.
  useEffect(() => {
    if (!monaco || !project) return;
    for (const file of Object.keys(project.files)) {
      const model = monaco.editor.getModel(uriOf(monaco, { file, header: false }));
      if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, markersFor(monaco, check?.diagnostics ?? [], file));
    }
  }, [monaco, project, check]);

  // Breakpoints and the current line, on the file shown.
  const shownProjectFile = active && !active.header ? active.file : null;
  useEffect(() => {
    if (!monaco || !editor) return;
    breakpointDots.current?.set(breakpointDecorations(monaco, shownProjectFile ? breakpoints[shownProjectFile] ?? [] : []));
    const line = shownProjectFile !== null && currentLocation?.file === shownProjectFile ? currentLocation.line : null;
    currentLine.current?.set(currentLineDecorations(monaco, line));
  }, [monaco, editor, shownProjectFile, breakpoints, currentLocation, project]);

  // The hart stopped in a file of the project: show it, and the line. Only when the
  // stop changes, so typing in another tab afterwards does not pull the student back.
  useEffect(() => {
    const files = usePlayground.getState().project?.files;
    if (!currentLocation || files?.[currentLocation.file] === undefined) return;
    setShownHeader(null);
    setActiveFile(currentLocation.file);
  }, [currentLocation, setActiveFile]);
  // ...and scroll to the line once that file is shown (after the model switch above).
  useEffect(() => {
    if (editor && currentLocation && currentLocation.file === shownProjectFile) editor.revealLineInCenterIfOutsideViewport(currentLocation.line);
  }, [editor, currentLocation, shownProjectFile]);

  if (!project) {
    return (
      <section className="pane editor-pane editor-empty" aria-label="Driver source">
        <header className="pane-header"><h2>Editor</h2></header>
        <p className="pane-sub">No project is open yet: open an example and its files appear here.</p>
      </section>
    );
  }

  const selectTab = (tab: EditorTab) => {
    if (tab.header) setShownHeader(tab.file);
    else { setShownHeader(null); setActiveFile(tab.file); }
  };
  const closeHeader = (file: string) => {
    setHeaders((h) => h.filter((f) => f !== file));
    if (shownHeader === file) setShownHeader(null);
    viewStates.current.delete(tabKey({ file, header: true }));
    if (monaco) monaco.editor.getModel(uriOf(monaco, { file, header: true }))?.dispose();
  };

  return (
    <section className="pane editor-pane" aria-label="Driver source">
      <header className="pane-header">
        <h2>Editor</h2>
        <span className="pane-sub" data-testid="editor-check">{checkSummary(check)}</span>
      </header>
      <EditorTabs files={Object.keys(project.files)} headers={headers} active={active} onSelect={selectTab} onClose={closeHeader} />
      <div className="editor-host" ref={host} data-testid="editor-host">
        {!editor && <p className="editor-loading">Loading the editor…</p>}
      </div>
    </section>
  );
}

function checkSummary(check: ReturnType<typeof usePlayground.getState>['editorCheck']): string {
  if (!check) return 'checking your code as you type…';
  return `kernel-C: ${countDiagnostics(check.diagnostics)} (checked in ${Math.round(check.checkMs)} ms) · hover a name for its type · F12 goes to its declaration · F9 sets a breakpoint`;
}

/** Moves the focus to the next (1) or previous (-1) focusable element outside `root`, in page order. */
function focusBeside(root: HTMLElement, direction: 1 | -1): void {
  const all = Array.from(document.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'))
    .filter((el) => !root.contains(el) && !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
  const after = (el: HTMLElement) => (root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target = direction === 1 ? all.find(after) : all.filter((el) => !after(el)).at(-1);
  target?.focus();
}
