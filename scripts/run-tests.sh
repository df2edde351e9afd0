#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 2: install what is missing, build, and run every test (GUI tests offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh --test
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" --timeout 600
