// The page: the controls bar on top, then the panes. The grid already has
// places for the host (device model) and device panes that come later; for
// now the guest console is central and the machine state sits at the side.
// Dropping a file anywhere on the page opens it as the program (an ELF is
// loaded, a .c file compiled first); the Build pane appears once a C file is opened.

import { useState, type DragEvent } from 'react';
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
        <div className="area-guest">
          <EditorPane breakpoints={sourceBreakpoints} onToggleBreakpoint={toggleSourceBreakpoint} currentLocation={sourceLocation} />
          <TerminalPane />
          <BuildPane />
          <CodePane />
        </div>
        <aside className="area-side">
          <StatusPanel />
          <RegistersPane />
        </aside>
      </main>
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a RISC-V ELF file to load it, or a .c file to compile it</div>}
    </div>
  );
}
