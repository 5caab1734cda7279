#!/usr/bin/env bash
# Counts the instructions of clean folio builds of a generated corpus, one variant at a
# time, under valgrind (user-space instructions only; the kernel's work, such as zeroing
# fresh memory, is not counted). Unlike wall time, the count does not move with what
# else the machine does, so two variants or two commits compare within about 1% on a
# noisy machine (not exactly: the worker threads' idle spinning under valgrind varies
# from run to run). It complements bench/run.sh (time and memory), never
# replaces it.
#
#   bash bench/instructions.sh                       # 1,000 notes, 200 topics
#   VARIANTS="default noextract" bash bench/instructions.sh
#
# Environment (all optional):
#   NOTES=1000           corpus size (a build takes about 40x longer than natively)
#   TOPICS=200           topic pages in the corpus
#   VARIANTS="default noextract notopics noextract-notopics nolinks"
#                        "default" (site.toml as generated) or bench/variants/NAME.toml
#   FOLIO_BIN=path       use this binary instead of `cargo build --release`
#   BENCH_WORK=bench/.work     where the corpus and outputs go
#
# Prints a Markdown table: instructions per variant and the extra of `default` over each
# other variant. Installs nothing. Exit codes: 0 ok; 2 a required tool is missing or an
# argument is wrong; 4 a build failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
NOTES=${NOTES:-1000}
TOPICS=${TOPICS:-200}
VARIANTS=${VARIANTS:-"default noextract notopics noextract-notopics nolinks"}
WORK=${BENCH_WORK:-$BENCH/.work}

die() { echo "instructions.sh: $*" >&2; exit 2; }
log() { echo "instructions.sh: $*" >&2; }

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) die "takes no arguments (got '$1'); see --help" ;;
esac
[[ "$NOTES" =~ ^[1-9][0-9]*$ ]] || die "NOTES must be a positive integer (got '$NOTES')"
command -v python3 >/dev/null || die "python3 is missing: apt-get install -y python3"
command -v valgrind >/dev/null || die "valgrind is missing: apt-get install -y valgrind"

if [[ -n "${FOLIO_BIN:-}" ]]; then
  [[ -x "$FOLIO_BIN" ]] || die "FOLIO_BIN=$FOLIO_BIN is not an executable file"
else
  command -v cargo >/dev/null || die "cargo is missing (https://rustup.rs), or set FOLIO_BIN"
  log "building folio: cargo build --release"
  (cd "$ROOT" && cargo build --release) >&2 || die "cargo build --release failed"
  BUILT=1
  FOLIO_BIN=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/folio
fi

site="$WORK/instructions-$NOTES-$TOPICS"
if [[ ! -f "$site.stamp" ]]; then
  log "generating $NOTES notes and $TOPICS topics in $site"
  rm -rf "$site"
  python3 "$BENCH/gen.py" --notes "$NOTES" --topics "$TOPICS" --out "$site/corpus" --quiet
  touch "$site.stamp"
fi

declare -A count
for v in $VARIANTS; do
  dir="$site/$v"
  rm -rf "$dir" && mkdir -p "$dir"
  ln -s ../corpus/content "$dir/content"
  cp "$site/corpus/site.toml" "$dir/site.toml"
  if [[ "$v" != default ]]; then
    [[ -f "$BENCH/variants/$v.toml" ]] || die "variant '$v': no bench/variants/$v.toml"
    cat "$BENCH/variants/$v.toml" >>"$dir/site.toml"
  fi
  log "$v: valgrind --tool=cachegrind folio build"
  out=$(cd "$dir" && valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$FOLIO_BIN" build --out "$dir/public" 2>&1) || { echo "$out" >&2; exit 4; }
  count[$v]=$(echo "$out" | sed -n 's/.*I *refs: *//p' | tr -d ', ')
  [[ -n "${count[$v]}" ]] || { echo "$out" >&2; die "no instruction count in valgrind's output"; }
done

echo "| variant | instructions (G) | default over it |"
echo "| --- | ---: | ---: |"
for v in $VARIANTS; do
  python3 - "$v" "${count[$v]}" "${count[default]:-}" <<'EOF'
import sys
v, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
extra = f"{(int(d) / n - 1) * 100:+.1f}%" if d and v != "default" else "-"
print(f"| {v} | {n / 1e9:.3f} | {extra} |")
EOF
done
echo
if [[ -n "${BUILT:-}" ]]; then
  which="($(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'))"
else
  which="($FOLIO_BIN)"
fi
echo "folio $("$FOLIO_BIN" --version | awk '{print $2}') $which; $NOTES notes, $TOPICS topics; $(valgrind --version)"
