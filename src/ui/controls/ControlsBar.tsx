// The bar on top: open a program (an ELF, or a C file compiled in the worker), run it, pause it, step it, reset it, and
// choose how virtual time runs; with the guest, Build & load swaps the driver in it. Buttons are enabled only when they can act.

import { useRef, useState } from 'react';
import type { SpeedMode } from '../../protocol/messages.ts';
import { usePlayground } from '../store/store.ts';
import './controls.css';

/** What runs in guest mode: the kernel and, once it is in, the driver's module. */
function guestLabel(build: { module: string; loaded: boolean } | null): string {
  return build?.loaded ? `guest: Linux-like kernel + ${build.module}.ko` : 'guest: Linux-like kernel';
}

export function ControlsBar() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [stepCount, setStepCount] = useState(1);
  const s = usePlayground();
  const loaded = s.programName !== null || s.guestBooted;
  const canBuildDriver = s.guestBooted && s.project?.kind === 'driver' && !s.buildingDriver;
  const paused = s.runState === 'paused';

  return (
    <div className="controls" role="toolbar" aria-label="Machine controls">
      <h1 className="brand">Paravirt Playground</h1>
      <div className="control-group">
        <button type="button" className="btn" onClick={() => fileRef.current?.click()}
          title="Open a RISC-V ELF32 executable built for QEMU's virt board, or a C file to compile here (bare-metal, main() is the program)">
          Open program…
        </button>
        <input
          ref={fileRef} type="file" className="visually-hidden" data-testid="program-input" aria-label="Program file (.elf or .c)"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void s.openProgramFile(file);
            e.target.value = '';
          }}
        />
        <span className="program-name" title="The loaded program">{s.programName ?? (s.guestMode ? guestLabel(s.driverBuild) : 'no program loaded')}</span>
      </div>
      {s.guestMode && (
        <div className="control-group">
          <button type="button" className="btn btn-primary" disabled={!canBuildDriver} onClick={s.buildAndLoad}
            title="Compile the driver in the editor and replace the module in the running guest (rmmod, then insmod)">
            {s.buildingDriver ? 'Building…' : 'Build & load'}
          </button>
        </div>
      )}
      <div className="control-group">
        <button type="button" className="btn btn-primary" disabled={!loaded || !paused} onClick={s.run} title="Run until a breakpoint, power-off or Pause">Run</button>
        <button type="button" className="btn" disabled={s.runState !== 'running'} onClick={s.pause} title="Stop after the current slice">Pause</button>
        <button type="button" className="btn" disabled={!loaded || !paused} onClick={() => s.step(stepCount)} title="Execute this many instructions, then pause">Step</button>
        <label className="step-count">
          <input type="number" min={1} max={1000000} value={stepCount} aria-label="Instructions per step"
            onChange={(e) => setStepCount(Math.max(1, Number(e.target.value) || 1))} />
          <span>insn</span>
        </label>
        <button type="button" className="btn" disabled={!loaded} onClick={s.reset} title="Power-on reset: boot the program again from the start">Reset</button>
      </div>
      <div className="control-group">
        <label className="speed" title="Fast-forward: an idle CPU jumps to its next timer. Real time: it waits for the wall clock.">
          <span>Time</span>
          <select value={s.speed} aria-label="Virtual time" onChange={(e) => s.setSpeed(e.target.value as SpeedMode)}>
            <option value="fast">fast-forward</option>
            <option value="realtime">real time</option>
          </select>
        </label>
        <label className="jit" title="Translate hot guest code into JavaScript (fast). Off: interpret every instruction. The run is the same either way.">
          <input type="checkbox" checked={s.jit} aria-label="Translate hot code (JIT)" onChange={(e) => s.setJit(e.target.checked)} />
          <span>JIT</span>
        </label>
      </div>
    </div>
  );
}
