#!/usr/bin/env bash
# The architecture's borders, checked: models/ never includes SimGrid; reports/ never includes
# models/ or simulator/; only simulator/ includes <simgrid/...>.
set -euo pipefail
: "${DRSIM_SRC:?}"
cd "$DRSIM_SRC"
rc=0
if grep -rnE '#include *[<"](simgrid|xbt)/' models reports; then
  echo "FAIL: models/ or reports/ include SimGrid"; rc=1
fi
if grep -rnE '#include *"(models|simulator)/' reports; then
  echo "FAIL: reports/ includes models/ or simulator/"; rc=1
fi
if grep -rnE 'SIMGRID' models/CMakeLists.txt reports/CMakeLists.txt; then
  echo "FAIL: a models/ or reports/ target links SimGrid"; rc=1
fi
[ $rc -eq 0 ] && echo "borders hold: 0 violations"
exit $rc
