#!/usr/bin/env bash
# Builds the release app into dist/ (optimised wasm, first screen prerendered). Offline: Trunk uses
# the pinned tools that setup.sh installed and never downloads anything.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
say "Building the release app into dist/"
trunk build --release --offline --locked
