#!/bin/sh
# The window with a peel: `--peel deep-rotators` with a muscle the peel took away selected (its
# card then offers to bring its layer back) draws, saves the window as a PNG of its size that holds
# more than a blank window, and exits 0; a peel that is neither a level nor a preset is refused
# with exit code 2 and a message naming --peel, before the window opens.
# usage: window_peel.sh RUN_UNDER_XVFB HIPLAB OUT.png
run="$1"
hiplab="$2"
png="$3"
rm -f "$png"
out=$(sh "$run" -s 1280x800x24 "$hiplab" --peel deep-rotators --select glut_max2_r --frames 20 --size 1024x640 --screenshot "$png")
rc=$?
if [ "$rc" -ne 0 ]; then echo "FAIL: hiplab --peel deep-rotators exited $rc"; exit 1; fi
if [ "$out" != "$png" ] || [ ! -f "$png" ]; then echo "FAIL: no screenshot at $png (printed '$out')"; exit 1; fi
width=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
height=$(od -An -tu1 -j20 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
if [ "$width" -ne 1024 ] || [ "$height" -ne 640 ]; then echo "FAIL: $png is ${width}x${height}, expected 1024x640"; exit 1; fi
size=$(wc -c <"$png")
if [ "$size" -lt 100000 ]; then echo "FAIL: $png is only $size bytes: a blank window?"; exit 1; fi
echo "ok: --peel deep-rotators: $png ${width}x${height}, $size bytes"
for bad in 3 deep; do
  err=$(sh "$run" -s 640x480x24 "$hiplab" --peel "$bad" --frames 1 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" -ne 2 ]; then echo "FAIL: hiplab --peel $bad exited $rc (expected 2)"; exit 1; fi
  case "$err" in
    *--peel*deep-rotators*) echo "ok: --peel $bad refused" ;;
    *) echo "FAIL: hiplab --peel $bad: the message does not name --peel and its values: $err"; exit 1 ;;
  esac
done
