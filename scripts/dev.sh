#!/usr/bin/env bash
# drsim developer entry point. Idempotent; works as root on a fresh Debian 12.
#   scripts/dev.sh demo    install deps, build, run the default scenario (year 1)
#   scripts/dev.sh test    install deps, build, check formatting (clang-format --dry-run
#                          -Werror on every tracked C++ file), then run every test (ctest)
#   scripts/dev.sh tidy    install deps, build, clang-tidy (the committed .clang-tidy) over every
#                          tracked .cpp outside test/; not yet part of `test`: the tree still has findings
#   scripts/dev.sh build   install deps, build only
#   scripts/dev.sh bench   install deps (and the SimPy 2 peer), build, run bench/montecarlo.sh
#   scripts/dev.sh format  rewrite every tracked C++ file with the committed .clang-format
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${DRSIM_BUILD_DIR:-$here/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

build_pkgs=(build-essential cmake pkg-config libsimgrid-dev nlohmann-json3-dev libcli11-dev catch2
            libvalijson-dev libfmt-dev)
test_pkgs=(chromium python3 man-db zsh clang-format)  # man-db: the install test reads drsim(1); zsh: -n on _drsim
bench_pkgs=(python3-simpy bc)  # bench/montecarlo.sh: the SimPy 2 peer, the ratio

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

# clang-tidy over every tracked .cpp outside test/ (our headers through HeaderFilterRegex), 2 at a
# time, with the build's compile_commands.json; any finding fails (WarningsAsErrors).
check_tidy() {
  echo "dev.sh: clang-tidy (-j 2)"
  local start=$SECONDS
  (cd "$here" && cxx_files | grep '\.cpp$' | grep -v '^test/' |
    xargs -P 2 -n 4 clang-tidy -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option \
      2>/dev/null)
  echo "dev.sh: clang-tidy clean in $((SECONDS - start)) s"
}

configure_and_build() {
  local launcher=()
  # ccache, where a developer installed it, makes rebuilds in several work trees cheap; CI has none.
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
  cmake --build "$build" -j "$jobs"
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
    echo "usage: scripts/dev.sh demo|test|build|bench|format|tidy" >&2
    exit 2
    ;;
esac
