#!/usr/bin/env bash
# drsim params lists every model parameter from the one table; docs/parameters.md is its
# Markdown output and must not be stale (regenerate: drsim params --format markdown >
# docs/parameters.md).
set -uo pipefail
: "${DRSIM:?}" "${DRSIM_SRC:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
TMP=$tmp
source "$(dirname "$0")/lib/assert.bash"

expect_rc 0 "params --format markdown" -- "$DRSIM" params --format markdown
if diff -u "$DRSIM_SRC/docs/parameters.md" "$tmp/out" >"$tmp/diff"; then
  pass "docs/parameters.md is what drsim params --format markdown prints"
else
  fail "docs/parameters.md is stale; run: build/drsim params --format markdown > docs/parameters.md"
  head -20 "$tmp/diff"
fi

expect_rc 0 "params --format json" -- "$DRSIM" params --format json
cp "$tmp/out" "$tmp/params.json"
if python3 - "$tmp/params.json" "$DRSIM_SRC/scenarios/drsim-scenario.schema.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["parameters"]
schema = json.load(open(sys.argv[2]))["definitions"]["parameters"]["properties"]
want = {f"{g}.{k}" for g, v in schema.items() if g not in ("_comment", "uncertainty") for k in v["properties"] if k != "_comment"}
want |= {f"uncertainty.{k}" for k in schema["uncertainty"]["anyOf"][1]["properties"] if k != "_comment"}
got = {r["name"] for r in rows}
assert got == want, (got ^ want)
for r in rows:
    for field in ("unit", "default", "range", "meaning", "source", "pointer"):
        assert r[field], (r["name"], field)
byname = {r["name"]: r for r in rows}
assert byname["tape.robot_mount"]["default"] == "20s", byname["tape.robot_mount"]
assert byname["ipl.zos_ipl_to_jes"]["default"] == "8min"
assert "DOMAIN tape_robot_mount_s" in byname["tape.robot_mount"]["source"]
assert byname["uncertainty.zvm_ipl"]["default"] == '{"dist": "lognormal", "cv": 0.3}', byname["uncertainty.zvm_ipl"]
assert byname["uncertainty.robot_mount"]["default"] == '{"dist": "lognormal", "p95_ratio": 3}', byname["uncertainty.robot_mount"]
assert byname["uncertainty.drive_failure_p"]["default"] == "0.02"
assert byname["uncertainty.ipl_fix_min"]["default"] == "5min"
PY
then pass "json: every schema parameter, each with unit, default, range, meaning, source"
else fail "json rows do not match the schema's parameters"; fi

expect_rc 0 "params (text)" -- "$DRSIM" params
grep -q "tape.robot_mount = 20s" "$tmp/out" && pass "text shows name = default" || fail "text: no tape.robot_mount = 20s"
expect_rc 2 "params --format html" -- "$DRSIM" params --format html
finish
