#!/usr/bin/env bash
# Install like a tool: `cmake --install --prefix P` lays out bin/, the man page, the schema,
# the scenarios (with "$schema"), the completions; the installed drsim validates and runs them
# with the same results. Then the .deb: cpack builds it, its Depends are Debian runtime
# packages, dpkg -i installs it, /usr/bin/drsim validates /usr/share/drsim/scenarios/*.json
# and runs one (the engine module from /usr/lib/drsim/), dpkg -r removes it (that part needs
# root, as in CI; elsewhere it is skipped, exit 77).
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
build=$(cd "$(dirname "$DRSIM")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
TMP=$tmp
source "$(dirname "$0")/lib/assert.bash"
p="$tmp/prefix"

expect_rc 0 "cmake --install --prefix" -- cmake --install "$build" --prefix "$p"
for f in bin/drsim lib/drsim/drsim_engine.so share/man/man1/drsim.1 share/drsim/drsim-scenario.schema.json \
  share/drsim/scenarios/insurance-2009-year3.json share/bash-completion/completions/drsim \
  share/zsh/vendor-completions/_drsim share/doc/drsim/parameters.md share/doc/drsim/scenarios.md; do
  test -s "$p/$f" && pass "installs $f" || fail "no $p/$f"
done
grep -q "@DRSIM" "$p/share/man/man1/drsim.1" && fail "man page has unreplaced @VARIABLES@" || pass "man page: paths filled in"
grep -qF "$p/share/drsim/scenarios/" "$p/share/man/man1/drsim.1" && pass "man page names the installed scenarios" || fail "man page: no installed path"
MANWIDTH=80 man -l "$p/share/man/man1/drsim.1" >"$tmp/man.txt" 2>"$tmp/man.err"
grep -q "fail-on" "$tmp/man.txt" && grep -q "NO_COLOR" "$tmp/man.txt" && pass "man -l renders drsim(1)" || fail "man -l: $(head -3 "$tmp/man.err")"
expect_rc 0 "installed drsim validates the installed scenarios" -- "$p/bin/drsim" validate "$p"/share/drsim/scenarios/*.json
schema_uri=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["$schema"])' "$p/share/drsim/scenarios/insurance-2009-year3.json")
[ "$schema_uri" = "file://$p/share/drsim/drsim-scenario.schema.json" ] && pass "\$schema names the installed schema" || fail "\$schema is $schema_uri"
test -s "${schema_uri#file://}" && pass "the \$schema file exists" || fail "no ${schema_uri#file://}"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["$id"]' "$p/share/drsim/drsim-scenario.schema.json" && pass "the schema has an \$id" || fail "schema: no \$id"
"$p/bin/drsim" run "$p/share/drsim/scenarios/insurance-2009-year3.json" --out "$tmp/installed" --quiet
"$DRSIM" run "$DRSIM_SRC/scenarios/insurance-2009-year3.json" --out "$tmp/repo" --quiet
if python3 - "$tmp/installed/result.json" "$tmp/repo/result.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
for d in (a, b):
    d["scenario"].pop("sha256"); d["scenario"].pop("file")
assert a == b
PY
then pass "an installed scenario (with \$schema) gives the repo's result (but its file and sha256)"
else fail "the installed scenario's result differs"; fi

# the Debian package
if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null; then
  echo "not root: the dpkg -i part is skipped"; finish; [ "$failures" -eq 0 ] && exit 77; exit 1
fi
expect_rc 0 "cpack -G DEB" -- cpack -G DEB -B "$tmp/deb" --config "$build/CPackConfig.cmake"
deb=$(ls "$tmp"/deb/drsim_*.deb 2>/dev/null | head -1)
test -n "$deb" && pass "a .deb is built ($(basename "$deb"))" || fail "no .deb in $tmp/deb"
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "libsimgrid3.32" <<<"$depends" && pass "Depends: $depends" || fail "Depends lacks libsimgrid3.32: $depends"
dpkg-deb -c "$deb" >"$tmp/contents" 2>&1
grep -q "./usr/share/drsim/scenarios/insurance-2007-year1.json" "$tmp/contents" && pass ".deb holds the scenarios under /usr/share/drsim" || fail ".deb: no /usr/share/drsim/scenarios"
grep -q "./usr/lib/drsim/drsim_engine.so" "$tmp/contents" && pass ".deb holds the engine module in /usr/lib/drsim" || fail ".deb: no /usr/lib/drsim/drsim_engine.so"
# one install at a time on this machine (parallel test runs of several checkouts)
exec 9>/tmp/drsim-deb-test.lock
flock 9
if dpkg-query -W -f='${Status}' drsim 2>/dev/null | grep "install ok installed" >/dev/null; then
  fail "a drsim package is already installed; not replacing it"
else
  expect_rc 0 "dpkg -i" -- dpkg -i "$deb"
  expect_rc 0 "/usr/bin/drsim validate /usr/share/drsim/scenarios/*.json" -- \
    /usr/bin/drsim validate /usr/share/drsim/scenarios/*.json
  grep -q "file:///usr/share/drsim/drsim-scenario.schema.json" /usr/share/drsim/scenarios/insurance-2009-year3.json &&
    pass "packaged \$schema is /usr/share/drsim/..." || fail "packaged \$schema wrong"
  expect_rc 0 "/usr/bin/drsim run (the engine module from /usr/lib/drsim/)" -- \
    /usr/bin/drsim run /usr/share/drsim/scenarios/insurance-2007-year1.json --out "$tmp/deb-run" --quiet
  expect_rc 0 "man -w drsim finds drsim(1)" -- man -w drsim
  test -s /usr/share/bash-completion/completions/drsim && pass "bash completion installed" || fail "no bash completion"
  expect_rc 0 "dpkg -r drsim" -- dpkg -r drsim
  test ! -e /usr/bin/drsim && pass "removed" || fail "/usr/bin/drsim still there"
fi
flock -u 9
finish
