// The page: the controls bar on top, then four regions in resizable,
// collapsible panes (react-resizable-panels; each divider also moves with the
// arrow keys, and the layout is remembered in localStorage):
// - Guest: the driver's editor above the guest's terminal, so the prompt is in
//   view at 1024×768, and the machine's state (status, CPU, build, code) in a
//   column beside them;
// - Device and Host, stacked in the right column: the hardware the guest sees
//   and the hypervisor's device model behind it;
// - Trace, across the bottom: every event, on a timeline and as a list.
// - Lessons, when open: a column at the left of the top row. It takes its room
//   mostly from the hardware column, so the terminal keeps 40 columns at 1024×768.
// Dropping a file anywhere on the page opens it as the program (an ELF is
// loaded, a .c file compiled first).
// In the presenter view (src/ui/classroom) the panels the lesson does not need
// are hidden, a banner names the lesson, and the slow-motion replay floats on top.

import { lazy, Suspense, useState, type DragEvent } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { BuildPane } from '../build/BuildPane.tsx';
import { CodePane } from '../code-pane/CodePane.tsx';
import { DevicePane } from '../device-pane/DevicePane.tsx';
import { HostPane } from '../host-pane/HostPane.tsx';
import { ControlsBar } from '../controls/ControlsBar.tsx';
import { EditorPane } from '../editor/EditorPane.tsx';
import { TerminalPane } from '../guest-pane/TerminalPane.tsx';
import { RegistersPane } from '../registers/RegistersPane.tsx';
import { VariablesPane } from '../variables/VariablesPane.tsx';
import { ErrorBanner } from '../status/ErrorBanner.tsx';
import { useLessonsSetup } from '../lessons/use-lessons-setup.ts';
import { StatusPanel } from '../status/StatusPanel.tsx';
import { usePlayground } from '../store/store.ts';
import { TracePane } from '../trace/TracePane.tsx';
import { PresenterBanner } from '../classroom/PresenterBanner.tsx';
import { ReplayPanel } from '../classroom/ReplayPanel.tsx';
import { hiddenPanels, presenterPanes, separatorHidden, type PanelId } from '../classroom/presenter-panes.ts';
import { usePresenterView } from '../classroom/use-presenter.ts';
import '../classroom/presenter.css';
import '../classroom/replay.css';
import './layout.css';

/** The Lessons panel, with its Markdown renderer, loads when it first opens: the page
 * does not pay for it at start (about 100 KiB of compressed script). */
const LessonsPanel = lazy(() => import('../lessons/LessonsPanel.tsx').then((m) => ({ default: m.LessonsPanel })));

/** A group's sizes, kept across reloads (the student's layout is theirs); one layout per set of panels shown. */
function useRememberedLayout(id: string, panelIds?: string[]) {
  return useDefaultLayout({ id: `paravirt-layout-${id}`, storage: localStorage, onlySaveAfterUserInteractions: true, panelIds });
}

/** The top row's first layout with the Lessons column open (before the student moves a divider): on a
 * projector's 1024 px the guest keeps the terminal at 40 columns; on a laptop the lesson gets more room. */
function withLessons(): Record<string, number> {
  return innerWidth < 1280 ? { lessons: 21, guest: 61, hardware: 18 } : { lessons: 26, guest: 52, hardware: 22 };
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

export function PlaygroundLayout() {
  const [dragging, setDragging] = useState(false);
  const rows = useRememberedLayout('rows');
  const lessonsOpen = usePlayground((s) => s.lessonsOpen);
  const columns = useRememberedLayout('columns', lessonsOpen ? ['lessons', 'guest', 'hardware'] : ['guest', 'hardware']);
  useLessonsSetup();
  const guest = useRememberedLayout('guest');
  const work = useRememberedLayout('work');
  const hardware = useRememberedLayout('hardware');
  const openProgramFile = usePlayground((s) => s.openProgramFile);
  const sourceBreakpoints = usePlayground((s) => s.sourceBreakpoints);
  const toggleSourceBreakpoint = usePlayground((s) => s.toggleSourceBreakpoint);
  const sourceLocation = usePlayground((s) => (s.runState === 'paused' ? s.sourceLocation : null));
  const presenter = usePresenterView();
  const panes = usePlayground(presenterPanes);
  const hidden = presenter ? hiddenPanels(panes) : new Set<PanelId>();
  const hide = (id: PanelId) => hidden.has(id) || undefined;
  const hideBetween = (a: PanelId, b: PanelId) => separatorHidden(hidden, a, b) || undefined;

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
      <ErrorBanner />
      {presenter && <PresenterBanner />}
      <main className="panes">
        <Group orientation="vertical" className="rows-group" {...rows}>
          <Panel id="top" defaultSize="75" minSize="35" className="area-top" data-presenter-hidden={hide('top')}>
            <Group orientation="horizontal" className="columns-group" {...columns} defaultLayout={columns.defaultLayout ?? (lessonsOpen ? withLessons() : undefined)}>
              {lessonsOpen && (
                <>
                  <Panel id="lessons" minSize="16" maxSize="50" className="area-lessons" data-presenter-hidden={hide('lessons')}>
                    <Suspense fallback={<p className="lessons-loading" role="status">Loading the lessons…</p>}>
                      <LessonsPanel />
                    </Suspense>
                  </Panel>
                  <Separator className="split-handle split-handle-column" aria-label="Resize the lessons and the guest" data-presenter-hidden={hideBetween('lessons', 'guest')} />
                </>
              )}
              <Panel id="guest" defaultSize="64" minSize="35" className="area-guest" data-presenter-hidden={hide('guest')}>
                <section className="region region-guest" aria-label="Guest">
                  <Group orientation="horizontal" className="guest-group" {...guest}>
                    <Panel id="work" defaultSize="62" minSize="40" className="area-work" data-presenter-hidden={hide('work')}>
                      <Group orientation="vertical" className="work-group" {...work}>
                        <Panel id="editor" defaultSize="52" minSize="20" className="area-editor" data-presenter-hidden={hide('editor')}>
                          <EditorPane breakpoints={sourceBreakpoints} onToggleBreakpoint={toggleSourceBreakpoint} currentLocation={sourceLocation} />
                        </Panel>
                        <Separator className="split-handle split-handle-row" aria-label="Resize the editor and the terminal" data-presenter-hidden={hideBetween('editor', 'console')} />
                        <Panel id="console" minSize="20" className="area-console" data-presenter-hidden={hide('console')}>
                          <TerminalPane />
                        </Panel>
                      </Group>
                    </Panel>
                    <Separator className="split-handle split-handle-column" aria-label="Resize the workbench and the machine column" data-presenter-hidden={hideBetween('work', 'machine')} />
                    <Panel id="machine" minSize="25" className="area-side" data-presenter-hidden={hide('machine')}>
                      <StatusPanel />
                      <VariablesPane />
                      <RegistersPane />
                      <BuildPane />
                      <CodePane />
                    </Panel>
                  </Group>
                </section>
              </Panel>
              <Separator className="split-handle split-handle-column" aria-label="Resize the guest and the hardware column" data-presenter-hidden={hideBetween('guest', 'hardware')} />
              <Panel id="hardware" defaultSize="36" minSize="18" collapsible collapsedSize="0" className="area-hardware" data-presenter-hidden={hide('hardware')}>
                <Group orientation="vertical" className="hardware-group" {...hardware}>
                  <Panel id="device" defaultSize="55" minSize="15" collapsible collapsedSize="0" className="area-device" data-presenter-hidden={hide('device')}>
                    <DevicePane />
                  </Panel>
                  <Separator className="split-handle split-handle-row" aria-label="Resize the device and the host" data-presenter-hidden={hideBetween('device', 'host')} />
                  <Panel id="host" minSize="15" collapsible collapsedSize="0" className="area-host" data-presenter-hidden={hide('host')}>
                    <HostPane />
                  </Panel>
                </Group>
              </Panel>
            </Group>
          </Panel>
          <Separator className="split-handle split-handle-row" aria-label="Resize the panes and the trace" data-presenter-hidden={hideBetween('top', 'trace')} />
          <Panel id="trace" defaultSize="25" minSize="12" collapsible collapsedSize="0" className="area-trace" data-presenter-hidden={hide('trace')}>
            <TracePane />
          </Panel>
        </Group>
      </main>
      <ReplayPanel />
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a RISC-V ELF file to load it, or a .c file to compile it</div>}
    </div>
  );
}
