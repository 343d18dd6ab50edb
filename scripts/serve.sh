#!/usr/bin/env bash
# Sets up, builds the release app and serves dist/ on http://127.0.0.1:8080 (PORT to change it).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/build.sh"
port="${PORT:-8080}"
say "Autodiag 37101 is served on http://127.0.0.1:$port/  (Ctrl+C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
