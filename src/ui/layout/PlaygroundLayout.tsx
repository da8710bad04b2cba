// The page: the controls bar on top, then the workbench in resizable panes
// (react-resizable-panels; each divider also moves with the arrow keys): the
// driver's editor above the guest's console on the left, so the prompt is in
// view at 1024×768, and the machine's state (status, CPU, build, code) in a
// column of its own on the right. The host and device panes come later.
// Dropping a file anywhere on the page opens it as the program (an ELF is
// loaded, a .c file compiled first).

import { useState, type DragEvent } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { BuildPane } from '../build/BuildPane.tsx';
import { CodePane } from '../code-pane/CodePane.tsx';
import { ControlsBar } from '../controls/ControlsBar.tsx';
import { EditorPane } from '../editor/EditorPane.tsx';
import { WorkBar } from '../controls/WorkBar.tsx';
import { TerminalPane } from '../guest-pane/TerminalPane.tsx';
import { RegistersPane } from '../registers/RegistersPane.tsx';
import { ErrorBanner } from '../status/ErrorBanner.tsx';
import { StatusPanel } from '../status/StatusPanel.tsx';
import { usePlayground } from '../store/store.ts';
import './layout.css';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

export function PlaygroundLayout() {
  const [dragging, setDragging] = useState(false);
  const openProgramFile = usePlayground((s) => s.openProgramFile);
  const sourceBreakpoints = usePlayground((s) => s.sourceBreakpoints);
  const toggleSourceBreakpoint = usePlayground((s) => s.toggleSourceBreakpoint);
  const sourceLocation = usePlayground((s) => (s.runState === 'paused' ? s.sourceLocation : null));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void openProgramFile(file);
  };

  return (
    <div
      className="playground"
      onDragOver={(e) => { if (hasFiles(e)) { e.preventDefault(); setDragging(true); } }}
      onDragLeave={(e) => { if (e.currentTarget === e.target) setDragging(false); }}
      onDrop={onDrop}
    >
      <ControlsBar />
      <WorkBar />
      <ErrorBanner />
      <main className="panes">
        <Group orientation="horizontal" className="panes-group">
          <Panel id="work" defaultSize="62" minSize="40" className="area-work">
            <Group orientation="vertical" className="work-group">
              <Panel id="editor" defaultSize="52" minSize="20" className="area-editor">
                <EditorPane breakpoints={sourceBreakpoints} onToggleBreakpoint={toggleSourceBreakpoint} currentLocation={sourceLocation} />
              </Panel>
              <Separator className="split-handle split-handle-row" aria-label="Resize the editor and the console" />
              <Panel id="console" minSize="20" className="area-console">
                <TerminalPane />
              </Panel>
            </Group>
          </Panel>
          <Separator className="split-handle split-handle-column" aria-label="Resize the workbench and the machine column" />
          <Panel id="machine" minSize="25" className="area-side">
            <StatusPanel />
            <RegistersPane />
            <BuildPane />
            <CodePane />
          </Panel>
        </Group>
      </main>
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a RISC-V ELF file to load it, or a .c file to compile it</div>}
    </div>
  );
}
