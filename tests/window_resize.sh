#!/bin/sh
# The side panels follow the window when it changes size (core/panel_anchor.h): a fresh 1024x640
# window made 1500x900 (maximised) keeps the Muscles panel on its right edge, 8 px in, both side
# panels as tall as the new window allows (its height less the playback bar's 196 px); made
# 900x560 (a projector), both stay whole inside it. Before, the Muscles panel stayed where the old
# right edge was, in the middle of the larger window, and hung off the smaller one.
# And the camera follows too while the user has not moved it: the window made 1500x900 frames the
# pelvis and legs as a window opened at 1500x900 does (the same distance and lens shift, within
# 0.5%); zoomed in with the wheel first, the camera is left where the user put it.
# xdotool resizes the window under its own X server; `--report-state` prints the panels' places
# ("left_panel=X,Y,W,H right_panel=X,Y,W,H", y down), the camera ("framing=KIND
# camera=YAW,PITCH,DISTANCE,SHIFT_X,SHIFT_Y") and the labels' scale on exit, read here. Every wait
# is bounded.
# usage: window_resize.sh RUN_UNDER_XVFB HIPLAB
run="$1"
hiplab="$2"
if ! command -v xdotool >/dev/null 2>&1; then
  echo "SKIP: xdotool not installed (scripts/debian-packages.txt lists it)"
  exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-resize.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
# One driven session: a window of $3 (default 1024x640) resized to $1 x $2 ("-" -: not resized),
# zoomed in first (the wheel over the view) when $4 is "zoom", then quit; $5: more arguments for
# hiplab (a drill to play).
drive() {
  start=${3:-1024x640}
  resize=""
  [ "$1" != "-" ] && resize="xdotool search --name HipLab windowsize $1 $2"
  drag=""
  [ "${4:-}" = "zoom" ] && drag="xdotool mousemove 490 150 sleep 0.3 click --repeat 3 --delay 150 4; sleep 1"
  cat >"$dir/drive.sh" <<DRIVE
#!/bin/sh
rm -f "$dir/ready"
timeout -k 5 120 "$hiplab" --frames 20000 --ready-file "$dir/ready" --size $start --report-state ${5:-} >"$dir/out.txt" 2>"$dir/err.txt" &
pid=\$!
timeout 90 xdotool search --sync --name HipLab >/dev/null
i=0
while [ ! -e "$dir/ready" ] && [ \$i -lt 450 ]; do sleep 0.2; i=\$((i + 1)); done
[ -e "$dir/ready" ] || echo "not ready within 90 s" >&2
sleep 1
$drag
$resize
sleep 3
xdotool key ctrl+q
wait \$pid
DRIVE
  XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" sh "$run" -s 1600x1000x24 sh "$dir/drive.sh"
  cat "$dir/out.txt"
}
# $1 the report, $2 "left" or "right": sets x y w h of that panel.
panel() {
  v=$(printf '%s\n' "$1" | sed -n "s/.*$2_panel=\([0-9.-]*,[0-9.-]*,[0-9.-]*,[0-9.-]*\).*/\1/p")
  if [ -z "$v" ]; then echo "FAIL: no $2_panel=X,Y,W,H in the report: '$1' $(cat "$dir/err.txt")"; exit 1; fi
  x=${v%%,*}; v=${v#*,}; y=${v%%,*}; v=${v#*,}; w=${v%%,*}; h=${v#*,}
}
big=$(drive 1500 900)
case "$big" in *window=1500x900*) ;; *) echo "FAIL: the window did not become 1500x900: '$big'"; exit 1 ;; esac
panel "$big" right
gap=$((1500 - x - w))
if [ "$gap" -lt 6 ] || [ "$gap" -gt 10 ]; then echo "FAIL: made 1500 wide, the Muscles panel ends $gap px from the right edge (x $x w $w), expected 8"; exit 1; fi
if [ "$h" -ne $((900 - 196)) ]; then echo "FAIL: made 900 tall, the Muscles panel is $h px tall, expected $((900 - 196))"; exit 1; fi
panel "$big" left
if [ "$x" -ne 8 ] || [ "$h" -ne $((900 - 196)) ]; then echo "FAIL: made 1500x900, the HipLab panel is at x $x, $h px tall, expected x 8 and $((900 - 196))"; exit 1; fi
echo "ok: made 1500x900, the panels follow: $(printf '%s\n' "$big" | sed -n 's/.*\(left_panel=.*\)/\1/p')"
small=$(drive 900 560)
case "$small" in *window=900x560*) ;; *) echo "FAIL: the window did not become 900x560: '$small'"; exit 1 ;; esac
for side in left right; do
  panel "$small" $side
  if [ "$x" -lt 0 ] || [ "$y" -lt 0 ] || [ $((x + w)) -gt 900 ] || [ $((y + h)) -gt 560 ]; then
    echo "FAIL: made 900x560, the $side panel ($x,$y ${w}x$h) is not inside the window"; exit 1
  fi
done
echo "ok: made 900x560, both panels inside: $(printf '%s\n' "$small" | sed -n 's/.*\(left_panel=.*\)/\1/p')"
# Labels and arcs sized for the room the panels leave (app/window_frame.h kLabelRoomPx): the
# 900x560 window's 182 px strip takes them at 0.75x, the 1500x900 one's at full size.
case "$small" in *label_scale=0.75*) ;; *) echo "FAIL: made 900x560, labels not at 0.75x: '$small'"; exit 1 ;; esac
case "$big" in *label_scale=1.00*) ;; *) echo "FAIL: made 1500x900, labels not at full size: '$big'"; exit 1 ;; esac
echo "ok: labels 0.75x in the 900x560 window's strip, full size at 1500x900"
# The camera: $1 the report; sets kind yaw pitch dist sx sy.
camera() {
  kind=$(printf '%s\n' "$1" | sed -n 's/.*framing=\([a-z-]*\).*/\1/p')
  v=$(printf '%s\n' "$1" | sed -n 's/.*camera=\([0-9.,-]*\).*/\1/p')
  if [ -z "$kind" ] || [ -z "$v" ]; then echo "FAIL: no framing=KIND camera=... in the report: '$1'"; exit 1; fi
  cam="$v"
}
camera "$big"; big_kind=$kind; big_cam=$cam
fresh=$(drive - - 1500x900)
camera "$fresh"; fresh_cam=$cam
if [ "$big_kind" = none ] || ! awk -v a="$big_cam" -v b="$fresh_cam" 'BEGIN { split(a, x, ","); split(b, y, ",");
    d = (x[3] - y[3]) / y[3]; if (d < 0) d = -d; s = (x[4] - y[4]); if (s < 0) s = -s; t = (x[5] - y[5]); if (t < 0) t = -t;
    exit !(d <= 0.005 && s <= 0.005 && t <= 0.005) }'; then
  echo "FAIL: made 1500x900, the camera ($big_kind $big_cam) is not framed as a window opened at 1500x900 ($fresh_cam)"; exit 1
fi
echo "ok: made 1500x900, framed as a window opened so: camera $big_cam against $fresh_cam"
moved=$(drive 1500 900 1024x640 zoom)
camera "$moved"
if [ "$kind" != none ]; then echo "FAIL: zoomed in, then made 1500x900: the camera was framed again ($kind $cam)"; exit 1; fi
echo "ok: zoomed in, then made 1500x900: the camera stays the user's ($cam)"
# A drill's view made again for the resized window looks from where it was first made, though the
# person has moved since: the half-kneeling windmill turns its pelvis up to 30 deg in its first
# 3 s of play (made again from the person's direction then, the view turned with the pelvis).
# The yaw and pitch at quit against a session of the same drill paused at its start.
still=$(drive - - 1024x640 "" "--drill kneeling_windmill --time 0")
camera "$still"; still_kind=$kind; still_cam=$cam
played=$(drive 1500 900 1024x640 "" "--drill kneeling_windmill")
camera "$played"
t=$(printf '%s\n' "$played" | sed -n 's/.*playing=yes time=\([0-9.]*\).*/\1/p')
if [ -z "$t" ] || ! awk -v t="$t" 'BEGIN { exit !(t >= 0.8) }'; then
  echo "FAIL: the windmill was not playing past 0.8 s when it quit: '$played'"; exit 1
fi
if [ "$still_kind" != drill-view ] || [ "$kind" != drill-view ]; then
  echo "FAIL: the windmill's view is not the drill's framing ($still_kind, $kind)"; exit 1
fi
if ! awk -v a="$cam" -v b="$still_cam" 'BEGIN { split(a, x, ","); split(b, y, ",");
    d = x[1] - y[1]; if (d < 0) d = -d; p = x[2] - y[2]; if (p < 0) p = -p; exit !(d <= 0.002 && p <= 0.002) }'; then
  echo "FAIL: the windmill played and made 1500x900: its view turned ($cam) from where it was made ($still_cam)"; exit 1
fi
echo "ok: the windmill played and made 1500x900: its view looks from where it was made ($cam against $still_cam)"
