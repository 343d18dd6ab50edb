#!/usr/bin/env bash
# Builds the release app into dist/ (optimised wasm, first screen prerendered). Offline: Trunk uses
# the pinned tools that setup.sh installed and never downloads anything.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
say "Building the release app into dist/"
trunk build --release --offline --locked
# Smaller style sheets and glue for the app page, their integrity hashes updated.
node "$ROOT/scripts/minify.mjs" "$ROOT/dist"
# Beside each text asset and the wasm, its .gz and .br: for servers that send precompressed files
# (README, "Make the server send compressed files").
node "$ROOT/scripts/precompress.mjs" "$ROOT/dist"
