#!/usr/bin/env bash
# The engine is a module (issue 18): the drsim executable links no SimGrid, so the commands
# that simulate nothing start without it; `run` and `sweep` load build/lib/drsim/drsim_engine.so
# (installed: lib/drsim/ beside bin/, test/cli/install.sh). A missing module is a clear
# error (exit 2) that names where it was looked for; --version still names SimGrid.
set -u
: "${DRSIM:?}" "${DRSIM_SRC:?}"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"
y1="$DRSIM_SRC/scenarios/insurance-2007-year1.json"

ldd "$DRSIM" >"$TMP/ldd"
grep -q simgrid "$TMP/ldd" && fail "drsim links SimGrid: $(grep simgrid "$TMP/ldd")" || pass "drsim links no SimGrid"
test -s "$(dirname "$DRSIM")/lib/drsim/drsim_engine.so" && pass "the module is built beside drsim" ||
  fail "no $(dirname "$DRSIM")/lib/drsim/drsim_engine.so"

loaded() {  # loaded COMMAND...: the shared objects the process opened
  LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -o 'file=[^ ]*' | sort -u
}
for cmd in "--version" "validate $y1" "check $y1" "params" "schema"; do
  # shellcheck disable=SC2086
  if loaded "$DRSIM" $cmd | grep -E 'simgrid|libns3' >/dev/null; then fail "drsim $cmd loads SimGrid"
  else pass "drsim ${cmd%% *} starts without SimGrid"; fi
done
loaded "$DRSIM" run "$y1" --out "$TMP/run" --quiet >"$TMP/libs" || true
grep -q 'drsim_engine.so' "$TMP/libs" && grep -q 'libsimgrid' "$TMP/libs" &&
  pass "drsim run loads the module and SimGrid" || fail "drsim run: $(head -3 "$TMP/libs")"
test -s "$TMP/run/result.json" && pass "drsim run wrote result.json" || fail "drsim run wrote no result.json"
# RTLD_DEEPBIND (app/engine_loader.cpp): the module's libraries look up symbols in their own
# dependency list first; safe only while drsim holds no copy of a library's data (a copy
# relocation of std::cerr, stderr, a vtable...), which the module's libraries would then miss.
if command -v readelf >/dev/null; then
  readelf -rW "$DRSIM" | grep -q 'R_X86_64_COPY' && fail "drsim has copy relocations: $(readelf -rW "$DRSIM" | grep R_X86_64_COPY | head -3)" ||
    pass "drsim has no copy relocations"
fi
LD_DEBUG=scopes "$DRSIM" run "$y1" --out "$TMP/scopes" --quiet 2>"$TMP/scopes.txt" >/dev/null || true
if { ldd "$DRSIM"; nm -D "$DRSIM"; } 2>/dev/null | grep -q asan; then  # gcc's or clang's runtime
  pass "sanitized build: the module is loaded without RTLD_DEEPBIND (ASan refuses it)"
else
  # the first scope of libsimgrid starts with the module itself, not with the executable
  grep -A1 '^ *[0-9]*:.object=.*libsimgrid' "$TMP/scopes.txt" | grep -q 'scope 0: [^ ]*drsim_engine' &&
    pass "SimGrid's libraries look up symbols in the module's scope first" ||
    fail "SimGrid's first scope: $(grep -A1 'object=.*libsimgrid' "$TMP/scopes.txt" | head -2)"
  # with LD_PRELOAD (an allocator, a profiler) the module is loaded without RTLD_DEEPBIND, so
  # the preloaded library keeps binding SimGrid's calls; the run is the same
  LD_PRELOAD=libm.so.6 LD_DEBUG=scopes "$DRSIM" run "$y1" --out "$TMP/preload" --quiet \
    2>"$TMP/preload.txt" >/dev/null || true
  grep -A1 '^ *[0-9]*:.object=.*libsimgrid' "$TMP/preload.txt" | grep -q 'scope 0: [^ ]*drsim_engine' &&
    fail "with LD_PRELOAD, SimGrid's libraries still look in the module first" ||
    pass "with LD_PRELOAD, the module is loaded without RTLD_DEEPBIND"
  test -s "$TMP/preload/result.json" && cmp -s "$TMP/run/result.json" "$TMP/preload/result.json" &&
    pass "with LD_PRELOAD, the same result.json" || fail "with LD_PRELOAD, result.json differs"
fi
# The module names SimGrid's most looked-up libraries first (simulator/CMakeLists.txt, the
# order ld.so searches them in), but never a library libsimgrid would not load itself.
module="$(dirname "$DRSIM")/lib/drsim/drsim_engine.so"
simgrid_so=$(ldd "$module" | awk '/libsimgrid/ { print $3 }')
{ ldd "$simgrid_so"; ldd "$DRSIM"; } | awk '/=>/ { print $1 } /ld-linux/ { print $1 }' | xargs -n1 basename | sort -u >"$TMP/allowed"
printf '%s\n' "$(basename "$simgrid_so")" drsim_engine.so >>"$TMP/allowed"
xargs -n1 basename <"$TMP/libs" | sed 's/^file=//' | sort -u >"$TMP/loaded"
extra=$(sort -u "$TMP/allowed" | comm -13 - "$TMP/loaded")
[ -n "$simgrid_so" ] && [ -z "$extra" ] && pass "drsim run loads only SimGrid's own libraries" ||
  fail "drsim run loads more than libsimgrid needs: ${extra:-(no libsimgrid in ldd of the module)}"
"$DRSIM" --version | grep '^SimGrid 3\.' >/dev/null && pass "--version names SimGrid" || fail "--version: $("$DRSIM" --version)"

DRSIM_ENGINE="$TMP/none.so" "$DRSIM" run "$y1" --out "$TMP/missing" --quiet >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 2 ] && pass "a missing module: exit 2" || fail "a missing module: exit $rc"
grep -q "cannot load the simulation engine" "$TMP/err" && grep -qF "$TMP/none.so: no such file" "$TMP/err" &&
  pass "the message names the path it tried" || fail "message: $(cat "$TMP/err")"
test ! -e "$TMP/missing/result.json" && pass "nothing written" || fail "a result.json was written"
printf 'not an ELF file\n' >"$TMP/bad.so"
DRSIM_ENGINE="$TMP/bad.so" "$DRSIM" sweep "$y1" --vary /dr_site/tape/drives=3,4 --out "$TMP/sw" --quiet >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 2 ] && grep -q "drsim sweep: cannot load the simulation engine" "$TMP/err" &&
  pass "sweep with a broken module: exit 2, says so" || fail "sweep with a broken module: exit $rc: $(head -3 "$TMP/err")"
DRSIM_ENGINE="$TMP/none.so" "$DRSIM" validate "$y1" >/dev/null 2>&1 && pass "validate needs no module" || fail "validate needs the module"
finish
