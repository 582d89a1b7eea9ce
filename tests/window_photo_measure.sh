#!/bin/sh
# Measure from a photo in the window, driven by xdotool under its own X server (1280x1024): the
# Patients window opened on a patient (--patient 1), "Measure from photo...", the generated JPEG
# picked in the file browser and opened, the knee and the ankle clicked at known pixels of the
# photo (found on the screen by the photo's colour, so the window's zoom does not matter), "Use as
# ER in the visit", "Save visit"; then the visit list's thumbnail clicked, which opens the photo
# again with its landmarks. Ctrl+Q ends the run. Afterwards the stored measurement is read back
# with `hiplab patients show 1 --json`: method photo, external rotation of the right hip, the
# angle the two points give (atan(100/400) = 14.0 deg) and the landmarks where they were clicked.
# Every wait is bounded (the window within 90 s, each step's result within 40 s, the app ends
# within 240 s even if an event is lost), so a lost click fails with its message instead of hanging.
# usage: window_photo_measure.sh RUN_UNDER_XVFB HIPLAB
run="$1"
hiplab="$2"
case "$hiplab" in /*) ;; *) hiplab="$(pwd)/$hiplab" ;; esac  # the app runs in the photo's folder
if ! command -v xdotool >/dev/null 2>&1 || ! command -v import >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: xdotool, ImageMagick's import or python3 not installed (scripts/debian-packages.txt lists them)"
  exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-photo-measure.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/runtime" "$dir/work"
export XDG_RUNTIME_DIR="$dir/runtime" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
# The photo: 400 x 600, one colour found nowhere else on the screen, with a pale shin on it
# from the knee (200, 100) to the ankle (300, 500).
convert -size 400x600 'xc:rgb(200,40,160)' -stroke 'rgb(235,205,175)' -strokewidth 40 -draw 'line 200,100 300,500' \
  -quality 95 "$dir/work/leg.jpg" || { echo "FAIL: convert could not make the photo"; exit 1; }
"$hiplab" patients add --name "Photo Test" >/dev/null || { echo "FAIL: patients add"; exit 1; }

# The photo's rectangle on a screenshot: "W H X Y" of the pixels of its colour (the shin inside
# it does not reach its edges), or nothing.
cat >"$dir/find.sh" <<'FIND'
#!/bin/sh
# usage: find.sh SHOT.png X0 X1   (only pixels from X0 to X1 count)
g=$(convert "$1" -fill black -draw "rectangle 0,0 $2,2000" -draw "rectangle $3,0 4000,2000" -fuzz 6% -fill black +opaque 'rgb(200,40,160)' \
  -format '%@' info: 2>/dev/null)
echo "$g" | sed -n 's/^\([1-9][0-9]*\)x\([1-9][0-9]*\)+\([0-9]*\)+\([0-9]*\)$/\1 \2 \3 \4/p'
FIND

cat >"$dir/drive.sh" <<DRIVE
#!/bin/sh
rm -f "$dir/ready"
cd "$dir/work"
timeout -k 5 240 "$hiplab" --patient 1 --frames 100000 --ready-file "$dir/ready" --size 1280x1024 >"$dir/out.txt" 2>"$dir/err.txt" &
pid=\$!
timeout 90 xdotool search --sync --name HipLab >/dev/null || echo "no window within 90 s" >>"$dir/steps.txt"
# Until the app says its start-up work is done (--ready-file; at most 90 s), then a moment more.
i=0
while [ ! -e "$dir/ready" ] && [ \$i -lt 450 ]; do sleep 0.2; i=\$((i + 1)); done
[ -e "$dir/ready" ] || echo "not ready within 90 s" >>"$dir/steps.txt"
sleep 1
# wait_for SHOT X0 X1 CHECK: until SHOT shows, between x = X0 and X1, what CHECK (a shell condition
# on \$found = W H X Y of the photo's colour) asks for; at most 40 s
wait_for() {
  i=0
  while [ \$i -lt 20 ]; do
    sleep 2
    import -window root "$dir/\$1.png"
    found=\$(sh "$dir/find.sh" "$dir/\$1.png" \$2 \$3)
    eval "\$4" && return 0
    i=\$((i + 1))
  done
  return 1
}
xdotool mousemove 978 586 click 1          # Patients: Measure from photo... (opens the browser)
sleep 2
xdotool mousemove 99 152 click 1           # the browser: leg.jpg
sleep 1
xdotool mousemove 90 461 click 1           # Open
if ! wait_for opened 0 780 '[ -n "\$found" ]'; then echo "the photo did not show" >>"$dir/steps.txt"; xdotool key ctrl+q; wait \$pid; exit 0; fi
set -- \$found
echo "photo on screen: \$1 x \$2 at \$3,\$4" >>"$dir/steps.txt"
# photo pixel -> screen pixel
at() { awk -v w=\$1 -v h=\$2 -v x=\$3 -v y=\$4 -v px=\$5 -v py=\$6 'BEGIN { printf "%d %d", x + px * w / 400 + 0.5, y + py * h / 600 + 0.5 }'; }
xdotool mousemove \$(at \$1 \$2 \$3 \$4 200 100) click 1   # the knee
sleep 1.5
xdotool mousemove \$(at \$1 \$2 \$3 \$4 300 500) click 1   # the ankle
sleep 2
import -window root "$dir/measured.png"
# "Use as ER in the visit": on the angle's line, 52 px above the photo (whatever the photo's path
# above takes).
xdotool mousemove 392 \$((\$4 - 52)) click 1
sleep 2
# Patients: Save visit, one line lower than before: "took 14.0 deg from the photo ..." is shown
# at the window's top now.
xdotool mousemove 855 606 click 1
# The thumbnail in the visit list (right of x = 780: the Patients window).
if ! wait_for saved 780 1280 '[ -n "\$found" ]'; then echo "no thumbnail in the visit list" >>"$dir/steps.txt"; xdotool key ctrl+q; wait \$pid; exit 0; fi
set -- \$found
echo "thumbnail: \$1 x \$2 at \$3,\$4" >>"$dir/steps.txt"
xdotool mousemove \$((\$3 + \$1 / 2)) \$((\$4 + \$2 / 2)) click 1
if wait_for viewer 0 780 '[ -n "\$found" ] && [ \$(echo \$found | cut -d" " -f1) -gt 200 ]'; then
  echo "viewer: \$found" >>"$dir/steps.txt"
else
  echo "the thumbnail did not open the photo" >>"$dir/steps.txt"
fi
xdotool key ctrl+q
wait \$pid
echo "exit \$?" >>"$dir/steps.txt"
DRIVE
sh "$run" -s 1280x1024x24 sh "$dir/drive.sh"
fail=0
cat "$dir/steps.txt"
if grep -q "did not\|no thumbnail\|no window" "$dir/steps.txt"; then fail=1; fi
if ! grep -q "^exit 0$" "$dir/steps.txt"; then echo "FAIL: the app did not end cleanly: $(cat "$dir/err.txt")"; fail=1; fi
# The measurement stored, read back from the command line.
"$hiplab" patients show 1 --json >"$dir/show.json" || { echo "FAIL: patients show 1"; exit 1; }
python3 - "$dir/show.json" <<'CHECK' || fail=1
import json, math, sys
rec = json.load(open(sys.argv[1]))
ms = [m for v in rec["visits"] for m in v["measurements"]]
photo = [m for m in ms if m["method"] == "photo"]
if len(ms) != 1 or len(photo) != 1:
    sys.exit(f"FAIL: expected one measurement, by photo; stored: {ms}")
m = photo[0]
pts = [float(x) for x in (m["landmarks"] or "").split(",") if x]
want = math.degrees(math.atan2(100, 400))  # the shin 100 px right over 400 px down: counter-clockwise
problems = []
if m["movement"] != "external_rotation" or m["side"] != "right":
    problems.append(f"movement {m['side']} {m['movement']}, expected right external_rotation (counter-clockwise, right hip)")
if abs(m["degrees"] - want) > 1.0:
    problems.append(f"{m['degrees']} deg, expected {want:.1f} +/- 1")
if len(pts) != 4 or max(abs(a - b) for a, b in zip(pts, [200, 100, 300, 500])) > 3:
    problems.append(f"landmarks {m['landmarks']}, expected about 200,100,300,500")
if not m["photo"]:
    problems.append("no photo kept with it")
if problems:
    sys.exit("FAIL: " + "; ".join(problems))
print(f"ok: stored {m['degrees']} deg {m['movement']} of the {m['side']} hip from landmarks {m['landmarks']} (expected {want:.1f}), photo {m['photo']}")
CHECK
photo=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["visits"][0]["measurements"][0]["photo"] or "")' "$dir/show.json" 2>/dev/null)
if [ -n "$photo" ]; then
  for f in "$photo" "$photo.thumb.jpg"; do
    [ -s "$XDG_DATA_HOME/hiplab/photos/1/$f" ] || { echo "FAIL: $f is not in the patient's photo folder"; fail=1; }
  done
fi
[ -n "$HIPLAB_KEEP_SHOTS" ] && cp "$dir"/*.png "$HIPLAB_KEEP_SHOTS"/ 2>/dev/null
exit $fail
