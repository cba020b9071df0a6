#!/usr/bin/env bash
# The Debian packages the tests drive for real (age, minisign, the desktop-file and
# AppStream validators, shared-mime-info, poppler-utils to read the portfolio PDF and
# render its pages) and the libraries Qt needs offscreen.
# Installs the missing ones when it may (root, or sudo without a password); otherwise
# prints one line naming them and exits 1. `make test` and `.ci/run` both call this.
set -euo pipefail
pkgs=(age minisign desktop-file-utils appstream shared-mime-info poppler-utils
      libegl1 libgl1 libglib2.0-0 libxkbcommon0 libfontconfig1 fonts-dejavu-core libdbus-1-3)
if ! command -v dpkg >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install by hand: age minisign desktop-file-validate appstreamcli update-mime-database" >&2
  exit 0
fi
need=()
for pkg in "${pkgs[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
((${#need[@]})) || exit 0
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "system-deps: the tests need these Debian packages: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "system-deps: installing ${need[*]}" >&2
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
