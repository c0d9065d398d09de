#!/usr/bin/env bash
# drsim run writes result.json straight from the engine's Result and renders timeline.html from
# it (issue 18: no JSON tree in between). Both must be what the tree gave: the page equals the
# one `drsim report` renders from the written result.json, --pretty is the same document as the
# compact file and differs only in whitespace. On the shipped scenarios and a generated site.
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/lib/assert.bash"

# same_outputs NAME SCENARIO: run compact and --pretty, compare with report and each other.
same_outputs() {
  local name=$1 scenario=$2
  expect_rc 0 "$name: run" -- "$DRSIM" run "$scenario" --out "$TMP/$name" --quiet
  expect_rc 0 "$name: run --pretty" -- "$DRSIM" run "$scenario" --out "$TMP/$name-pretty" --quiet --pretty
  expect_rc 0 "$name: report on the written result" -- \
    "$DRSIM" report "$TMP/$name/result.json" --html "$TMP/$name/report.html"
  if cmp -s "$TMP/$name/timeline.html" "$TMP/$name/report.html"; then
    pass "$name: the run's page is the page of its result.json"
  else fail "$name: timeline.html differs from drsim report's page of the same result"; fi
  cmp -s "$TMP/$name/timeline.html" "$TMP/$name-pretty/timeline.html" &&
    pass "$name: --pretty changes no byte of the page" || fail "$name: --pretty changed the page"
  [ "$(wc -l <"$TMP/$name/result.json")" -eq 1 ] && pass "$name: result.json is one line" ||
    fail "$name: result.json is not compact"
  if python3 - "$TMP/$name/result.json" "$TMP/$name-pretty/result.json" <<'PY'
import json, sys
compact, pretty = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
assert json.loads(compact) == json.loads(pretty), "documents differ"
assert "".join(pretty.split()) == "".join(compact.split()), "more than whitespace differs"
assert pretty.startswith('{\n  "'), "not indented by 2"
PY
  then pass "$name: --pretty is the same document, indented"; else fail "$name: --pretty vs compact"; fi
}

for f in "$DRSIM_SRC"/scenarios/insurance-*.json; do
  same_outputs "$(basename "$f" .json)" "$f"
done
scale="$(dirname "$DRSIM")/bench/scale"
if [ -x "$scale" ]; then
  "$scale" --vms 4 --guests 25 --zos 3 --volumes 4 --drives 3 --write "$TMP/site.json" >/dev/null
  same_outputs site "$TMP/site.json"
fi
finish
