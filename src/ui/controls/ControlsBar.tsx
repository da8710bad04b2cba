// The bar on top: open a program (an ELF, or a C file compiled in the worker),
// run it, pause it, step it by instruction or by C line (or run to the cursor's line), reset it, Build & load a driver into the guest, choose how
// virtual time runs, the text size, the presenter view (classroom mode), and the keyboard shortcuts' help. Every
// action has a key (src/ui/keyboard/shortcuts.ts); a key pressed when its
// action cannot run says why in the live region instead of doing nothing.

import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { canBuildNow } from '../store/guest-slice.ts';
import type { PlaygroundState } from '../store/store.ts';
import { ExamplesMenu } from '../examples/ExamplesMenu.tsx';
import { ShortcutsHelp } from '../keyboard/ShortcutsHelp.tsx';
import { LessonsToggle } from '../lessons/LessonsToggle.tsx';
import { useShortcuts } from '../keyboard/useShortcuts.ts';
import { usePlayground } from '../store/store.ts';
import { FontSizeControl } from './FontSizeControl.tsx';
import { runToCursor, RunToCursorButton } from './RunToCursorButton.tsx';
import { WorkBar } from './WorkBar.tsx';
import { TimeModeSelect } from './TimeModeSelect.tsx';
import { ToolbarButton } from './ToolbarButton.tsx';
import './controls.css';

/** What runs in guest mode: the kernel and, once it is in, the driver's module. */
function guestLabel(build: { module: string; loaded: boolean } | null): string {
  return build?.loaded ? `guest: Linux-like kernel + ${build.module}.ko` : 'guest: Linux-like kernel';
}

const pickBar = (s: PlaygroundState) => ({
  programName: s.programName, guestBooted: s.guestBooted, guestMode: s.guestMode, project: s.project,
  building: s.building, buildingDriver: s.buildingDriver, runState: s.runState, driverBuild: s.driverBuild, jit: s.jit,
  setJit: s.setJit, setActionNotice: s.setActionNotice, run: s.run, pause: s.pause, step: s.step, reset: s.reset,
  stepLine: s.stepLine, stepInto: s.stepInto, stepOut: s.stepOut, buildAndLoad: s.buildAndLoad, openProgramFile: s.openProgramFile,
  presenter: s.presenter, togglePresenter: s.togglePresenter,
});

export function ControlsBar() {
  const fileRef = useRef<HTMLInputElement>(null);
  const runRef = useRef<HTMLButtonElement>(null);
  const pauseRef = useRef<HTMLButtonElement>(null);
  /** Run or Pause pressed from the keyboard: focus moves to the other one once it can act. */
  const handOff = useRef<'run' | 'pause' | null>(null);
  const [stepCount, setStepCount] = useState(1);
  const [helpOpen, setHelpOpen] = useState(false);
  // Only what the bar reads: a register snapshot (many a second while running) must not re-render it.
  const s = usePlayground(useShallow(pickBar));
  const loaded = s.programName !== null || s.guestBooted;
  const canBuild = canBuildNow(s);
  const paused = s.runState === 'paused';
  const running = s.runState === 'running';
  /** Stepping by C lines: in the guest's driver, or in a bare-metal program (the worker says so if it has no line table). */
  const cSteps = paused && (s.guestMode || s.programName !== null);

  /** Why an action cannot run now, for the live region (null: it can). */
  const blocked = (action: string): string | null => {
    if (!loaded) return `${action} needs a program: open one with "Open program…" first.`;
    if (s.runState === 'halted') return `${action}: the machine has stopped. Press Reset to boot the program again.`;
    return null;
  };
  const tryRun = () => {
    const why = blocked('Run') ?? (running ? 'Run: the machine is already running. F6 pauses it.' : null);
    if (why) return s.setActionNotice(why);
    s.setActionNotice(null);
    s.run();
  };
  const tryPause = () => {
    if (!running) return s.setActionNotice('Pause: the machine is not running. F5 runs it.');
    s.setActionNotice(null);
    s.pause();
  };
  const tryStep = () => {
    const why = blocked('Step') ?? (running ? 'Step works while the machine is paused: press F6 to pause first.' : null);
    if (why) return s.setActionNotice(why);
    s.setActionNotice(null);
    s.step(stepCount);
  };

  useShortcuts({
    run: tryRun,
    pause: tryPause,
    stepInstruction: tryStep,
    stepLine: s.stepLine,
    stepInto: s.stepInto,
    stepOut: s.stepOut,
    runToCursor,
    buildAndLoad: s.buildAndLoad,
    presenter: s.togglePresenter,
    help: () => setHelpOpen(true),
  });

  useEffect(() => {
    const next = handOff.current === 'pause' && running ? pauseRef : handOff.current === 'run' && !running ? runRef : null;
    if (!next) return;
    handOff.current = null;
    next.current?.focus();
  }, [running]);

  return (
    <div className="controls" role="toolbar" aria-label="Machine controls">
      <h1 className="brand">Paravirt Playground</h1>
      <div className="control-group">
        <button type="button" className="btn" onClick={() => fileRef.current?.click()}
          title="Open a RISC-V ELF32 executable built for QEMU's virt board, or a C file to compile here (bare-metal, main() is the program)">
          Open program…
        </button>
        <input
          ref={fileRef} type="file" className="visually-hidden" data-testid="program-input" aria-label="Program file (.elf or .c)" tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void s.openProgramFile(file);
            e.target.value = '';
          }}
        />
        <span className="program-name" title="The loaded program">{s.programName ?? (s.guestMode ? guestLabel(s.driverBuild) : 'no program loaded')}</span>
      </div>
      {s.project && (
        <div className="control-group">
          <ExamplesMenu />
          <button type="button" className="btn btn-primary" disabled={!canBuild} onClick={s.buildAndLoad} aria-keyshortcuts="Control+S Control+B"
            title={s.project.kind === 'driver'
              ? 'Compile the driver in the editor and replace the module in the running guest (rmmod, then insmod) — Ctrl+S'
              : 'Compile the program in the editor and run it on the bare board (it replaces the guest; Build & load of a driver boots the guest again) — Ctrl+S'}>
            {s.buildingDriver || s.building ? 'Building…' : 'Build & load'}
          </button>
          <WorkBar />
        </div>
      )}
      {/* Text size and help sit on the first row, at its right end, so the machine's controls keep the second row to themselves. */}
      <div className="control-group control-group-end">
        <LessonsToggle />
        <button type="button" className="btn btn-small" aria-pressed={s.presenter} onClick={s.togglePresenter} aria-keyshortcuts="F4"
          title="Presenter view: large type, high contrast, only the lesson's panes (F4; Escape leaves it)">Presenter view</button>
        <FontSizeControl />
        <button type="button" className="btn btn-small" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?"
          aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
      </div>
      <div className="control-group">
        <ToolbarButton ref={runRef} action="run" primary enabled={loaded && paused}
          onActivate={({ keyboard }) => { if (keyboard) handOff.current = 'pause'; tryRun(); }} />
        <ToolbarButton ref={pauseRef} action="pause" enabled={running}
          onActivate={({ keyboard }) => { if (keyboard) handOff.current = 'run'; tryPause(); }} />
        <ToolbarButton action="stepInstruction" enabled={loaded && paused} onActivate={tryStep} />
        <label className="step-count">
          <input type="number" min={1} max={1000000} value={stepCount} aria-label="Instructions per step"
            onChange={(e) => setStepCount(Math.max(1, Number(e.target.value) || 1))} />
          <span>insn</span>
        </label>
        <button type="button" className="btn" disabled={!loaded} onClick={s.reset} title="Power-on reset: boot the program again from the start">Reset</button>
      </div>
      <div className="control-group" role="group" aria-label="Step through C">
        <ToolbarButton action="stepLine" enabled={cSteps} onActivate={s.stepLine} />
        <ToolbarButton action="stepInto" enabled={cSteps} onActivate={s.stepInto} />
        <ToolbarButton action="stepOut" enabled={cSteps} onActivate={s.stepOut} />
        <RunToCursorButton />
      </div>
      <div className="control-group">
        <TimeModeSelect />
        <label className="jit" title="Translate hot guest code into JavaScript (fast). Off: interpret every instruction. The run is the same either way.">
          <input type="checkbox" checked={s.jit} aria-label="Translate hot code (JIT)" onChange={(e) => s.setJit(e.target.checked)} />
          <span>JIT</span>
        </label>
      </div>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
