#!/usr/bin/env bash
# Where the release bundle's bytes go. Prints figures and asserts nothing:
#   1. the floor: a one-counter Leptos 0.8 CSR app built with the same profile,
#      wasm-bindgen and wasm-opt settings as SMM Navigator;
#   2. the embedded data files, each gzip -9 on its own;
#   3. the release wasm files (gzip -9) of the reader, the workbench and the
#      on-demand worker as they are, then with one part of an app taken out at a
#      time (the route shows nothing instead), so that the difference is what
#      that part costs its bundle, data and code included.
# Works on a copy of the tree in a temporary folder; the checkout is not touched.
# The first run compiles the dependencies into target/ablation (a few minutes);
# later runs take about 30 s per line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/ensure-tools.sh" >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
OPT_FLAGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-reference-types --enable-multivalue --strip-debug --strip-producers)
gz() { gzip -9c "$1" | wc -c; }

echo "== floor: a one-counter Leptos app, same profile and tools"
mkdir -p "$WORK/floor/src"
cp "$ROOT/Cargo.lock" "$WORK/floor/"
cat >"$WORK/floor/Cargo.toml" <<'EOF'
[package]
name = "floor"
version = "0.1.0"
edition = "2021"
[dependencies]
leptos = { version = "0.8", features = ["csr"] }
wasm-bindgen = "0.2"
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
EOF
cat >"$WORK/floor/src/main.rs" <<'EOF'
use leptos::prelude::*;
#[component]
fn App() -> impl IntoView {
    let count = RwSignal::new(0);
    view! { <button on:click=move |_| count.update(|c| *c += 1)>"Count " {move || count.get()}</button> }
}
fn main() {
    leptos::mount::mount_to_body(App)
}
EOF
(cd "$WORK/floor" && RUSTFLAGS="--cfg erase_components" CARGO_TARGET_DIR="$ROOT/target/ablation-floor" \
  cargo build -q --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --no-typescript --out-dir "$WORK/floor/out" \
  "$ROOT/target/ablation-floor/wasm32-unknown-unknown/release/floor.wasm"
wasm-opt "${OPT_FLAGS[@]}" "$WORK/floor/out/floor_bg.wasm" -o "$WORK/floor/out/opt.wasm"
printf '%-44s %8d bytes gzip\n' "floor wasm" "$(gz "$WORK/floor/out/opt.wasm")" "floor JS glue" "$(gz "$WORK/floor/out/floor.js")"

echo "== embedded data, each file gzip -9"
data_total=0
while IFS= read -r f; do
  n=$(gz "$f")
  data_total=$((data_total + n))
  printf '%-44s %8d bytes gzip\n' "${f#"$ROOT"/crates/smm-core/}" "$n"
done < <(find "$ROOT/crates/smm-core/data" -name '*.json' | sort)
printf '%-44s %8d bytes gzip\n' "all data" "$data_total"

echo "== SMM Navigator's two wasm bundles, gzip -9, with one part taken out"
mkdir -p "$WORK/app"
tar -C "$ROOT" --exclude=./target --exclude=./node_modules --exclude=./dist --exclude=./.git -cf - . | tar -C "$WORK/app" -xf -
cd "$WORK/app"
export CARGO_TARGET_DIR="$ROOT/target/ablation"
build() { # prints "reader workbench worker" gzip sizes of the wasm files, or "failed"
  if trunk build --release --dist "$WORK/dist" >"$WORK/build.log" 2>&1; then
    echo "$(gz "$WORK/dist/reader_bg.wasm") $(gz "$WORK/dist/workbench_bg.wasm") $(gz "$WORK/dist/worker_bg.wasm")"
  else echo failed; fi
}
read -r base_r base_w base_k <<<"$(build)"
printf '%-52s %8s bytes\n' "reader wasm, whole" "$base_r" "workbench wasm, whole" "$base_w" "on-demand worker wasm" "$base_k"
# ablate LABEL FILE REGEX [FILE REGEX ...]: each perl substitution replaces a
# part's view by nothing; the sources are restored afterwards. Prints what the
# reader and the workbench each lose.
ablate() {
  local label=$1 changed=yes s r w k
  shift
  local files=()
  while [ $# -ge 2 ]; do
    cp "$1" "$WORK/saved.${#files[@]}"
    files+=("$1")
    perl -0pi -e "$2" "$1"
    cmp -s "$1" "$WORK/saved.$((${#files[@]} - 1))" && changed=no
    shift 2
  done
  if [ $changed = no ]; then
    printf '%-52s %s\n' "without $label" "(pattern not found: the script needs updating)"
  else
    s=$(build)
    if [ "$s" = failed ]; then printf '%-52s %s\n' "without $label" "build failed"
    else
      read -r r w k <<<"$s"
      printf '%-52s reader %d less, workbench %d less\n' "without $label" $((base_r - r)) $((base_w - w))
    fi
  fi
  for i in "${!files[@]}"; do cp "$WORK/saved.$i" "${files[$i]}"; done
}
P=src/workbench/assessment_page.rs
W=src/workbench/app.rs
R=src/reader/app.rs
M=src/reader/mod.rs
PAGES='s/(Route::Assessment\(id, section\) => )view! \{ <AssessmentPage id=id section=section \/> \}/$1 { let _ = (id, section); } /'
LIST='s/(_ => )view! \{ <AssessmentList \/> \}/$1()/'
EMBEDS='s/embed::mount_route\(rest\);/let _ = rest;/; s/else if !embed::mount_elements\(\)/else if true/'
for s in Overview Results Roadmap Report History Requirements Trust; do
  ablate "the ${s,,} section" $P "s/(Section::$s => )view! \\{ <${s}Section \\/> \\}/\$1()/"
done
ablate "the targets section" $P 's/(Section::Targets\(p\) => )view! \{ <TargetSection practice=p \/> \}/$1 { let _ = p; } /'
ablate "the assess section" $P 's/(Section::Assess\(p\) => )view! \{ <AssessSection practice=p \/> \}/$1 { let _ = p; } /'
ablate "the assessment list" $W "$LIST"
ablate "every assessment page" $W "$PAGES"
ablate "the explorer and practice pages" $R 's/(Route::Practices => )view! \{ <Explorer \/> \}/$1()/; s/(Route::Practice\(id\) => )view! \{ <PracticePage id=id \/> \}/$1 { let _ = id; } /'
ablate "the home page" $R 's/(Route::Home => )view! \{ <Home \/> \}/$1()/'
ablate "the embeds" $M "$EMBEDS"
