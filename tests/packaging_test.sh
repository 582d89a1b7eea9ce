#!/bin/sh
# packaging_test.sh — the desktop files are valid and the generated ones are current:
#   desktop-file-validate and appstreamcli validate --no-net report nothing on the desktop entry
#   and the metainfo; the PNG icons are the SVG rendered at their sizes (scripts/icons); the manual
#   page the build wrote formats without a groff warning; the bash completion completes a command,
#   an option and a drill through the built hiplab.
# Usage: packaging_test.sh SOURCE_DIR HIPLAB_BINARY MAN_PAGE
set -eu
src=$1 exe=$2 man=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in desktop-file-validate appstreamcli rsvg-convert compare groff bash; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/debian-packages.txt lists its package)"
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$(desktop-file-validate "$src/packaging/io.github.hiplab.hiplab.desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
grep -q '^MimeType=' "$src/packaging/io.github.hiplab.hiplab.desktop" && fail "the desktop entry claims MIME types"
out=$(appstreamcli validate --no-net --pedantic "$src/packaging/io.github.hiplab.hiplab.metainfo.xml" 2>&1) || fail "appstreamcli: $out"
echo "$out"

for size in 16 32 48 64 128 256; do
  rsvg-convert -w $size -h $size "$src/packaging/icons/hiplab.svg" -o "$tmp/icon.png"
  diff=$(compare -metric AE -fuzz 2% "$tmp/icon.png" "$src/packaging/icons/hiplab_$size.png" null: 2>&1) || true
  [ "$diff" = "0" ] || fail "packaging/icons/hiplab_$size.png differs from the SVG ($diff pixels): run scripts/icons"
done

warnings=$(groff -man -Tutf8 -ww -z "$man" 2>&1)
[ -z "$warnings" ] || fail "groff: $warnings"
grep -q '^\.SS "hiplab render"' "$man" || fail "the manual page lacks hiplab render"

# The completion, as bash runs it on Tab: COMP_WORDS/COMP_CWORD in, COMPREPLY out.
cat > "$tmp/try.sh" <<EOS
hiplab() { "$exe" "\$@"; }
. "$src/packaging/hiplab.bash-completion"
try() { COMP_WORDS=(hiplab "\$@"); COMP_CWORD=\$#; COMPREPLY=(); _hiplab; printf '%s\n' "\${COMPREPLY[@]}"; }
try ren | grep -qx render || { echo "no render"; exit 1; }
try render --dri | grep -qx -- --drill || { echo "no --drill"; exit 1; }
try render --drill clam | grep -qx clamshell || { echo "no clamshell"; exit 1; }
try moment-arms --muscle pirif | grep -qx piriformis || { echo "no piriformis"; exit 1; }
EOS
out=$(bash "$tmp/try.sh" 2>&1) || fail "bash completion: $out"
echo "packaging checks passed"
