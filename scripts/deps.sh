#!/usr/bin/env bash
# deps.sh — installs the Debian packages in scripts/debian-packages.txt that are missing.
# Sourced by scripts/run and scripts/test. Uses apt-get as root, or sudo; says clearly what to do
# when neither is possible.
set -euo pipefail
_hiplab_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

hiplab_install_deps() {
  local want missing=()
  while read -r want; do
    want="${want%%#*}"; want="${want//[[:space:]]/}"
    [[ -z "$want" ]] && continue
    # Node.js may come from elsewhere than Debian (the machine image's own); any working one will do,
    # and installing Debian's npm over it would conflict.
    if [[ "$want" == "nodejs" ]] && command -v node >/dev/null; then continue; fi
    if [[ "$want" == "npm" ]] && command -v npm >/dev/null; then continue; fi
    if ! dpkg-query -W -f='${Status}' "$want" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$want")
    fi
  done < "$_hiplab_root/scripts/debian-packages.txt"
  ((${#missing[@]} == 0)) && return 0
  echo "hiplab: installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n)
    elif command -v sudo >/dev/null; then sudo=(sudo)
    else
      echo "hiplab: cannot install packages (not root and no sudo). Ask an administrator to run:" >&2
      echo "  apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
