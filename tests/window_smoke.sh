#!/bin/sh
# The window path end to end under its own X server: start, draw 60 frames, save the window as a
# PNG, exit 0. The PNG is removed first (an old one never passes), must be a PNG of the window's
# size, and must hold more than a blank window (a cleared 1024x640 frame compresses to a few kB;
# the body and the panels take well over 100 kB).
# usage: window_smoke.sh RUN_UNDER_XVFB HIPLAB OUT.png
run="$1"
hiplab="$2"
png="$3"
rm -f "$png"
out=$(sh "$run" -s 1280x800x24 "$hiplab" --frames 60 --size 1024x640 --screenshot "$png")
rc=$?
if [ "$rc" -ne 0 ]; then echo "FAIL: hiplab exited $rc"; exit 1; fi
if [ "$out" != "$png" ]; then echo "FAIL: hiplab printed '$out', expected the screenshot's path"; exit 1; fi
if [ ! -f "$png" ]; then echo "FAIL: no screenshot at $png"; exit 1; fi
# PNG signature, then the IHDR chunk: width and height as 4-byte big-endian numbers at bytes 16, 20.
sig=$(od -An -tx1 -N8 "$png" | tr -d ' \n')
if [ "$sig" != "89504e470d0a1a0a" ]; then echo "FAIL: $png is not a PNG"; exit 1; fi
width=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
height=$(od -An -tu1 -j20 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
if [ "$width" -ne 1024 ] || [ "$height" -ne 640 ]; then echo "FAIL: $png is ${width}x${height}, expected 1024x640"; exit 1; fi
size=$(wc -c <"$png")
if [ "$size" -lt 100000 ]; then echo "FAIL: $png is only $size bytes: a blank window?"; exit 1; fi
echo "ok: $png ${width}x${height}, $size bytes"
