#!/usr/bin/env bash
# Runs every test: formatting and lints, native unit and property tests, component and storage
# tests in headless Chromium and Firefox, then end-to-end tests against the built app (Chromium,
# then the core journey in Firefox ESR and WebKitGTK). Sets up what is missing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup-tests.sh"

say "The core crate and the command line depend on no web crate"
# A compile-time boundary, checked here too so that a new dependency cannot slip in unnoticed.
for crate in autodiag-core autodiag-cli; do
    if cargo tree --locked -p "$crate" -e normal,build --prefix none \
        | grep -E '^(autodiag37101|yew|web-sys|gloo|js-sys|wasm-bindgen)[ -]'; then
        echo "$crate must not depend on the crates above" >&2
        exit 1
    fi
done

say "Formatting and lints (native and wasm32)"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p autodiag37101 --all-targets --features ssr -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p autodiag37101 --lib --bins --tests -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p autodiag-core --lib -- -D warnings
# Alone: with the app's crate in the same run, Cargo would turn on its `entry` feature (its
# exports and allocator), which the on-demand module links without.
cargo clippy --locked --target wasm32-unknown-unknown -p autodiag-extras -- -D warnings

say "Native tests (every crate of the workspace: the core's and the app's)"
cargo test --locked --workspace

say "Browser tests (wasm-bindgen-test in headless Chromium)"
# chromedriver leaves its profile in TMPDIR: keep it inside the target directory.
mkdir -p "$CARGO_TARGET_DIR/tmp"
TMPDIR="$CARGO_TARGET_DIR/tmp" cargo test --locked --target wasm32-unknown-unknown --test browser

say "Browser tests again, in headless Firefox ESR"
# The runner picks the first of GECKODRIVER, SAFARIDRIVER, CHROMEDRIVER set (it adds -headless);
# CHROMEDRIVER is unset so that no reordering can bring Chromium back. webdriver.json's
# moz:firefoxOptions names firefox-esr.
TMPDIR="$CARGO_TARGET_DIR/tmp" env -u CHROMEDRIVER GECKODRIVER="$GECKODRIVER_BIN" \
    cargo test --locked --target wasm32-unknown-unknown --test browser
rm -rf "$CARGO_TARGET_DIR/tmp"

"$ROOT/scripts/build.sh"
say "End-to-end tests (Playwright against dist/ on 127.0.0.1)"
node --test --test-concurrency=1 tests/e2e/

say "The core journey in Firefox ESR and WebKitGTK (WebDriver against dist/, WebKit under Xvfb)"
xvfb-run -a node --test --test-concurrency=1 tests/engines/
