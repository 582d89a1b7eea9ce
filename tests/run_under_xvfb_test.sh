#!/bin/sh
# Tests tests/run_under_xvfb.sh: it returns the program's own exit status, gives two runs at once
# different displays, and leaves no server running afterwards, also when the program exits before
# it connects (what `hiplab --drill no_such_drill` does, and what left xvfb-run's servers behind).
# usage: run_under_xvfb_test.sh RUN_UNDER_XVFB
run="$1"
dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-xvfb-test.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0
# The program writes its display and the server's pid (the Xvfb whose -auth file sits beside the
# program's XAUTHORITY) and exits.
probe='echo "$DISPLAY $(pgrep -x -f "Xvfb .*-auth ${XAUTHORITY%/*}/server-auth")" >"$0"; exit "$1"'

sh "$run" sh -c "$probe" "$dir/a" 7 & a=$!
sh "$run" sh -c "sleep 1; $probe" "$dir/b" 0 & b=$!
wait "$a"; rc_a=$?
wait "$b"; rc_b=$?
if [ "$rc_a" -ne 7 ] || [ "$rc_b" -ne 0 ]; then echo "FAIL: exit statuses $rc_a $rc_b, expected 7 0"; fail=1; fi
read -r disp_a pid_a <"$dir/a" || { echo "FAIL: the first program did not run"; exit 1; }
read -r disp_b pid_b <"$dir/b" || { echo "FAIL: the second program did not run"; exit 1; }
if [ "$disp_a" = "$disp_b" ]; then echo "FAIL: both runs got display $disp_a"; fail=1; fi
for pid in "$pid_a" "$pid_b"; do
  if [ -z "$pid" ]; then echo "FAIL: no server pid read"; fail=1; continue; fi
  if kill -0 "$pid" 2>/dev/null; then echo "FAIL: the server (pid $pid) still runs after its script ended"; fail=1; fi
done
[ "$fail" -eq 0 ] && echo "ok: statuses 7 and 0, displays $disp_a and $disp_b, both servers gone"
exit "$fail"
