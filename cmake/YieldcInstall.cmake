# Install rules of yieldc: `cmake --install build [--prefix DIR]` installs
#
#   bin/yieldc, bin/yieldc-cc                 translator, compiler wrapper
#   lib/libyieldc.a, lib/libyieldc.so         runtime, static and shared
#   include/yieldc.h, include/yieldc/*.h      runtime headers
#   lib/cmake/yieldc/                         find_package(yieldc)
#   lib/pkgconfig/yieldc.pc                   pkg-config
#   share/man/man1/yieldc.1                   man page
#   share/yieldc/gdb/yieldc-gdb.py            gdb commands for coroutines
#
# Every installed file finds the others by relative paths (yieldc finds
# ../include/yieldc.h, yieldc-cc finds ../lib, the .pc file uses
# ${pcfiledir}), so the prefix given at install time may differ from
# CMAKE_INSTALL_PREFIX.
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

set(YC_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/yieldc")

install(TARGETS yieldc yieldc_static yieldc_shared
  EXPORT yieldcTargets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/runtime/include/yieldc.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/runtime/include/yieldc/abi.h"
  "${PROJECT_SOURCE_DIR}/runtime/include/yieldc/coroutine.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/yieldc")

# The CMake package.
install(EXPORT yieldcTargets
  NAMESPACE yieldc::
  DESTINATION "${YC_CMAKE_DIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/yieldcConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/yieldcConfig.cmake"
  INSTALL_DESTINATION "${YC_CMAKE_DIR}")
# 0.x: a minor version may break compatibility.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/yieldcConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/yieldcConfig.cmake"
  "${PROJECT_BINARY_DIR}/yieldcConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/YieldcAddSources.cmake"
  DESTINATION "${YC_CMAKE_DIR}")

# Relative paths from one installed directory to another, for files that
# locate the prefix at run time.
file(RELATIVE_PATH YC_PC_TO_PREFIX
     "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" YC_PC_TO_PREFIX "${YC_PC_TO_PREFIX}")
file(RELATIVE_PATH YC_BIN_TO_PREFIX "/${CMAKE_INSTALL_BINDIR}" "/")
string(REGEX REPLACE "/$" "" YC_BIN_TO_PREFIX "${YC_BIN_TO_PREFIX}")

# The pkg-config file.
configure_file("${PROJECT_SOURCE_DIR}/runtime/yieldc.pc.in"
               "${PROJECT_BINARY_DIR}/yieldc.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/yieldc.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# The compiler wrapper for make-based projects; it compiles with the C
# compiler this build was configured with unless given --cc=CC.
configure_file("${PROJECT_SOURCE_DIR}/compiler/yieldc-cc.in"
               "${PROJECT_BINARY_DIR}/yieldc-cc" @ONLY)
install(PROGRAMS "${PROJECT_BINARY_DIR}/yieldc-cc"
  DESTINATION "${CMAKE_INSTALL_BINDIR}")

install(FILES "${PROJECT_SOURCE_DIR}/docs/yieldc.1"
  DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

# Loaded by hand (gdb -x, or `source` in .gdbinit): see
# docs/runtime/debugging.md.
install(FILES "${PROJECT_SOURCE_DIR}/runtime/gdb/yieldc-gdb.py"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/yieldc/gdb")
