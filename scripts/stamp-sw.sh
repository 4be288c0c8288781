#!/usr/bin/env sh
# Trunk post-build hook: stamps the service worker with a version derived from
# the built files, so that each deployment gets its own cache.
set -eu
dir="${1:?staging directory}"
root="${TRUNK_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
# The data files to cache, from the one list of built-in data.
data=$(node -e '
  const b = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const files = [...b.frameworks.flatMap((f) => [f.framework, f.mapping]), ...b.profiles.map((p) => p.file)];
  console.log(files.map((f) => JSON.stringify("./" + f)).join(", "));
' "$root/crates/smm-core/data/builtin.json")
sed -i "s#/\* __DATA_FILES__ \*/#$data#" "$dir/sw.js"
version=$(cat "$dir"/*.html "$dir"/*.js "$dir"/*.wasm "$dir"/*.css "$dir"/*/*.json | sha256sum | cut -c1-16)
sed -i "s/__BUILD_VERSION__/$version/" "$dir/sw.js"
