#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/system-packages.txt that are missing.
# Used by `make test` and .ci/run so a fresh machine needs nothing installed by hand.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
missing=()
while read -r cmd pkg; do
  [[ -z "${cmd:-}" || "$cmd" == \#* ]] && continue
  command -v "$cmd" >/dev/null 2>&1 || [[ -x "$cmd" ]] || missing+=("$pkg")
done < "$here/system-packages.txt"
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "system-deps: missing ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
    exit 0
  fi
else SUDO=""; fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
