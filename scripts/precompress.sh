#!/usr/bin/env sh
# Trunk post-build hook (after stamp-sw.sh): writes a gzip (-9) and a brotli
# (quality 11) copy beside every page, script, style sheet, wasm module and data
# file of a release build, for static hosts that serve precompressed files
# (nginx gzip_static and brotli_static, Caddy precompressed, a CDN). The
# budgets stay defined for gzip; scripts/size-report.sh prints both, and leaves
# these copies out of its totals. Debug builds (trunk serve) skip it.
set -eu
dir="${1:?staging directory}"
[ "${TRUNK_PROFILE:-release}" = "release" ] || exit 0
find "$dir" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' \) -print0 \
  | xargs -0 node -e '
    const fs = require("fs");
    const z = require("zlib");
    for (const f of process.argv.slice(1)) {
      const body = fs.readFileSync(f);
      fs.writeFileSync(f + ".gz", z.gzipSync(body, { level: 9 }));
      fs.writeFileSync(f + ".br", z.brotliCompressSync(body, { params: {
        [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    }'
