// The current C function's variables as the worker shows them at a stop: its
// arguments and locals, read from the compiler's DWARF variable info and the
// stopped hart's frame. Texts are made in the worker; the page only lays them out.

export interface FrameVariable {
  name: string;
  /** Parameter of the function, or a local declared in its body. */
  role: 'argument' | 'local';
  /** The C type as written for a student ("size_t", "struct file *"). */
  type: string;
  /** The value for a student: an int in decimal, an unsigned also in hex, a pointer in hex,
   * a char with its character; "unavailable" when it cannot be read here. */
  value: string;
}

export interface FrameView {
  /** The function the hart is stopped in. */
  function: string;
  /** Its frame's address (s0), so the page knows a new call from the same one. */
  frame: number;
  variables: FrameVariable[];
}

/** Whether `v`, shown at this stop, had another value at the previous stop of the same frame. */
export function changedSince(previous: FrameView | null, current: FrameView, v: FrameVariable): boolean {
  if (!previous || previous.function !== current.function || previous.frame !== current.frame) return false;
  const before = previous.variables.find((p) => p.name === v.name && p.role === v.role && p.type === v.type);
  return before !== undefined && before.value !== v.value;
}
