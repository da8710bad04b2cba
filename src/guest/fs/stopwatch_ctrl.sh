#!/bin/sh
# stopwatch_ctrl.sh: drives the stopwatch driver from user space through the
# files it creates (see src/guest/drivers/stopwatch/stopwatch.c). POSIX sh.
#
#   stopwatch_ctrl.sh reset | start | pause   send that command
#   stopwatch_ctrl.sh show                    print the elapsed time
#   stopwatch_ctrl.sh timeout N               timeout interrupt in N seconds (1-9)
#   stopwatch_ctrl.sh timeout                 print the number of timeout interrupts

# The driver's files (the variables let a test point the script elsewhere).
PARAMS=${STOPWATCH_PARAMS:-/sys/module/stopwatch/parameters}
DEBUGFS=${STOPWATCH_DEBUGFS:-/sys/kernel/debug/stopwatch/stopwatch}

# Command numbers of stopwatch_hw-sw.h (STOPWATCH_ACTION_*).
ACTION_RESET=0
ACTION_START=1
ACTION_PAUSE=2

usage() {
	cat <<USAGE
usage: $0 ACTION
  reset        reset the stopwatch to 0
  start        start (or resume) counting
  pause        pause counting
  show         print the elapsed time, e.g. "1.00 seconds"
  timeout N    raise the timeout interrupt in N seconds (N from 1 to 9)
  timeout      print how many timeout interrupts the driver has handled
USAGE
}

send() {
	echo "$1" > "$PARAMS/stopwatch_status"
}

timeout_cmd() {
	if [ -z "$1" ]; then
		count=$(cat "$PARAMS/stopwatch_timeout") || return
		echo "Number of IRQ ticks: $count"
		return 0
	fi
	case $1 in
	*[!0-9]*)
		echo "$0: timeout must be a number of seconds (1-9), not '$1'" >&2
		return 2 ;;
	esac
	echo "$1" > "$PARAMS/stopwatch_timeout"
}

case $1 in
reset) send $ACTION_RESET ;;
start) send $ACTION_START ;;
pause) send $ACTION_PAUSE ;;
show) cat "$DEBUGFS" ;;
timeout) timeout_cmd "$2" ;;
*)
	usage >&2
	exit 3 ;;
esac
