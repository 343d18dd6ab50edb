#!/usr/bin/env bash
# Installs what building and serving the app need (the wasm32 target, Trunk, wasm-bindgen, the npm
# tools), skipping what is already there at the right version. Safe to run again and again: a
# second run takes seconds. The tests' browsers and servers come from setup-tests.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32 target to the Rust toolchain"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (about 7 minutes, once)"
    # Newer trunk releases need a newer rustc than this toolchain.
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
    # --locked can fail when the registry lacks a locked dependency; the unlocked build works.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
        cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Trunk must use exactly the tools installed here, never download its own.
pinned="$(awk -F'"' '/^wasm_bindgen *=/ { print $2 }' Trunk.toml)"
if [ "$pinned" != "$WASM_BINDGEN_VERSION" ]; then
    echo "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has $WASM_BINDGEN_VERSION: update Trunk.toml." >&2
    exit 1
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing the npm packages (wasm-opt, esbuild, playwright-core, axe, selenium-webdriver)"
    npm ci --no-audit --no-fund --loglevel=error
fi
if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132 (version_132)" ]; then
    echo "wasm-opt on PATH is not binaryen 132 from npm: $(command -v wasm-opt)" >&2
    exit 1
fi

cargo fetch --locked --quiet
say "Build tools ready: trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt 132"
