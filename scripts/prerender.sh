#!/usr/bin/env bash
# Trunk's post_build hook: writes the prerendered first screen into the staged index.html.
set -euo pipefail
cargo run --quiet --offline --locked --profile prerender --features ssr --bin prerender -- \
    "${TRUNK_STAGING_DIR:?run by trunk}/index.html"
