#!/bin/sh
# export_video_signals.sh HIPLAB — `hiplab export-video` on the real process: Ctrl+C (SIGINT)
# while it encodes stops it with exit 130, one message, and no file (neither the target nor its
# temporary); a disk that fills up mid-file (simulated with a file-size limit, which fails the
# write as a full disk does: EFBIG for ENOSPC) gives one message naming the file and leaves nothing.
# Skipped (77) without a GL driver.
set -u
HIPLAB=$1
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

if ! "$HIPLAB" render --size 16x16 --out "$DIR/probe.png" >/dev/null 2>"$DIR/probe.err"; then
  if grep -q "headless OpenGL unavailable" "$DIR/probe.err"; then echo "SKIPPED: $(cat "$DIR/probe.err")"; exit 77; fi
fi
rm -f "$DIR/probe.png"

# Ctrl+C: a long clip, interrupted once its temporary file exists.
"$HIPLAB" export-video --drill ir_pails_rails_9090 --reps 3 --size 160x90 --out "$DIR/long.mp4" >"$DIR/out.txt" 2>"$DIR/err.txt" &
PID=$!
i=0
while [ $i -lt 600 ] && ! ls "$DIR" | grep -q '^long\.mp4\.part'; do sleep 0.05; i=$((i + 1)); done
ls "$DIR" | grep -q '^long\.mp4\.part' || { kill "$PID"; fail "no temporary file appeared"; }
sleep 0.5
kill -INT "$PID"
wait "$PID"
RC=$?
[ "$RC" = 130 ] || fail "exit $RC after SIGINT (expected 130): $(cat "$DIR/err.txt")"
grep -q "export-video: stopped; $DIR/long.mp4 was not written" "$DIR/err.txt" || fail "no stop message: $(cat "$DIR/err.txt")"
[ -z "$(ls "$DIR" | grep '^long')" ] || fail "left behind: $(ls "$DIR")"
[ ! -s "$DIR/out.txt" ] || fail "printed a file name: $(cat "$DIR/out.txt")"

# A full disk: files may not grow past 64 KiB (ulimit -f counts 1024-byte blocks in dash and bash);
# SIGXFSZ ignored so the write fails with an error instead of killing the process.
( trap '' XFSZ; ulimit -f 64; exec "$HIPLAB" export-video --drill clamshell --reps 1 --size 320x180 --out "$DIR/full.mp4" ) \
  >"$DIR/out.txt" 2>"$DIR/err.txt"
RC=$?
[ "$RC" = 1 ] || fail "exit $RC on a full disk (expected 1): $(cat "$DIR/err.txt")"
[ "$(grep -c . "$DIR/err.txt")" = 1 ] || [ "$(grep -c '^error:' "$DIR/err.txt")" = 1 ] || fail "not one message: $(cat "$DIR/err.txt")"
grep -q "^error: $DIR/full.mp4: cannot write (File too large)" "$DIR/err.txt" || fail "unexpected message: $(cat "$DIR/err.txt")"
[ -z "$(ls "$DIR" | grep '^full')" ] || fail "left behind: $(ls "$DIR")"
echo "ok: SIGINT stops with no file; a full disk leaves nothing"
