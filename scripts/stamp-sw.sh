#!/usr/bin/env sh
# Trunk post-build hook: stamps the service worker with a version derived from
# the built files, so that each deployment gets its own cache.
set -eu
dir="${1:?staging directory}"
version=$(cat "$dir/index.html" "$dir/boot.js" "$dir/smm-navigator.js" "$dir/smm-navigator_bg.wasm" "$dir/main.css" "$dir/embed.css" "$dir/embed.js" | sha256sum | cut -c1-16)
sed -i "s/__BUILD_VERSION__/$version/" "$dir/sw.js"
