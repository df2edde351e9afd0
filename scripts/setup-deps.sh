#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages SC-NeuroCore Studio builds and tests with. Idempotent: packages
# already installed are skipped, so a second run does nothing. Uses apt-get as root, sudo otherwise.
# Usage: scripts/setup-deps.sh [--test|--bench]   (both add Brian2: the tests compare the network
# simulator's CUBA statistics with a Brian2 run; the benchmarks time Brian2 side by side)
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libeigen3-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libssl-dev libgccjit-12-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqcustomplot-dev libgl-dev
  xvfb xauth fonts-dejavu-core
  verilator iverilog yosys nextpnr-ice40 fpga-icestorm zip unzip
)
if [[ "${1:-}" == "--bench" || "${1:-}" == "--test" ]]; then
  packages+=(python3-brian)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
else
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
