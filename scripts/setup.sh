#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already there at the right
# version. Safe to run again and again: a second run takes seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32 target to the Rust toolchain"
    rustup target add wasm32-unknown-unknown
fi

missing_apt=()
[ -x /usr/bin/chromium ] || missing_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || missing_apt+=(chromium-driver)
# pdftotext, to read the printed report in the end-to-end tests.
[ -x /usr/bin/pdftotext ] || missing_apt+=(poppler-utils)
# Firefox ESR (what French administrations run) and WebKitGTK (Safari's engine), through WebDriver;
# WebKitGTK's MiniBrowser needs a display, which xvfb-run gives.
[ -x /usr/bin/firefox-esr ] || missing_apt+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing_apt+=(webkit2gtk-driver)
[ -x "$MINIBROWSER" ] || missing_apt+=(libwebkit2gtk-4.1-0)
[ -x /usr/bin/xvfb-run ] || missing_apt+=(xvfb)
[ -x /usr/bin/xauth ] || missing_apt+=(xauth)
# nginx, to test the README's hosting snippet (precompressed files) on a loopback port.
[ -x /usr/sbin/nginx ] || missing_apt+=(nginx-light)
if [ "${#missing_apt[@]}" -gt 0 ]; then
    say "Installing ${missing_apt[*]} (Debian packages, for the browser tests)"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"
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

if [ "$("$GECKODRIVER_BIN" --version 2>/dev/null | head -1 || true)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "Installing geckodriver $GECKODRIVER_VERSION (about 4 minutes, once)"
    # From crates.io: the npm geckodriver package downloads a prebuilt binary, which fails here.
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
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
say "Tools ready: trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt 132, $(/usr/bin/chromium --version 2>/dev/null | head -1), $(/usr/bin/firefox-esr --version 2>/dev/null | head -1), geckodriver $GECKODRIVER_VERSION, WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?')"
