# Sourced by the other scripts: where tools and build outputs live. Nothing here installs anything.
# Tools and the cargo target directory live outside the repository, so a fresh clone (CI) reuses
# what an earlier build on this machine already compiled.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# npm's wasm-opt (binaryen 132) first: Debian's binaryen is too old for the wasm rustc emits.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/autodiag37101/target}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# The other engines, driven through WebDriver (tests/engines/ and wasm-bindgen-test in Firefox).
export GECKODRIVER_VERSION="0.37.1"
# Not named GECKODRIVER: wasm-bindgen-test-runner would then pick Firefox over Chromium everywhere.
export GECKODRIVER_BIN="${GECKODRIVER_BIN:-$HOME/.cargo/bin/geckodriver}"
export FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
export WEBKITWEBDRIVER="${WEBKITWEBDRIVER:-/usr/bin/WebKitWebDriver}"
export MINIBROWSER="${MINIBROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must match the library version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
export TRUNK_VERSION WASM_BINDGEN_VERSION

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
