#!/usr/bin/env bash
# Golden test: run every shipped scenario, check its story outcomes and its blessed summary,
# and check that the same seed gives a byte-identical result.json.
set -euo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0
for f in "$DRSIM_SRC"/scenarios/insurance-*.json; do
  name=$(basename "$f" .json)
  "$DRSIM" run "$f" --out "$tmp/$name" --quiet --seed 7
  python3 "$DRSIM_SRC/test/golden/story.py" "$tmp/$name/result.json" "$name" "$DRSIM_SRC/test/golden/expected" || rc=1
  "$DRSIM" run "$f" --out "$tmp/$name-again" --quiet --seed 7
  if cmp -s "$tmp/$name/result.json" "$tmp/$name-again/result.json"; then
    echo "$name: deterministic"
  else
    echo "FAIL: $name: two runs with seed 7 differ"; rc=1
  fi
done
exit $rc
