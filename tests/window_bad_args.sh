#!/bin/sh
# The window's command line refuses what it cannot do with one clear message and exit code 2,
# before it opens: an unknown drill, an unknown muscle for --select.
# usage: window_bad_args.sh XVFB_RUN HIPLAB
xvfb="$1"
hiplab="$2"
fail=0
check() {  # expected-text, then the arguments
  want="$1"
  shift
  err=$("$xvfb" -a -s "-screen 0 640x480x24" "$hiplab" "$@" --frames 1 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" -ne 2 ]; then echo "FAIL: hiplab $* exited $rc (expected 2)"; fail=1; fi
  case "$err" in
    *"$want"*) echo "ok: hiplab $*: $err" ;;
    *) echo "FAIL: hiplab $*: message lacks '$want': $err"; fail=1 ;;
  esac
}
check "--select 'piriformus': expected a muscle such as glut_med1_r" --select piriformus
check "--drill 'no_such_drill': no such drill" --drill no_such_drill
exit $fail
