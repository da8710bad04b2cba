// Assembly sources of small bare-metal programs that the session and worker
// tests both run (test support; assembled by the tests with gcc).

/** Arms the CLINT timer `ms` of virtual time ahead (mtime ticks at 10 MHz),
 * sleeps in wfi until MTIP is pending, then powers off through the finisher. */
export function clintSleepProgram(ms: number): string {
  return `
  .option norvc  # fixed 4-byte instructions: the tests name their addresses
  .globl _start
_start:
  li t0, 0x0200bff8
  lw t1, 0(t0)
  li t2, ${ms * 10_000}
  add t1, t1, t2
  li t0, 0x02004000
  li t3, -1
  sw t3, 4(t0)
  sw t1, 0(t0)
  sw zero, 4(t0)
  li t0, 0x80
  csrw mie, t0
wait: wfi
  csrr t0, mip
  andi t0, t0, 0x80
  beqz t0, wait
  li t1, 0x100000
  li t2, 0x5555
  sw t2, 0(t1)
1: j 1b
`;
}
