#!/usr/bin/env sh
# Trunk post-build hook: stamps the service worker with a version derived from
# the built files, so that each deployment gets its own cache.
set -eu
dir="${1:?staging directory}"
version=$(cat "$dir"/*.html "$dir"/*.js "$dir"/*.wasm "$dir"/*.css "$dir"/*/*.json | sha256sum | cut -c1-16)
sed -i "s/__BUILD_VERSION__/$version/" "$dir/sw.js"
