#!/usr/bin/env bash
# Regenerates the golden expectations (test/golden/expected/) from the current build, on
# purpose: commit the result with a message that says why the story's numbers moved.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
drsim="${DRSIM:-$here/build/drsim}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$here"/scenarios/insurance-*.json; do
  name=$(basename "$f" .json)
  "$drsim" run "$f" --out "$tmp/$name" --quiet --seed 7
  python3 "$here/test/golden/story.py" "$tmp/$name/result.json" "$name" "$here/test/golden/expected" --bless
done
git -C "$here" diff --stat -- test/golden/expected || true
