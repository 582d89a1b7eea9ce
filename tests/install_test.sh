#!/bin/sh
# install_test.sh — the install tree works on its own. Two ways:
#   install_test.sh SOURCE_DIR            builds a COPY of the source in a temporary folder (Release,
#       no tests or tools), installs it into a temporary prefix and deletes the copy and its build
#       folder, so no path compiled in from the checkout can help. A full build: slow (minutes with
#       ccache, much longer without). Run by scripts/package.
#   install_test.sh SOURCE_DIR BUILD_DIR  installs the build under test (ctest's install_tree: no
#       second build) into a temporary prefix, then moves the prefix elsewhere, so it must find its
#       data beside itself (the binary's compiled-in fallback is the checkout's assets/, which
#       `hiplab info` would name: the test fails if it does).
# Then both run the installed hiplab from another folder: --version, drills (the built-in drills are
# found in <prefix>/share/hiplab), info (the model read from <prefix>/share/hiplab) and render (a PNG
# is written), and check the installed manual page, desktop files, icons and completion are there.
# Exit 77 (skipped) when the machine has no headless OpenGL.
set -eu
src=$(cd "$1" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hiplab-install.XXXXXX"); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/elsewhere"
p="$tmp/prefix"
if [ $# -ge 2 ]; then
  bld=$(cd "$2" && pwd)
  cmake --install "$bld" --prefix "$tmp/staged" >/dev/null || fail "cmake --install $bld failed"
  mv "$tmp/staged" "$p"
else
  mkdir "$tmp/src"
  # The tracked and untracked source, without build folders, node_modules or git's own files.
  tar -C "$src" --exclude='./build*' --exclude='./out' --exclude='./.git' --exclude='./tools/model_generator/node_modules' \
      -cf - . | tar -C "$tmp/src" -xf -
  launcher=""
  if command -v ccache >/dev/null; then
    launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache"
    export CCACHE_BASEDIR="$tmp"  # paths relative to the copy, so a checkout's cached objects serve it
  fi
  # shellcheck disable=SC2086
  cmake -S "$tmp/src" -B "$tmp/src/build" -DCMAKE_BUILD_TYPE=Release -DHIPLAB_WERROR=ON -DHIPLAB_TESTS=OFF \
        -DHIPLAB_TOOLS=OFF -DCMAKE_INSTALL_PREFIX="$tmp/prefix" $launcher >/dev/null
  cmake --build "$tmp/src/build" -j"$(nproc)" >"$tmp/build.log" 2>&1 || { tail -40 "$tmp/build.log"; fail "the copy did not build"; }
  cmake --install "$tmp/src/build" >/dev/null
  rm -rf "$tmp/src"
  [ ! -e "$tmp/src" ] || fail "the copy is still there"
fi

for f in bin/hiplab share/hiplab/models/hiplab_body.glb share/hiplab/drills/clamshell.json \
         share/hiplab/anatomy/muscles.json share/hiplab/anatomy/bones.json share/man/man1/hiplab.1.gz \
         share/applications/io.github.hiplab.hiplab.desktop share/metainfo/io.github.hiplab.hiplab.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.github.hiplab.hiplab.svg share/icons/hicolor/48x48/apps/io.github.hiplab.hiplab.png \
         share/bash-completion/completions/hiplab share/doc/hiplab/copyright share/doc/hiplab/changelog.gz; do
  [ -s "$p/$f" ] || fail "not installed: $f"
done

cd "$tmp/elsewhere"
run() { env -u HIPLAB_DATA_DIR -u HIPLAB_ASSETS XDG_DATA_HOME="$tmp/xdg_data" XDG_CONFIG_HOME="$tmp/xdg_config" "$p/bin/hiplab" "$@"; }
run --version | grep -q '^hiplab [0-9.]* (commit ' || fail "--version: $(run --version 2>&1)"
drills=$(run drills) || fail "hiplab drills failed: $drills"
echo "$drills" | grep -q '^clamshell ' || fail "hiplab drills lists no clamshell: $drills"
info=$(run info) || fail "hiplab info failed: $info"
model=$(echo "$info" | sed -n 's/^file  *//p')
[ "$model" = "$p/share/hiplab/models/hiplab_body.glb" ] || fail "the installed hiplab read the model from '$model', not from $p/share/hiplab"
if ! err=$(run render --drill clamshell --size 320x200 --out "$tmp/elsewhere/x.png" 2>&1); then
  case "$err" in *"headless OpenGL unavailable"*) echo "SKIPPED: $err"; exit 77 ;; esac
  fail "hiplab render: $err"
fi
head -c 8 "$tmp/elsewhere/x.png" | od -An -c | grep -q 'P   N   G' || fail "render wrote no PNG"
zcat "$p/share/man/man1/hiplab.1.gz" | grep -q '^\.TH HIPLAB 1' || fail "the manual page is not troff"
echo "install test passed: $(run --version)"
