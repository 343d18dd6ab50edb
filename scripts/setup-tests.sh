#!/usr/bin/env bash
# Installs what the tests need on top of the build tools (setup.sh): Chromium, Firefox ESR and
# WebKitGTK with their WebDriver drivers, a display for WebKitGTK, poppler to read printed reports,
# and nginx to test the hosting snippet. Skips what is already there; safe to run again.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

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
    say "Installing ${missing_apt[*]} (Debian packages, for the tests)"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"
fi

if [ "$("$GECKODRIVER_BIN" --version 2>/dev/null | head -1 || true)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "Installing geckodriver $GECKODRIVER_VERSION (about 4 minutes, once)"
    # From crates.io: the npm geckodriver package downloads a prebuilt binary, which fails here.
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

say "Test tools ready: $(/usr/bin/chromium --version 2>/dev/null | head -1), $(/usr/bin/firefox-esr --version 2>/dev/null | head -1), geckodriver $GECKODRIVER_VERSION, WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?')"
