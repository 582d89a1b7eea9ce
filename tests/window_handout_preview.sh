#!/bin/sh
# The Handout dialog's page preview (issue 15), driven by xdotool in a fresh 1280x800 window under
# its own X server: open the dialog (Drills panel, "Handout (PDF)..."), tick the clamshell, step
# the page to 2, press "Preview page". The page, drawn by `hiplab handout --page 2` beside the
# window, then shows in its own window right of the dialog: where the scene was grey, the paper is
# white. The private folder the page was drawn in is gone afterwards. Ctrl+Q ends the run.
# Every wait is bounded (the window must appear within 90 s, the app ends within 200 s even if a
# key is lost on a busy machine), so a lost event fails the test with its message instead of
# hanging until ctest's timeout.
# usage: window_handout_preview.sh RUN_UNDER_XVFB HIPLAB
run="$1"
hiplab="$2"
if ! command -v xdotool >/dev/null 2>&1 || ! command -v import >/dev/null 2>&1; then
  echo "SKIP: xdotool or ImageMagick's import not installed (scripts/debian-packages.txt lists them)"
  exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-handout-preview.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/runtime"
cat >"$dir/drive.sh" <<DRIVE
#!/bin/sh
rm -f "$dir/ready"
timeout -k 5 200 "$hiplab" --frames 20000 --ready-file "$dir/ready" --size 1280x800 >"$dir/out.txt" 2>"$dir/err.txt" &
pid=\$!
timeout 90 xdotool search --sync --name HipLab >/dev/null
# Until the app says its start-up work is done (--ready-file; at most 90 s), then a moment more.
i=0
while [ ! -e "$dir/ready" ] && [ \$i -lt 450 ]; do sleep 0.2; i=\$((i + 1)); done
[ -e "$dir/ready" ] || echo "not ready within 90 s" >&2
sleep 1
import -window root "$dir/before.png"
xdotool mousemove 73 418 click 1
sleep 2
xdotool mousemove 79 143 click 1
sleep 1
# The page stepper and "Preview page" sit under the drill list: one row (26 px) per shipped drill,
# 13 of them (y 681; 655 with 12 before the tall-kneeling foot windmill got its own file).
xdotool mousemove 146 681 click 1
sleep 1
xdotool mousemove 215 681 click 1
# The child renders the clamshell's pictures and lays out the page: allow a slow machine its time.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  sleep 2
  import -window root "$dir/after.png"
  [ "\$(convert "$dir/after.png" -format '%[fx:int(255*p{950,650}.r)]' info:)" -ge 240 ] && break
done
ls "$dir/runtime" >"$dir/left.txt"
xdotool key ctrl+q
wait \$pid
DRIVE
XDG_RUNTIME_DIR="$dir/runtime" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" sh "$run" -s 1280x800x24 sh "$dir/drive.sh"
before=$(convert "$dir/before.png" -format '%[fx:int(255*p{950,650}.r)]' info:)
after=$(convert "$dir/after.png" -format '%[fx:int(255*p{950,650}.r)]' info:)
if [ "$before" -ge 240 ]; then echo "FAIL: the spot checked is white before any preview ($before)"; exit 1; fi
if [ "$after" -lt 240 ]; then echo "FAIL: no white page where the preview should be ($after) $(cat "$dir/err.txt")"; exit 1; fi
if [ -s "$dir/left.txt" ]; then echo "FAIL: the preview's folder was left behind: $(cat "$dir/left.txt")"; exit 1; fi
echo "ok: the page preview shows (red $before before, $after after) and its folder is gone"
