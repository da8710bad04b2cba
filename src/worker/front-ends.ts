// The worker's two front ends over one machine, and which of them a command
// goes to: the Linux-like guest once the page sends boot-guest, a bare-metal
// program once one has really loaded (load-elf, or compile that built). A file
// that is not a program, or C that does not compile, leaves the guest running.

import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import type { GuestHost } from './guest-host.ts';
import type { HostPort, MachineHost } from './machine-host.ts';

/** Commands that set an option of the board rather than act on the running machine. */
const SETTINGS = new Set<MachineCommand['type']>(['set-speed', 'set-jit', 'set-trace', 'set-stopwatch-on-error', 'set-source-breakpoints', 'set-device-watchpoints']);

/** Events about the machine shown; the other front end's are not the page's business. */
const MACHINE_VIEW = new Set<MachineEvent['type']>(['status', 'registers', 'notice', 'source-location', 'breakpoints-resolved']);

export type FrontEnd = 'bare-metal' | 'guest';

export class FrontEnds {
  mode: FrontEnd = 'bare-metal';
  readonly guest: GuestHost;
  readonly bareMetal: MachineHost;

  constructor(port: HostPort, make: { guest(port: HostPort): GuestHost; bareMetal(port: HostPort): MachineHost }) {
    // The guest's events reach the page only while it is the machine shown: a board
    // setting passed on to it while a bare-metal program runs must not repaint the page.
    this.guest = make.guest({
      post: (event: MachineEvent, transfer: Transferable[]) => {
        if (this.mode === 'bare-metal' && MACHINE_VIEW.has(event.type)) return;
        port.post(event, transfer);
      },
    });
    this.bareMetal = make.bareMetal({
      post: (event: MachineEvent, transfer: Transferable[]) => {
        if (this.mode === 'guest') {
          if (event.type === 'loaded') {
            this.guest.shutdown();
            this.mode = 'bare-metal';
          } else if (MACHINE_VIEW.has(event.type)) {
            return; // the page shows the guest's machine until a program has loaded
          }
        }
        port.post(event, transfer);
      },
    });
  }

  /** Says hello (the bare-metal host's ready and its first status). */
  start(): void {
    this.bareMetal.start();
  }

  handle(command: MachineCommand): void {
    if (command.type === 'boot-guest' && this.mode === 'bare-metal') {
      this.bareMetal.handle({ type: 'pause' }); // one machine runs at a time
      this.mode = 'guest';
    }
    if (SETTINGS.has(command.type)) {
      // Board settings belong to the page, not to one machine: both keep them, so a
      // program loaded after the guest (or the guest booted after one) starts with them.
      // So do the editor's breakpoints on C lines: each front end places them in its code.
      const other = this.mode === 'bare-metal' ? this.guest : this.bareMetal;
      if (command.type !== 'set-stopwatch-on-error' || this.mode === 'guest') other.handle(command);
    }
    const toBareMetal = this.mode === 'bare-metal' || command.type === 'load-elf' || command.type === 'compile';
    (toBareMetal ? this.bareMetal : this.guest).handle(command);
  }

  dispose(): void {
    this.guest.dispose();
    this.bareMetal.dispose();
  }
}
