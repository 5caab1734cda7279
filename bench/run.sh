#!/usr/bin/env bash
# Times clean builds of a generated corpus with folio and with Hugo, side by side.
#
#   bash bench/run.sh                      # N = 1000 and 10000, 5 timed runs each
#   NOTES=1000 RUNS=3 bash bench/run.sh
#   VARIANTS="default noextract nolinks" bash bench/run.sh
#
# Environment (all optional):
#   NOTES="1000 10000"   corpus sizes            RUNS=5       timed runs per cell
#   WARMUP=1             untimed runs first      TOPICS=40    topic pages per corpus
#   VARIANTS="default"   folio site.toml appendices: "default" (none), a name from
#                        bench/variants/NAME.toml, or a path to a .toml file
#   FOLIO_ARGS=""        extra arguments to `folio build` (word-split)
#   FOLIO_SITE_TOML_EXTRA=""  TOML appended to every folio site.toml (before the variant's)
#   FOLIO_BIN=path       use this binary instead of `cargo build --release`
#   SKIP_HUGO=1 / SKIP_FOLIO=1   leave a tool out on purpose
#   DROP_CACHES=1        (as root) drop the page cache before each run and read the
#                        run's inputs back in; 0 to skip; default 1 when allowed
#   BENCH_WORK=bench/.work       where corpora and outputs go
#   RESULTS=bench/results.md     where the table is written
#
# Installs nothing. Exit codes: 0 ok; 2 a required tool is missing; 3 Hugo is missing
# (folio rows were still measured); 4 some build failed (see the table and the logs).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
NOTES=${NOTES:-"1000 10000"}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
TOPICS=${TOPICS:-40}
VARIANTS=${VARIANTS:-default}
FOLIO_ARGS=${FOLIO_ARGS:-}
FOLIO_SITE_TOML_EXTRA=${FOLIO_SITE_TOML_EXTRA:-}
SKIP_HUGO=${SKIP_HUGO:-0}
SKIP_FOLIO=${SKIP_FOLIO:-0}
WORK=${BENCH_WORK:-$BENCH/.work}
RESULTS=${RESULTS:-$BENCH/results.md}
if [[ -z "${DROP_CACHES:-}" ]]; then
  if [[ -w /proc/sys/vm/drop_caches ]]; then DROP_CACHES=1; else DROP_CACHES=0; fi
fi

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "run.sh: takes no arguments (got '$1'); configure it with environment variables, see --help" >&2; exit 2 ;;
esac

die() { echo "run.sh: $*" >&2; exit 2; }
log() { echo "run.sh: $*" >&2; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer (got '$WARMUP')"
for n in $NOTES; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "NOTES must list positive integers (got '$n')"; done

# ---- tools: check, never install -----------------------------------------------------
command -v python3 >/dev/null || die "python3 is missing: apt-get install -y python3"
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time --version 2>&1 | grep -q GNU; then
  die "GNU time (/usr/bin/time) is missing; it measures peak memory. Install it with:
    apt-get install -y time"
fi
HUGO_MISSING=0
if [[ "$SKIP_HUGO" != 1 ]] && ! command -v hugo >/dev/null; then
  log "hugo is missing: the Hugo rows are skipped and the script will exit 3. Install it with:
    apt-get install -y hugo
  (or set SKIP_HUGO=1 to leave Hugo out on purpose)"
  HUGO_MISSING=1
  SKIP_HUGO=1
fi

FOLIO_FROM_CARGO=0
if [[ "$SKIP_FOLIO" != 1 ]]; then
  if [[ -n "${FOLIO_BIN:-}" ]]; then
    [[ -x "$FOLIO_BIN" ]] || die "FOLIO_BIN=$FOLIO_BIN is not an executable file"
    FOLIO_BIN=$(cd "$(dirname "$FOLIO_BIN")" && pwd)/$(basename "$FOLIO_BIN")
  else
    command -v cargo >/dev/null || die "cargo is missing (https://rustup.rs), or set FOLIO_BIN"
    log "building folio: cargo build --release"
    (cd "$ROOT" && cargo build --release) || die "cargo build --release failed"
    target_dir=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    FOLIO_BIN="$target_dir/release/folio"
    FOLIO_FROM_CARGO=1
    [[ -x "$FOLIO_BIN" ]] || die "cargo built, but $FOLIO_BIN is not there"
  fi
fi

# Resolve variant names to files before spending time on anything.
declare -a VARIANT_NAMES=() VARIANT_FILES=()
for v in $VARIANTS; do
  if [[ "$v" == default ]]; then f=""
  elif [[ -f "$BENCH/variants/$v.toml" ]]; then f="$BENCH/variants/$v.toml"
  elif [[ -f "$v" ]]; then f=$(cd "$(dirname "$v")" && pwd)/$(basename "$v")
  else die "variant '$v': no bench/variants/$v.toml and no such file"
  fi
  VARIANT_NAMES+=("$(basename "$v" .toml)")
  VARIANT_FILES+=("$f")
done
read -r -a FARGS <<<"$FOLIO_ARGS"

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
TMP=$(mktemp -d "$WORK/tmp.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- helpers -----------------------------------------------------------------------
now_ns() { date +%s%N; }

# stats FILE -> "median min max" of the numbers in FILE (one per line)
stats() {
  sort -g "$1" | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    printf "%.3f %.3f %.3f\n", m, a[1], a[NR] }'
}

# Paired ratio of two cells' runs: the median, least and largest of run r of $1 over run r
# of $2 (one line each, in run order; runs of a round are taken one after the other).
paired() {
  paste "$1" "$2" | awk '$1 > 0 && $2 > 0 { print $1 / $2 }' | sort -g | awk '{a[NR]=$1} END {
    if (NR == 0) { print "- - -"; exit }
    m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    printf "%.2f %.2f %.2f\n", m, a[1], a[NR] }'
}

count_html() { find "$@" -name '*.html' -type f 2>/dev/null | wc -l | tr -d ' '; }

# Remove everything gen.py did not write, so each folio build starts clean (output,
# staging folders and any cache folio may keep beside the site).
clean_folio_site() {
  find "$1" -mindepth 1 -maxdepth 1 ! -name site.toml ! -name content ! -name .bench-generated \
    -exec rm -rf {} +
}

clean_hugo_site() { rm -rf "$1/public" "$1/resources" "$1/.hugo_build.lock" "$2"; }

# warm DIR BINARY: read a site and a binary into the page cache.
warm() { find "$1" -type f -exec cat {} + >/dev/null; cat "$2" >/dev/null; }

# time_one NAME RECORD CLEAN_CMD WARM_CMD -- CMD...   one run (in the current directory);
# its wall time, CPU time and peak RSS are appended to $TMP/NAME.* when RECORD is 1 (0:
# warm-up). Returns non-zero if the build failed, after saving its log to
# $WORK/NAME.failed.log.
time_one() {
  local name=$1 record=$2 clean=$3 warm=$4; shift 5
  local tf="$TMP/$name.time" out="$TMP/$name.log" t0 t1 rc
  eval "$clean"
  # Every run starts from the same state: what earlier runs wrote is written back and
  # dropped from the page cache, and only this run's inputs (its site and its binary) are
  # read back in. Without it, on-disk builds on a VM slowed down run after run (system
  # time doubled over four builds) as earlier outputs piled up in the cache. Dropping the
  # cache needs root; without it, only the sync is done (DROP_CACHES=0 skips the drop).
  sync
  if [[ "$DROP_CACHES" == 1 ]]; then
    echo 1 >/proc/sys/vm/drop_caches
    eval "$warm"
  fi
  t0=$(now_ns)
  set +e
  /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$out" 2>&1
  rc=$?
  set -e
  t1=$(now_ns)
  if ((rc != 0)); then
    log "$name: build failed (exit $rc); last lines of its output:"
    tail -n 20 "$out" | sed 's/^/    /' >&2
    cp "$out" "$WORK/$name.failed.log"
    log "full log: $WORK/$name.failed.log"
    echo "failed (exit $rc)" >"$TMP/$name.status"
    return 1
  fi
  if ((record)); then
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e9 }' >>"$TMP/$name.walls"
    tail -n 1 "$tf" | awk '{ print $2 }' >>"$TMP/$name.rss"
    tail -n 1 "$tf" | awk '{ printf "%.2f\n", $3 + $4 }' >>"$TMP/$name.cpu"
  fi
}

# summarise NAME   Sets R_MED R_MIN R_MAX R_CPU R_RSS R_STATUS from $TMP/NAME.*
summarise() {
  local name=$1
  R_STATUS=$(cat "$TMP/$name.status" 2>/dev/null || echo ok)
  [[ "$R_STATUS" == ok ]] || return 0
  read -r R_MED R_MIN R_MAX < <(stats "$TMP/$name.walls")
  read -r R_CPU _ _ < <(stats "$TMP/$name.cpu")
  R_RSS=$(sort -n "$TMP/$name.rss" | tail -n 1 | awk '{ printf "%.0f", $1 / 1024 }')
}

# ---- the runs ----------------------------------------------------------------------
ROWS="$TMP/rows"
: >"$ROWS"
GEN_NOTES="$TMP/gen"
PAIRS="$TMP/pairs"
: >"$PAIRS"
: >"$GEN_NOTES"
FAILED=0
GEN_SUM=$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:16])' "$BENCH/gen.py")

row() { local IFS=$'\t'; echo "$*" >>"$ROWS"; }   # n tool variant med min max cpu rss pages ratio status

for n in $NOTES; do
  fsite="$WORK/folio-$n"; hsite="$WORK/hugo-$n"; hout="$WORK/hugo-$n-public"
  stampf="$WORK/corpus-$n.stamp"
  stamp="gen=$GEN_SUM notes=$n topics=$TOPICS"
  if [[ -f "$stampf" && "$(cat "$stampf")" == "$stamp" && -f "$WORK/folio-$n.site.toml" \
        && -d "$fsite/content" && -f "$hsite/hugo.toml" ]]; then
    log "N=$n: corpus up to date in $WORK (delete $stampf to regenerate)"
    gsec="(reused)"
  else
    log "N=$n: generating corpus"
    rm -f "$stampf"
    t0=$(now_ns)
    python3 "$BENCH/gen.py" --notes "$n" --topics "$TOPICS" --out "$fsite" --hugo "$hsite" --quiet
    t1=$(now_ns)
    gsec=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f s", (b - a) / 1e9 }')
    log "N=$n: generated in $gsec"
    cp "$fsite/site.toml" "$WORK/folio-$n.site.toml"
    echo "$stamp" >"$stampf"
  fi
  words=$(find "$fsite/content/notes" -name '*.md' -print0 | xargs -0 cat | wc -w | tr -d ' ')
  mb=$(du -sm "$fsite/content" | awk '{print $1}')
  echo "| $n | $words | $mb MB | $gsec |" >>"$GEN_NOTES"

  # The cells of this size: Hugo, then each folio variant. The runs go round-robin over
  # them (run r of every cell, then run r+1), so that whatever else the machine does during
  # the benchmark, and any drift over its minutes, falls on every cell alike rather than on
  # whichever ran last.
  cells=()
  if [[ "$SKIP_HUGO" != 1 ]]; then cells+=(hugo); fi
  if [[ "$SKIP_FOLIO" != 1 ]]; then cells+=("${!VARIANT_NAMES[@]}"); fi
  for cell in "${cells[@]}"; do
    if [[ "$cell" == hugo ]]; then name="hugo-$n"; else name="folio-$n-${VARIANT_NAMES[$cell]}"; fi
    rm -f "$TMP/$name".*
    : >"$TMP/$name.walls"; : >"$TMP/$name.rss"; : >"$TMP/$name.cpu"
  done
  log "N=$n: ${#cells[@]} cell(s) x $RUNS run(s) (+$WARMUP warm-up), round-robin"
  for ((r = 0; r < WARMUP + RUNS; r++)); do
    record=$((r >= WARMUP ? 1 : 0))
    last=$((r == WARMUP + RUNS - 1 ? 1 : 0))
    for cell in "${cells[@]}"; do
      if [[ "$cell" == hugo ]]; then
        [[ -f "$TMP/hugo-$n.status" ]] && continue
        time_one "hugo-$n" "$record" "clean_hugo_site '$hsite' '$hout'" "warm '$hsite' \"\$(command -v hugo)\"" \
          -- hugo --quiet -s "$hsite" -d "$hout" || true
        continue
      fi
      vname=${VARIANT_NAMES[$cell]}; vfile=${VARIANT_FILES[$cell]}; name="folio-$n-$vname"
      [[ -f "$TMP/$name.status" ]] && continue
      {
        cat "$WORK/folio-$n.site.toml"
        if [[ -n "$FOLIO_SITE_TOML_EXTRA" ]]; then printf '\n%s\n' "$FOLIO_SITE_TOML_EXTRA"; fi
        if [[ -n "$vfile" ]]; then printf '\n'; cat "$vfile"; fi
      } >"$fsite/site.toml"
      pushd "$fsite" >/dev/null
      time_one "$name" "$record" "clean_folio_site '$fsite'" "warm '$fsite' '$FOLIO_BIN'" \
        -- "$FOLIO_BIN" build "${FARGS[@]}" || true
      popd >/dev/null
      if ((last)); then
        # pages: every .html folio wrote, wherever in the site folder (output_dir may vary)
        find "$fsite" -path "$fsite/content" -prune -o -type f -name '*.html' -print | wc -l | tr -d ' ' \
          >"$TMP/$name.pages"
        # keep the last output of each variant for inspection
        if [[ -d "$fsite/public" ]]; then
          rm -rf "$WORK/$name-public"; mv "$fsite/public" "$WORK/$name-public"
        fi
      fi
    done
  done
  if [[ "$SKIP_FOLIO" != 1 ]]; then cp "$WORK/folio-$n.site.toml" "$fsite/site.toml"; fi

  hugo_med=""
  if [[ "$SKIP_HUGO" != 1 ]]; then
    summarise "hugo-$n"
    if [[ "$R_STATUS" == ok ]]; then
      hugo_med=$R_MED
      row "$n" hugo - "$R_MED" "$R_MIN" "$R_MAX" "$R_CPU" "$R_RSS" "$(count_html "$hout")" 1.00 ok
    else
      FAILED=1
      row "$n" hugo - - - - - - - - "$R_STATUS"
    fi
  fi
  if [[ "$SKIP_FOLIO" != 1 ]]; then
    for i in "${!VARIANT_NAMES[@]}"; do
      vname=${VARIANT_NAMES[$i]}; name="folio-$n-$vname"
      summarise "$name"
      if [[ "$R_STATUS" == ok ]]; then
        ratio="-"
        if [[ -n "$hugo_med" ]]; then
          ratio=$(awk -v a="$R_MED" -v b="$hugo_med" 'BEGIN { printf "%.2f", a / b }')
        fi
        row "$n" folio "$vname" "$R_MED" "$R_MIN" "$R_MAX" "$R_CPU" "$R_RSS" "$(cat "$TMP/$name.pages")" "$ratio" ok
      else
        FAILED=1
        row "$n" folio "$vname" - - - - - - - "$R_STATUS"
      fi
    done
    # Each variant after the first against the first, run by run: the runs of a round
    # are taken within seconds of each other, so drift over the minutes of the benchmark
    # falls out of their ratio, which a ratio of medians keeps.
    first="folio-$n-${VARIANT_NAMES[0]}"
    for i in "${!VARIANT_NAMES[@]}"; do
      ((i > 0)) || continue
      name="folio-$n-${VARIANT_NAMES[$i]}"
      [[ -f "$TMP/$first.status" || -f "$TMP/$name.status" ]] && continue
      echo "$n ${VARIANT_NAMES[0]} ${VARIANT_NAMES[$i]} $(paired "$TMP/$first.walls" "$TMP/$name.walls") $(paired "$TMP/$first.cpu" "$TMP/$name.cpu")" >>"$PAIRS"
    done
  fi
done

# ---- report ------------------------------------------------------------------------
hugo_v=$( (command -v hugo >/dev/null && hugo version 2>/dev/null | awk '{print $2}') || echo "not installed")
folio_v="-"
if [[ "$SKIP_FOLIO" != 1 ]]; then
  folio_v=$("$FOLIO_BIN" --version 2>/dev/null | head -n 1 | sed 's/^folio //' || echo "?")
  if [[ "$FOLIO_FROM_CARGO" == 1 ]]; then
    rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
    dirty=$(git -C "$ROOT" status --porcelain 2>/dev/null | head -n 1)
    folio_v="$folio_v ($rev${dirty:+, uncommitted changes})"
  else
    folio_v="$folio_v (FOLIO_BIN=$FOLIO_BIN)"
  fi
fi
{
  echo "# folio vs Hugo: clean builds"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM;"
  echo "folio $folio_v; hugo $hugo_v. $RUNS timed runs per cell after $WARMUP warm-up, taken"
  echo "round-robin (run 1 of every cell, then run 2, …);"
  echo "$TOPICS topics; FOLIO_ARGS='${FOLIO_ARGS}'${FOLIO_SITE_TOML_EXTRA:+; FOLIO_SITE_TOML_EXTRA set}; page cache"
  if [[ "$DROP_CACHES" == 1 ]]; then echo "dropped before each run, inputs read back in."; else echo "kept between runs (DROP_CACHES=0)."; fi
  echo "Load average (1, 5, 15 min) at start: $LOAD_START; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "(well above 0 means something else was running: trust min more than median)."
  echo
  echo "| notes | tool | variant | median s | min s | max s | median CPU s | peak RSS MiB | .html pages | folio/hugo |"
  echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  while IFS=$'\t' read -r n tool var med min max cpu rss pages ratio status; do
    if [[ "$status" == ok ]]; then
      echo "| $n | $tool | $var | $med | $min | $max | $cpu | $rss | $pages | $ratio |"
    else
      echo "| $n | $tool | $var | **$status** | | | | | | |"
    fi
  done <"$ROWS"
  if [[ "$HUGO_MISSING" == 1 ]]; then echo; echo "Hugo was not installed (apt-get install -y hugo): no Hugo rows."; fi
  echo
  echo "Wall time is measured around the whole process; CPU is user + system time (GNU time's"
  echo "%U + %S), steadier than wall time when something else shares the machine; peak RSS is"
  echo "GNU time's %M (largest of the timed runs). folio/hugo is the ratio of median wall"
  echo "times: below 1 means folio is faster."
  echo "Page counts differ by design (pagination, topic and metric pages); see bench/README.md."
  echo
  if [[ -s "$PAIRS" ]]; then
    echo "Paired ratios: in each round, the first variant's run over the other variant's run"
    echo "(taken one after the other); the median over the rounds, and the least and largest."
    echo "Steadier than the ratio of the medians above when the machine drifts during the run."
    echo
    echo "| notes | variant ÷ variant | wall: median | least | largest | CPU: median | least | largest |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    while read -r n a b wm wl wh cm cl ch; do
      echo "| $n | \`$a\` ÷ \`$b\` | $wm | $wl | $wh | $cm | $cl | $ch |"
    done <"$PAIRS"
    echo
  fi
  echo "Corpus generation (bench/gen.py, not timed in the table):"
  echo
  echo "| notes | words in notes | size | generated in |"
  echo "| ---: | ---: | ---: | ---: |"
  cat "$GEN_NOTES"
  if ((${#VARIANT_NAMES[@]} > 1)) || [[ "${VARIANT_FILES[0]:-}" != "" || -n "$FOLIO_SITE_TOML_EXTRA" ]]; then
    echo
    echo "folio variants (text appended to the generated site.toml):"
    for i in "${!VARIANT_NAMES[@]}"; do
      echo
      if [[ -z "$FOLIO_SITE_TOML_EXTRA" && -z "${VARIANT_FILES[$i]}" ]]; then
        echo "- \`${VARIANT_NAMES[$i]}\`: nothing appended"
        continue
      fi
      echo "- \`${VARIANT_NAMES[$i]}\`:"
      echo
      echo '  ```toml'
      { if [[ -n "$FOLIO_SITE_TOML_EXTRA" ]]; then printf '%s\n' "$FOLIO_SITE_TOML_EXTRA"; fi
        if [[ -n "${VARIANT_FILES[$i]}" ]]; then cat "${VARIANT_FILES[$i]}"; fi; } | sed 's/^/  /; s/^ *$//'
      echo '  ```'
    done
  fi
} >"$TMP/results.md"

cat "$TMP/results.md"
mkdir -p "$(dirname "$RESULTS")"
cp "$TMP/results.md" "$RESULTS"
log "written to $RESULTS"

if ((FAILED)); then log "some builds failed (see above)"; exit 4; fi
if ((HUGO_MISSING)); then log "hugo is missing: apt-get install -y hugo"; exit 3; fi
exit 0
