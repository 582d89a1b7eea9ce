#!/bin/sh
# The first window fits the screen (app/window_fit.h): with no --size, the default 1440x900 on a
# 1280x720 screen (a classroom projector) must shrink inside it, and on a 1920x1080 screen keep
# its size. `--report-state` prints "window=WxH+X+Y" (and "bone_fields=N") on exit, read here. The settings folder is
# the test's own and empty, so the default size is what is asked for.
# usage: window_fits_screen.sh RUN_UNDER_XVFB HIPLAB
run="$1"
hiplab="$2"
dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-fit.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
check() {  # $1 screen WxH, $2 expected: "fits" or "1440x900"
  rm -f "$dir/ready"
  out=$(XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" sh "$run" -s "${1}x24" "$hiplab" --frames 5 --report-state --ready-file "$dir/ready" 2>"$dir/err.txt")
  rc=$?
  if [ "$rc" -ne 0 ]; then echo "FAIL: hiplab exited $rc on a $1 screen: $(cat "$dir/err.txt")"; exit 1; fi
  win=$(printf '%s\n' "$out" | sed -n 's/.*window=\([0-9]*x[0-9]*+[0-9-]*+[0-9-]*\).*/\1/p')
  if [ -z "$win" ]; then echo "FAIL: no window=WxH+X+Y in the report on a $1 screen: '$out'"; exit 1; fi
  w=${win%%x*}; rest=${win#*x}; h=${rest%%+*}; rest=${rest#*+}; x=${rest%%+*}; y=${rest#*+}
  sw=${1%%x*}; sh_=${1#*x}
  if [ "$2" = "fits" ]; then
    if [ "$w" -gt "$sw" ] || [ "$h" -gt "$sh_" ] || [ "$x" -lt 0 ] || [ "$y" -lt 0 ] || [ $((x + w)) -gt "$sw" ] || [ $((y + h)) -gt "$sh_" ]; then
      echo "FAIL: the window $win does not fit the $1 screen"; exit 1
    fi
    if [ "$w" -lt $((sw * 3 / 4)) ]; then echo "FAIL: the window $win shrank more than needed on the $1 screen"; exit 1; fi
  elif [ "${w}x${h}" != "$2" ]; then
    echo "FAIL: the window is ${w}x${h} on the $1 screen, expected $2"; exit 1
  fi
  # The bones' fields that keep the muscle volumes out of bone are made after the first frame, on
  # a worker no frame waits for but a scripted run's last (app/model_open.h): by then all 17.
  fields=$(printf '%s\n' "$out" | sed -n 's/.*bone_fields=\([0-9]*\).*/\1/p')
  if [ "$fields" != 17 ]; then echo "FAIL: the window's model has '$fields' bone fields at its last frame, expected 17: '$out'"; exit 1; fi
  # --ready-file (what the xdotool tests wait for before they click): written once that is done.
  if [ "$(cat "$dir/ready" 2>/dev/null)" != ready ]; then echo "FAIL: no ready file after the run on a $1 screen"; exit 1; fi
  echo "ok: $1 screen: window $win, $fields bone fields, ready"
}
check 1280x720 fits
check 1920x1080 1440x900
