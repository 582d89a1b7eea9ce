#!/bin/sh
# The window's command line refuses what it cannot do with one clear message and exit code 2,
# before it opens: an unknown drill, an unknown muscle for --select. Each case runs under its own
# X server (run_under_xvfb.sh); stderr must be exactly the one expected line.
# usage: window_bad_args.sh RUN_UNDER_XVFB HIPLAB
run="$1"
hiplab="$2"
fail=0
check() {  # expected stderr line, then the arguments
  want="$1"
  shift
  err=$(sh "$run" -s 640x480x24 "$hiplab" "$@" --frames 1 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" -ne 2 ]; then echo "FAIL: hiplab $* exited $rc (expected 2)"; fail=1; fi
  if [ "$err" = "$want" ]; then
    echo "ok: hiplab $*: $err"
  else
    echo "FAIL: hiplab $*: stderr is not the one line '$want':"
    echo "$err"
    fail=1
  fi
}
check "error: --select 'piriformus': expected a muscle such as glut_med1_r or piriformis (see hiplab moment-arms --muscle all) or a bone such as femur_r or sacrum" --select piriformus
check "error: --drill 'no_such_drill': no such drill (see hiplab drills)" --drill no_such_drill
exit $fail
