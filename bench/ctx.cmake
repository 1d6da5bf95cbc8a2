# ctx.cmake - the context-switch benchmark (row 6): ctx_bench (ctx_bench.c,
# and the Boost.Context baseline ctx_boost.cpp built with the C++ compiler
# at -O2). Included by bench/CMakeLists.txt; adds the target ctx_bench (not
# part of `all`) and the target bench_ctx that runs it; the `bench` target
# runs it through run_bench.py. Needs a C++ compiler and Boost.Context
# (Debian: g++ libboost-context-dev); without them it says so and adds
# nothing. GNU Pth (libpth-dev) adds a fourth method when it is found. Not
# in sanitizer builds: the benchmark switches stacks without telling
# AddressSanitizer, and the numbers would mean nothing anyway.

if(YC_SANITIZE)
  message(STATUS "ctx_bench: not built with YC_SANITIZE")
  return()
endif()

include(CheckLanguage)
check_language(CXX)
if(NOT CMAKE_CXX_COMPILER)
  message(STATUS "ctx_bench: no C++ compiler, skipped")
  return()
endif()
enable_language(CXX)

find_package(Boost 1.66 QUIET COMPONENTS context)
if(NOT TARGET Boost::context)
  message(STATUS "ctx_bench: Boost.Context not found (Debian: "
                 "apt-get install libboost-context-dev), skipped")
  return()
endif()

add_executable(ctx_bench EXCLUDE_FROM_ALL
  "${CMAKE_CURRENT_LIST_DIR}/ctx_bench.c"
  "${CMAKE_CURRENT_LIST_DIR}/ctx_boost.cpp")
# Both sides at -O2 whatever the build type, as the issue's baseline asks.
target_compile_options(ctx_bench PRIVATE -O2)
target_link_libraries(ctx_bench PRIVATE yieldc_static Boost::context)

find_path(YC_PTH_INCLUDE pth.h)
find_library(YC_PTH_LIBRARY pth)
if(YC_PTH_INCLUDE AND YC_PTH_LIBRARY)
  target_compile_definitions(ctx_bench PRIVATE CTX_HAVE_PTH)
  target_include_directories(ctx_bench PRIVATE "${YC_PTH_INCLUDE}")
  target_link_libraries(ctx_bench PRIVATE "${YC_PTH_LIBRARY}")
else()
  message(STATUS "ctx_bench: GNU Pth not found (Debian: apt-get install "
                 "libpth-dev), its row is skipped")
endif()

add_custom_target(bench_ctx
  COMMAND ctx_bench
  DEPENDS ctx_bench
  COMMENT "Running the context-switch benchmark"
  USES_TERMINAL)
