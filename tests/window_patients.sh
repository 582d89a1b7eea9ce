#!/bin/sh
# The window opened on a patient (--patient): the records are read from this test's own data
# folder (XDG_DATA_HOME, set by ctest), the Patients window shows the patient and the window exits 0
# with a screenshot; a patient that does not exist, or records switched off in the settings, is one
# line on stderr and exit 1.
# usage: window_patients.sh RUN_UNDER_XVFB HIPLAB OUT.png
run="$1"
hiplab="$2"
out="$3"
fail=0
rm -rf "$XDG_DATA_HOME" "$out"
"$hiplab" patients add --name "Window Test" --birth-year 1970 >/dev/null || { echo "FAIL: patients add"; exit 1; }
"$hiplab" patients measure 1 --date 2024-01-10 --position seated internal_rotation=28 external_rotation=36 >/dev/null || fail=1
"$hiplab" patients measure 1 --date 2024-02-10 --position seated internal_rotation=31 external_rotation=37 >/dev/null || fail=1
sh "$run" -s 1280x800x24 "$hiplab" --patient 1 --frames 4 --size 1280x800 --screenshot "$out"
rc=$?
if [ "$rc" -ne 0 ] || [ ! -s "$out" ]; then echo "FAIL: hiplab --patient 1 exited $rc, screenshot $out"; fail=1; else echo "ok: --patient 1"; fi
err=$(sh "$run" -s 640x480x24 "$hiplab" --patient 99 --frames 1 2>&1 >/dev/null)
rc=$?
want="error: --patient: patient 99: not found"
if [ "$rc" -ne 1 ] || [ "$err" != "$want" ]; then echo "FAIL: --patient 99 exited $rc with: $err (expected 1 and '$want')"; fail=1; else echo "ok: --patient 99: $err"; fi
# Switched off in the settings (a classroom install): the window offers no records at all.
mkdir -p "$XDG_CONFIG_HOME/hiplab"
printf '{"records": "off"}\n' > "$XDG_CONFIG_HOME/hiplab/settings.json"
err=$(sh "$run" -s 640x480x24 "$hiplab" --patient 1 --frames 1 2>&1 >/dev/null)
rc=$?
want='error: --patient: patient records are switched off ("records": "off" in settings.json)'
if [ "$rc" -ne 1 ] || [ "$err" != "$want" ]; then echo "FAIL: records off: exited $rc with: $err (expected 1 and '$want')"; fail=1; else echo "ok: records off: $err"; fi
rm -f "$XDG_CONFIG_HOME/hiplab/settings.json"
exit $fail
