# Run by `cmake --install` (and cpack): writes the files that name installed paths. Given by
# cmake/install.cmake: DRSIM_SRC, DRSIM_VERSION, DRSIM_SCENARIOS, DRSIM_DATADIR, DRSIM_MANDIR,
# DRSIM_DOCDIR (relative to the prefix), DRSIM_STAGING (a scratch directory of the build).
set(prefix "${CMAKE_INSTALL_PREFIX}")
set(DRSIM_SHARE_DIR "${prefix}/${DRSIM_DATADIR}/drsim")
set(DRSIM_DOC_DIR "${prefix}/${DRSIM_DOCDIR}")


# drsim(1), with the installed paths
configure_file("${DRSIM_SRC}/docs/drsim.1" "${DRSIM_STAGING}/drsim.1" @ONLY)
file(INSTALL "${DRSIM_STAGING}/drsim.1" DESTINATION "${prefix}/${DRSIM_MANDIR}/man1")

# the shipped scenarios, each with "$schema" naming the installed schema (for editors; drsim
# ignores the key, the simulation is the same)
set(schema_uri "file://${DRSIM_SHARE_DIR}/drsim-scenario.schema.json")
foreach(scenario ${DRSIM_SCENARIOS})
  file(READ "${scenario}" text)
  string(FIND "${text}" "{" open)
  math(EXPR rest "${open} + 1")
  string(SUBSTRING "${text}" ${rest} -1 body)
  get_filename_component(name "${scenario}" NAME)
  file(WRITE "${DRSIM_STAGING}/scenarios/${name}"
       "{\n  \"\$schema\": \"${schema_uri}\",${body}")
  file(INSTALL "${DRSIM_STAGING}/scenarios/${name}"
       DESTINATION "${DRSIM_SHARE_DIR}/scenarios")
endforeach()
