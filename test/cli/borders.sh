#!/usr/bin/env bash
# The architecture's borders, checked: models/ never includes SimGrid; reports/ never includes
# models/, simulator/ or app/; simulator/ includes nothing from reports/ or app/; only
# simulator/ includes <simgrid/...>; the engine target links no CLI and no reports.
set -euo pipefail
: "${DRSIM_SRC:?}"
cd "$DRSIM_SRC"
rc=0
if grep -rnE '#include *[<"](simgrid|xbt)/' models reports app; then
  echo "FAIL: models/, reports/ or app/ include SimGrid"; rc=1
fi
if grep -rnE '#include *"(models|simulator|app)/' reports; then
  echo "FAIL: reports/ includes models/, simulator/ or app/"; rc=1
fi
if grep -rnE '#include *"(reports|app)/' simulator; then
  echo "FAIL: simulator/ includes reports/ or app/"; rc=1
fi
if grep -rnE '#include *"(simulator|reports|app)/' models; then
  echo "FAIL: models/ includes simulator/, reports/ or app/"; rc=1
fi
if grep -rnE 'SIMGRID' models/CMakeLists.txt reports/CMakeLists.txt; then
  echo "FAIL: a models/ or reports/ target links SimGrid"; rc=1
fi
if grep -nE 'drsim_reports|drsim_app|CLI11' simulator/CMakeLists.txt; then
  echo "FAIL: drsim_simulator links the reports or the CLI"; rc=1
fi
if grep -nE 'drsim_models|drsim_simulator|drsim_app' reports/CMakeLists.txt; then
  echo "FAIL: drsim_reports links one of our other targets"; rc=1
fi
[ $rc -eq 0 ] && echo "borders hold: 0 violations"
exit $rc
