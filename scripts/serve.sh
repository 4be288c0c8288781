#!/usr/bin/env bash
# Installs what is missing, then serves SMM Navigator on http://127.0.0.1:8080
# (rebuilding on every change). Stop with Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/ensure-tools.sh"
cd "$ROOT"
exec trunk serve --locked --address 127.0.0.1 --port 8080 "$@"
