#!/bin/sh
# Space plays and pauses whatever has keyboard focus (issue 12): in a fresh window, a drill picked
# from the Drills list with the mouse starts playing, and Space, pressed at once with the pointer
# still over the list's panel (nothing clicked in the view), pauses it; without Space it keeps
# playing. xdotool drives the window under its own X server; `--report-state` prints what the
# session ended in ("drill=ID playing=yes|no time=S"), read here. Ctrl+Q ends the run (the frame
# cap only guards against a hang).
# Every wait is bounded (the window must appear within 90 s, the app ends within 120 s even if a
# key is lost on a busy machine), so a lost event fails the test with its message instead of
# hanging until ctest's timeout.
# usage: window_space.sh RUN_UNDER_XVFB HIPLAB
run="$1"
hiplab="$2"
if ! command -v xdotool >/dev/null 2>&1; then
  echo "SKIP: xdotool not installed (scripts/debian-packages.txt lists it)"
  exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-space.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
# One driven session: pick the drill, optionally press Space, quit. $1: "space" or "none".
drive() {
  cat >"$dir/drive.sh" <<DRIVE
#!/bin/sh
rm -f "$dir/ready"
timeout -k 5 120 "$hiplab" --frames 20000 --ready-file "$dir/ready" --size 1024x640 --report-state >"$dir/out.txt" 2>"$dir/err.txt" &
pid=\$!
timeout 90 xdotool search --sync --name HipLab >/dev/null
# Until the app says its start-up work is done (--ready-file; at most 90 s), then a moment more.
i=0
while [ ! -e "$dir/ready" ] && [ \$i -lt 450 ]; do sleep 0.2; i=\$((i + 1)); done
[ -e "$dir/ready" ] || echo "not ready within 90 s" >&2
sleep 1
# The Drills list in the left panel of a fresh 1024x640 window, then its second entry (Clamshell).
xdotool mousemove 120 366 click 1
sleep 1.5
xdotool mousemove 120 412 click 1
sleep 2
if [ "$1" = "space" ]; then xdotool key space; sleep 2; fi
xdotool key ctrl+q
wait \$pid
DRIVE
  XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" sh "$run" -s 1024x640x24 sh "$dir/drive.sh"
  cat "$dir/out.txt"
}
with=$(drive space)
case "$with" in
  *"drill=clamshell playing=no"*) echo "ok: Space after picking from the list paused: $with" ;;
  *) echo "FAIL: Space after picking the clamshell from the list did not pause it: '$with' $(cat "$dir/err.txt")"; exit 1 ;;
esac
without=$(drive none)
case "$without" in
  *"drill=clamshell playing=yes"*) echo "ok: without Space it plays on: $without" ;;
  *) echo "FAIL: the clamshell picked from the list is not playing: '$without' $(cat "$dir/err.txt")"; exit 1 ;;
esac
