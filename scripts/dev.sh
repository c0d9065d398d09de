#!/usr/bin/env bash
# drsim developer entry point. Idempotent; works as root on a fresh Debian 12.
#   scripts/dev.sh demo    install deps, build, run the default scenario (year 1)
#   scripts/dev.sh test    install deps, build, check formatting (clang-format --dry-run
#                          -Werror on every tracked C++ file), clang-tidy, then run every test (ctest)
#   scripts/dev.sh tidy    install deps, build, clang-tidy (the committed .clang-tidy) over every
#                          tracked .cpp outside test/ (our headers with them); any finding fails
#   scripts/dev.sh build   install deps, build only
#   scripts/dev.sh bench   install deps (and the SimPy 2 peer), build, run bench/montecarlo.sh
#   scripts/dev.sh sanitize        build with ASan+UBSan in build-sanitize/, run the suite there
#                                  (all but 5 tests that run no code of ours; see sanitize())
#   scripts/dev.sh fuzz [SECONDS]  build the libFuzzer targets (clang) in build-fuzz/ and run them
#                                  all at once for SECONDS (default 60), seeded from scenarios/, test/data/bad/
#                                  and the results of the shipped scenarios
#   scripts/dev.sh format  rewrite every tracked C++ file with the committed .clang-format
# Env: DRSIM_BUILD_DIR (default build/), DRSIM_DEBUG_INFO=lines (line tables only: CI's setting)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${DRSIM_BUILD_DIR:-$here/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

build_pkgs=(build-essential cmake pkg-config libsimgrid-dev nlohmann-json3-dev libcli11-dev catch2
            libvalijson-dev rapidjson-dev libfmt-dev)  # rapidjson-dev: models/schema.cpp reads the schema with it (valijson's package depends on it too)
test_pkgs=(chromium python3 man-db zsh slurm-wlm munge libxml2-utils clang-format clang-tidy)  # man-db: the install test reads drsim(1); zsh: -n on _drsim; slurm-wlm, munge: test/cli/slurm.sh; libxml2-utils: xmllint
bench_pkgs=(python3-simpy bc valgrind)  # bench/montecarlo.sh: the SimPy 2 peer, the ratio; valgrind: IR=1 bench/seed.sh
fuzz_pkgs=(clang libfuzzer-14-dev)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Every tracked C++ source and header (the checkout's files, not build output).
cxx_files() {
  if git -C "$here" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$here" ls-files -- '*.cpp' '*.hpp'
  else
    (cd "$here" && find app bench models reports simulator test -name '*.cpp' -o -name '*.hpp' | sort)
  fi
}

check_format() {
  echo "dev.sh: clang-format --dry-run -Werror"
  (cd "$here" && cxx_files | xargs clang-format --dry-run -Werror)
}

# clang-tidy over every tracked .cpp outside test/ (app, bench, fuzz, models, reports,
# simulator; our headers through HeaderFilterRegex), 2 at a time, with the build's
# compile_commands.json (fuzz/ is not in it: clang-tidy borrows a neighbour's flags). Any finding
# or any file it cannot read fails (WarningsAsErrors; xargs exits non-zero). Only clang-tidy's
# "N warnings generated." counts (diagnostics in system headers, never shown) are filtered out.
check_tidy() {
  echo "dev.sh: clang-tidy (-P 2)"
  local start=$SECONDS
  (cd "$here" && cxx_files | grep '\.cpp$' | grep -v '^test/' |
    xargs -P 2 -n 4 clang-tidy -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option \
      2> >(grep -v '^[0-9]* warnings\? generated\.$' >&2))
  echo "dev.sh: clang-tidy clean in $((SECONDS - start)) s"
}

# DRSIM_DEBUG_INFO=lines (.ci/run sets it): line tables only (-g1) instead of full debug
# information, for a build nobody steps through. The code is the same (-g never changes what gcc
# generates); the build takes ~28 % less CPU (simulator/engine.cpp: 5.6 s against 7.7 s).
# Either value is passed explicitly: the flags are cached, so a later run without it reverts.
debug_info_args() {
  if [ "${DRSIM_DEBUG_INFO:-full}" = lines ]; then
    echo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
  else
    echo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g -DNDEBUG"  # CMake's own default
  fi
}

configure_and_build() {
  local launcher=() debug=()
  # ccache, where a developer installed it, makes rebuilds in several work trees cheap; CI has none.
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  mapfile -t debug < <(debug_info_args)
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "${debug[@]}" >/dev/null
  cmake --build "$build" -j "$jobs"
}

# AddressSanitizer options for the sanitized suite. SimGrid switches stacks between its actors
# (its own context code, which ASan does not know): detect_stack_use_after_return=0 is needed
# for that, and the simulating processes turn leak detection off for themselves (drsim run
# calls __lsan_disable() before the engine, whose objects live until the process exits; the
# engine tests get detect_leaks=0 from test/CMakeLists.txt). Everything else keeps
# detect_leaks=1. UBSan stops at the first finding.
sanitizer_env() {
  export ASAN_OPTIONS="detect_stack_use_after_return=0:detect_leaks=1:abort_on_error=0:strict_string_checks=1:check_initialization_order=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
}

sanitize() {
  local dir="$here/build-sanitize"
  local launcher=()
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRSIM_SANITIZE=ON "${launcher[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs" --target drsim drsim_unit_tests drsim_engine_tests
  sanitizer_env
  cd "$dir"
  # Every test but five that exercise no code of ours a sanitizer could check, each slow:
  #   bench_scale    a benchmark binary (not built here); its figures are not asserted
  #   html_chromium, html_layout   Chromium lays out the page (the code that writes the page
  #                  runs sanitized in html_report, html_large and the unit tests)
  #   install        cpack packaging and dpkg of the build; a sanitized build is never shipped
  #   slurm          a Slurm cluster of one's own (the sweep it runs is in cli: sweep)
  local start=$SECONDS
  ctest --output-on-failure -j "$jobs" -E '^cli: (bench_scale|html_chromium|html_layout|install|slurm)$'
  echo "dev.sh: the sanitized suite passed in $((SECONDS - start)) s"
}

# fuzz_seeds DIR: the seed corpora, one folder per target.
fuzz_seeds() {
  local seeds=$1
  rm -rf "$seeds" && mkdir -p "$seeds"/{scenario,result,units}
  cp "$here"/scenarios/*.json "$here"/test/data/bad/*.json "$seeds/scenario/"
  # overrides ride after a NUL byte (fuzz/fuzz_scenario.cpp)
  printf '%s\0/dr_site/tape/drives=6\0/name="what-if"' "$(cat "$here/scenarios/insurance-2009-year3.json")" \
    >"$seeds/scenario/with-sets"
  cp "$here"/test/data/results/*.json "$seeds/result/"
  for f in "$here"/scenarios/insurance-*.json; do
    "$build/drsim" run "$f" --out "$seeds/run" --quiet
    cp "$seeds/run/result.json" "$seeds/result/$(basename "$f")"
  done
  rm -rf "$seeds/run"
  # the unit strings of the shipped scenarios and the schema's examples
  python3 - "$seeds/units" "$here"/scenarios/*.json <<'PY'
import json, sys, hashlib
out, files = sys.argv[1], sys.argv[2:]
seen = set()
def walk(v):
    if isinstance(v, dict):
        for x in v.values(): walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, str) and len(v) < 40 and any(c.isdigit() for c in v):
        seen.add(v)
for f in files:
    walk(json.load(open(f)))
for v in sorted(seen | {"1h30m", "250ms", "3.5GiB", "14MB/s", "100MBps", "Tue 9:05", "18:30"}):
    open(out + "/" + hashlib.sha1(v.encode()).hexdigest()[:12], "w").write(v)
PY
}

fuzz() {
  local seconds=${1:-60}
  local dir="$here/build-fuzz"
  # -O1 and line tables, libFuzzer's usual flags: a lighter build than -O2 -g, and all a
  # finding's stack trace needs
  CXX=clang++ cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRSIM_FUZZ=ON \
    -DBUILD_TESTING=OFF "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" >/dev/null
  cmake --build "$dir" -j "$jobs" --target fuzz_scenario fuzz_result fuzz_units
  fuzz_seeds "$dir/seeds"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
  local rc=0 t
  local -A pids=()
  # the three targets at once: SECONDS of wall time for all, not one after the other
  for t in scenario result units; do
    mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t"
    echo "fuzz_$t: ${seconds}s"
    "$dir/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -max_len=262144 -print_final_stats=1 -artifact_prefix="$dir/artifacts/$t/" \
      "$dir/corpus/$t" "$dir/seeds/$t" 2>"$dir/fuzz_$t.log" &
    pids[$t]=$!
  done
  for t in scenario result units; do
    wait "${pids[$t]}" || rc=1
    echo "fuzz_$t:"
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|ERROR|SUMMARY" "$dir/fuzz_$t.log" || true
  done
  [ $rc -eq 0 ] || echo "dev.sh fuzz: a target found a problem; see $dir/artifacts/ and $dir/fuzz_*.log" >&2
  return $rc
}

case "${1:-}" in
  demo)
    install_missing "${build_pkgs[@]}"
    configure_and_build
    out="$here/drsim-out/insurance-2007-year1"
    "$build/drsim" run "$here/scenarios/insurance-2007-year1.json" --out "$out"
    echo
    echo "result:   $out/result.json"
    echo "timeline: $out/timeline.html  (open it in a browser)"
    ;;
  test)
    install_missing "${build_pkgs[@]}" "${test_pkgs[@]}"
    configure_and_build
    check_format
    check_tidy
    cd "$build"
    ctest --output-on-failure -j "$jobs"
    ;;
  build)
    install_missing "${build_pkgs[@]}"
    configure_and_build
    ;;
  bench)
    install_missing "${build_pkgs[@]}" "${bench_pkgs[@]}"
    configure_and_build
    "$here/bench/montecarlo.sh"
    ;;
  sanitize)
    install_missing "${build_pkgs[@]}" "${test_pkgs[@]}"
    sanitize
    ;;
  fuzz)
    install_missing "${build_pkgs[@]}" "${test_pkgs[@]}" "${fuzz_pkgs[@]}"
    configure_and_build
    fuzz "${2:-60}"
    ;;
  tidy)
    install_missing "${build_pkgs[@]}" clang-tidy
    configure_and_build
    check_tidy
    ;;
  format)
    install_missing clang-format
    (cd "$here" && cxx_files | xargs clang-format -i)
    ;;
  *)
    echo "usage: scripts/dev.sh demo|test|build|bench|format|tidy|sanitize|fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
