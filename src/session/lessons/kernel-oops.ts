// Finds the report the guest kernel prints when driver code goes wrong (an
// oops on a bad pointer or an illegal instruction, a kernel stack overflow, a
// soft lockup, a panic), in the kernel log lines of a graded run. The kernel
// aborts the faulty task and goes on, as Linux does, so a command can even
// "succeed" after its driver crashed: the grader looks at the log to know.

/** The first line of each report the kernel's fault handling writes (src/guest/kernel/faults.ts). */
const REPORT_START = /^(Unable to handle kernel |Oops\b|Insufficient stack space|watchdog: BUG: soft lockup|Kernel panic|BUG: )/;
/** The line that ends an oops (a soft lockup has none: its report runs to the end of its call trace). */
const REPORT_END = /^---\[ end trace /;
/** A frame of a call trace, "[<8010001c>] loop_probe_probe+0x1c/0x48 [loop_probe]". */
const CALL_FRAME = /^\s*\[<[0-9a-f]+>\]/;
/** The log's time stamp, "[    2.000011] ". */
const STAMP = /^\[\s*\d+\.\d+\]\s?/;

/** The first fault report in `lines` (as the console printed them, with their time stamps), or null. */
export function findKernelOops(lines: readonly string[]): string | null {
  const text = lines.map((l) => l.replace(/\n$/, ''));
  const start = text.findIndex((l) => REPORT_START.test(l.replace(STAMP, '')));
  if (start < 0) return null;
  const out: string[] = [];
  let inCallTrace = false;
  for (let i = start; i < text.length; i++) {
    const line = text[i]!;
    const body = line.replace(STAMP, '');
    // A soft lockup's report has no end line: it ends with its call trace's last frame.
    if (inCallTrace && !CALL_FRAME.test(body) && !REPORT_END.test(body)) break;
    out.push(line);
    if (REPORT_END.test(body)) break;
    if (/^Call Trace:/.test(body)) inCallTrace = true;
  }
  return out.join('\n');
}
