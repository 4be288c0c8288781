#!/usr/bin/env bash
# Installs whatever SMM Navigator's build and tests need and is missing; skips
# what is already there, so it is safe to run again and again.
#   - Rust: the wasm32-unknown-unknown target, rustfmt and clippy
#   - Trunk 0.21.14
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - npm dev tools from package-lock.json (binaryen's wasm-opt, playwright-core, axe-core)
#   - Debian's chromium and chromium-driver (for browser tests)
#   - Debian's age (the reference Go implementation: the independent check of
#     SMM Navigator's encrypted files)
#   - openpyxl and compliance-trestle from PyPI (independent readers of the
#     workbook and of the OSCAL document)
# Source it (`. scripts/ensure-tools.sh`) or run it; it puts node_modules/.bin on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_install() {
  say "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Rust toolchain pieces.
if ! command -v cargo >/dev/null; then
  echo "cargo is not installed: install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# Trunk, at the version this machine's rustc can build.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ -z "$WBG_VERSION" ]; then
  echo "cannot find the wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WBG_VERSION (a few minutes)"
  # Not --locked: the CLI's own lockfile names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" "$ROOT/Trunk.toml"; then
  echo "Trunk.toml pins a wasm_bindgen version other than Cargo.lock's $WBG_VERSION: update [tools]" >&2
  exit 1
fi

# Node.js and the npm dev tools.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
if ! (cd "$ROOT" && npm ls --depth=0 >/dev/null 2>&1); then
  say "installing npm dev tools from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

# Chromium and its driver, for the browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_install chromium chromium-driver
fi

# Independent checkers of the workbook and OSCAL exports (issue 15), from PyPI.
if ! python3 -c 'import openpyxl, trestle' >/dev/null 2>&1; then
  python3 -m pip install -q --disable-pip-version-check openpyxl==3.1.5 compliance-trestle==5.2.0
fi

# An independent reader of the Word report (issue 27), from PyPI.
if ! python3 -c 'import docx' >/dev/null 2>&1; then
  python3 -m pip install -q --disable-pip-version-check python-docx==1.1.2
fi

# The documentation generators the embed recipes are built with (issue 25):
# MkDocs with the Material theme (instant navigation) and Sphinx, from PyPI.
if ! python3 -c 'import material, sphinx' >/dev/null 2>&1 \
  || [ "$(python3 -c 'import mkdocs, sphinx, importlib.metadata as m; print(m.version("mkdocs-material"), sphinx.__version__)')" != "9.6.14 8.2.3" ]; then
  python3 -m pip install -q --disable-pip-version-check mkdocs-material==9.6.14 sphinx==8.2.3
fi

# Hugo (Debian's), for the embed recipe built with shortcodes (issue 25).
if ! command -v hugo >/dev/null 2>&1; then
  apt_install hugo
fi

# The reference age tool, for the encryption interoperability tests.
if ! command -v age >/dev/null 2>&1; then
  apt_install age
fi
