#!/bin/sh
# stopwatch_test.sh: the stopwatch end to end, through stopwatch_ctrl.sh.
# Expected results: 1.00 seconds after 1 s of counting, 5.00 seconds after
# 4 more, 2 timeout interrupts, 0.00 seconds after a reset. POSIX sh.

set -e

CTRL=${CTRL:-$(dirname "$0")/stopwatch_ctrl.sh}

# One second of counting, then frozen.
"$CTRL" reset
"$CTRL" start
sleep 1
"$CTRL" pause
after_1s=$("$CTRL" show)

# Four more seconds, with two one-second timeouts on the way.
"$CTRL" start
"$CTRL" timeout 1
sleep 2
"$CTRL" timeout 1
sleep 2
after_5s=$("$CTRL" show)
irq_ticks=$("$CTRL" timeout)

"$CTRL" reset
after_reset=$("$CTRL" show)

cat <<RESULTS

Results:
1) after 1s: $after_1s
2) after 5s: $after_5s
3) after irq: $irq_ticks
4) after reset: $after_reset
RESULTS

[ "$after_1s" = "1.00 seconds" ] &&
	[ "$after_5s" = "5.00 seconds" ] &&
	[ "$irq_ticks" = "Number of IRQ ticks: 2" ] &&
	[ "$after_reset" = "0.00 seconds" ]
