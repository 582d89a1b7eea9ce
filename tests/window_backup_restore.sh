#!/bin/sh
# Backup and restore from the Patients window's Records menu, driven by xdotool under its own X
# server (1280x1024): Records > Back up to a file..., Save under the name offered; a patient added
# from the command line meanwhile; Records > Restore from a backup..., the backup picked, Restore...,
# then the dialog's red "Replace with the backup" (found on the screen by its colour, since the
# dialog's size follows its text); then a file that is no backup picked the same way, which must
# show the red error line and open no dialog. Afterwards, from the command line: the backup file
# is owner-only, the restore left only the backed-up patient with their photo and thumbnail, and
# the bad file changed nothing. Every wait is bounded (the window within 90 s, each step within
# 40 s, the app ends within 240 s), so a lost click fails with its message instead of hanging.
# usage: window_backup_restore.sh RUN_UNDER_XVFB HIPLAB
run="$1"
hiplab="$2"
case "$hiplab" in /*) ;; *) hiplab="$(pwd)/$hiplab" ;; esac  # the app runs in the backup's folder
if ! command -v xdotool >/dev/null 2>&1 || ! command -v import >/dev/null 2>&1; then
  echo "SKIP: xdotool or ImageMagick's import not installed (scripts/debian-packages.txt lists them)"
  exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-backup-window.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/runtime" "$dir/work" "$dir/src"
export XDG_RUNTIME_DIR="$dir/runtime" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
convert -size 300x400 'xc:rgb(90,120,200)' "$dir/src/leg.jpg" || { echo "FAIL: convert could not make the photo"; exit 1; }
"$hiplab" patients add --name "Kept Patient" >/dev/null || { echo "FAIL: patients add"; exit 1; }
"$hiplab" patients measure 1 --date 2024-05-01 --position seated --photo "$dir/src/leg.jpg" --landmarks 150,50,170,350 >/dev/null ||
  { echo "FAIL: patients measure --photo"; exit 1; }
printf 'not a backup\n' >"$dir/work/notes.txt"

# The screen rectangle "W H X Y" of pixels of colour $2 (ImageMagick's notation) on shot $1, or nothing.
cat >"$dir/find.sh" <<'FIND'
#!/bin/sh
g=$(convert "$1" -fuzz 3% -fill black +opaque "$2" -format '%@' info: 2>/dev/null)
echo "$g" | sed -n 's/^\([1-9][0-9]*\)x\([1-9][0-9]*\)+\([0-9]*\)+\([0-9]*\)$/\1 \2 \3 \4/p'
FIND

cat >"$dir/drive.sh" <<DRIVE
#!/bin/sh
rm -f "$dir/ready"
cd "$dir/work"
timeout -k 5 240 "$hiplab" --patient 1 --frames 100000 --ready-file "$dir/ready" --size 1280x1024 >"$dir/out.txt" 2>"$dir/err.txt" &
pid=\$!
step() { echo "\$1" >>"$dir/steps.txt"; }
give_up() { step "\$1"; xdotool key ctrl+q; wait \$pid; exit 0; }
timeout 90 xdotool search --sync --name HipLab >/dev/null || step "no window within 90 s"
# Until the app says its start-up work is done (--ready-file; at most 90 s), then a moment more.
i=0
while [ ! -e "$dir/ready" ] && [ \$i -lt 450 ]; do sleep 0.2; i=\$((i + 1)); done
[ -e "$dir/ready" ] || step "not ready within 90 s"
sleep 1
# wait_for NAME COLOUR: until a screenshot shows that colour (found = W H X Y); at most 40 s
wait_for() {
  i=0
  while [ \$i -lt 20 ]; do
    sleep 2
    import -window root "$dir/\$1.png"
    found=\$(sh "$dir/find.sh" "$dir/\$1.png" "\$2")
    [ -n "\$found" ] && return 0
    i=\$((i + 1))
  done
  return 1
}
records_menu() {  # Records > item at y = \$1
  xdotool mousemove 851 41 click 1
  sleep 1
  xdotool mousemove 900 \$1 click 1
  sleep 2
}
records_menu 64                                # Back up to a file...
xdotool mousemove 88 461 click 1               # Save, under the name offered
i=0
while [ \$i -lt 20 ] && ! ls "$dir"/work/hiplab-records-*.sqlite >/dev/null 2>&1; do sleep 2; i=\$((i + 1)); done
ls "$dir"/work/hiplab-records-*.sqlite >/dev/null 2>&1 || give_up "no backup file written"
step "backup written"
"$hiplab" patients add --name "Added Later" >/dev/null || step "patients add (while the window runs) failed"
records_menu 88                                # Restore from a backup...
xdotool mousemove 150 152 click 1              # the backup (first by name)
sleep 1
xdotool mousemove 90 461 click 1               # Restore...
wait_for confirm 'rgb(166,38,31)' || give_up "no restore dialog with its red button"
set -- \$found
step "dialog's red button: \$found"
xdotool mousemove \$((\$3 + \$1 / 2)) \$((\$4 + \$2 / 2)) click 1
sleep 3
import -window root "$dir/restored.png"
records_menu 88                                # Restore from a backup... again
xdotool mousemove 150 172 click 1              # notes.txt (second by name)
sleep 1
xdotool mousemove 90 461 click 1               # Restore...
wait_for bad 'rgb(255,128,115)' || give_up "no error line for a file that is no backup"
step "error line: \$found"
[ -n "\$(sh "$dir/find.sh" "$dir/bad.png" 'rgb(166,38,31)')" ] && step "a restore dialog opened for a file that is no backup"
xdotool key ctrl+q
wait \$pid
step "exit \$?"
DRIVE
sh "$run" -s 1280x1024x24 sh "$dir/drive.sh"
fail=0
cat "$dir/steps.txt"
grep -q "^no \|failed\|opened for" "$dir/steps.txt" && fail=1
grep -q "^exit 0$" "$dir/steps.txt" || { echo "FAIL: the app did not end cleanly: $(cat "$dir/err.txt")"; fail=1; }
backup=$(ls "$dir"/work/hiplab-records-*.sqlite 2>/dev/null | head -n 1)
if [ -n "$backup" ]; then
  mode=$(stat -c %a "$backup")
  [ "$mode" = 600 ] || { echo "FAIL: the backup is mode $mode, expected 600"; fail=1; }
fi
# Only the backed-up patient is left (the one added later went with the restore, the bad file
# changed nothing), with their photo measurement and its two files.
list=$("$hiplab" patients list)
echo "$list"
echo "$list" | grep -q "Kept Patient" || { echo "FAIL: the backed-up patient is not there after the restore"; fail=1; }
echo "$list" | grep -q "Added Later" && { echo "FAIL: the patient added after the backup survived the restore"; fail=1; }
id=$(echo "$list" | awk '$2 == "Kept" { print $1 }')
files=$(ls "$XDG_DATA_HOME/hiplab/photos/$id" 2>/dev/null | wc -l)
[ "$files" -eq 2 ] || { echo "FAIL: $files files in patient $id's photo folder, expected the photo and its thumbnail"; fail=1; }
[ "$fail" -eq 0 ] && echo "ok: backed up from the window, restored after the dialog (patient $id with $files photo files), a bad file refused"
[ -n "$HIPLAB_KEEP_SHOTS" ] && cp "$dir"/*.png "$HIPLAB_KEEP_SHOTS"/ 2>/dev/null
exit $fail
