# Install like a tool: `cmake --install build --prefix P` puts bin/drsim, the man page drsim(1),
# the JSON Schema and the shipped scenarios (share/drsim/), the completions and the docs under
# P; `cpack -G DEB` (from the build directory) packs the same into a .deb whose Depends are the
# Debian runtime packages, found by dpkg-shlibdeps.
include(GNUInstallDirs)

install(TARGETS drsim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The engine module, loaded by `drsim run` and `drsim sweep` from ../lib/drsim/ beside bin/
# (app/engine_loader.hpp): a private directory, the same under every prefix.
install(TARGETS drsim_engine LIBRARY DESTINATION lib/drsim)
install(FILES scenarios/drsim-scenario.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/drsim)
install(FILES completions/drsim.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME drsim)
install(FILES completions/_drsim DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
file(GLOB DRSIM_DOCS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES README.md ${DRSIM_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES scenarios/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME scenarios.md)

# The man page and the scenarios name installed paths, known only when installing (--prefix):
# install_data.cmake writes them then.
file(GLOB DRSIM_SHIPPED_SCENARIOS ${PROJECT_SOURCE_DIR}/scenarios/insurance-*.json)
install(CODE "
  set(DRSIM_SRC \"${PROJECT_SOURCE_DIR}\")
  set(DRSIM_VERSION \"${PROJECT_VERSION}\")
  set(DRSIM_SCENARIOS \"${DRSIM_SHIPPED_SCENARIOS}\")
  set(DRSIM_DATADIR \"${CMAKE_INSTALL_DATADIR}\")
  set(DRSIM_MANDIR \"${CMAKE_INSTALL_MANDIR}\")
  set(DRSIM_DOCDIR \"${CMAKE_INSTALL_DOCDIR}\")
  set(DRSIM_STAGING \"${PROJECT_BINARY_DIR}/install-data\")
  include(\"${PROJECT_SOURCE_DIR}/cmake/install_data.cmake\")
")

set(CPACK_PACKAGE_NAME drsim)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "drsim team <drsim@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "simulator of mainframe disaster-recovery tests (z/OS, z/VM, Linux on System z)")
set(CPACK_GENERATOR DEB)
# The package installs under /usr; DESTDIR staging keeps CMAKE_INSTALL_PREFIX = /usr while
# installing, so the paths written into the man page and the scenarios are the final ones.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: libsimgrid3.32, libstdc++6, ... from the binary
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium")
include(CPack)
