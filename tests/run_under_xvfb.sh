#!/bin/sh
# Runs one program under its own virtual X server and returns the program's exit status.
# usage: run_under_xvfb.sh [-s WxHxDEPTH] PROGRAM [ARGS...]
#
# Instead of xvfb-run -a, whose clean-up could fail after the program had finished (exit 5,
# "problem while cleaning up temporary directory") and which left servers running when the
# program exited before it connected: Xvfb picks a free display itself (-displayfd, so two runs at
# once never take the same number), with its own cookie (-auth) and no TCP; the script waits until
# it is ready, runs the program with DISPLAY and XAUTHORITY set, and stops the server on every way
# out (normal exit, Ctrl+C, ctest's timeout). As a last guard the server runs under `timeout`, so
# one whose script was killed outright still ends within HIPLAB_XVFB_MAX_S seconds (default 900).
# A missing Xvfb or xauth is an error (the packages are in scripts/debian-packages.txt), never a pass.
screen="1280x800x24"
if [ "$1" = "-s" ]; then
  screen="$2"
  shift 2
fi
if [ $# -eq 0 ]; then
  echo "usage: run_under_xvfb.sh [-s WxHxDEPTH] PROGRAM [ARGS...]" >&2
  exit 2
fi
for tool in Xvfb xauth timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run_under_xvfb.sh: error: $tool not found; install it (scripts/deps.sh installs xvfb and xauth)" >&2
    exit 1
  fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-xvfb.XXXXXX") || exit 1
xvfb_pid=""
stop_server() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
    xvfb_pid=""
  fi
  rm -rf "$dir"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# One random cookie: the server accepts it whatever display number it takes; the client's entry is
# written once the number is known.
cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
: >"$dir/server-auth"
: >"$dir/client-auth"
xauth -q -f "$dir/server-auth" add :0 . "$cookie" || exit 1
: >"$dir/display"
timeout -s TERM -k 5 "${HIPLAB_XVFB_MAX_S:-900}" \
  Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp -auth "$dir/server-auth" \
  3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
xvfb_pid=$!

# Xvfb writes the display number (and a newline) once it accepts connections.
waited=0
while :; do
  [ "$(wc -l <"$dir/display")" -ge 1 ] && break
  if ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "run_under_xvfb.sh: error: Xvfb stopped before it was ready:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
  fi
  if [ "$waited" -ge 300 ]; then
    echo "run_under_xvfb.sh: error: Xvfb was not ready after 30 s:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done
display=$(tr -dc '0-9' <"$dir/display")
xauth -q -f "$dir/client-auth" add ":$display" . "$cookie" || exit 1

DISPLAY=":$display" XAUTHORITY="$dir/client-auth" "$@"
rc=$?
exit "$rc"
