# micro.cmake - the micro-benchmarks of issue 8 (rows 1-5, 7 and 8):
# bench_micro (micro_bench.c and micro_sched.c translated by yieldc, the
# plain C and pthread baselines in micro_base.c, the C++20 baselines in
# micro_cpp20.cpp). Included by bench/CMakeLists.txt; adds the target
# bench_micro that builds and runs it (not part of `all`); the `bench`
# target runs it through run_bench.py. The C++20 baselines are compiled by
# clang++ -std=c++20 -O2 whatever the project's C++ compiler is, because
# the issue's baseline is clang's coroutine lowering (frame elision);
# without clang++ they are left out and the program says so. Not in
# sanitizer builds: the numbers would mean nothing.

if(YC_SANITIZE)
  message(STATUS "bench_micro: not built with YC_SANITIZE")
  return()
endif()

yieldc_translate(micro_bench_src micro_bench.c micro_sched.c INCLUDES .)
set(micro_sources ${micro_bench_src}
                  "${CMAKE_CURRENT_LIST_DIR}/micro_base.c")

find_program(YC_CLANGXX NAMES clang++ clang++-14)
if(YC_CLANGXX)
  set(micro_cpp_obj "${CMAKE_CURRENT_BINARY_DIR}/micro_cpp20.o")
  add_custom_command(
    OUTPUT "${micro_cpp_obj}"
    COMMAND "${YC_CLANGXX}" -std=c++20 -O2
            "-I${CMAKE_CURRENT_LIST_DIR}" -c
            "${CMAKE_CURRENT_LIST_DIR}/micro_cpp20.cpp" -o "${micro_cpp_obj}"
    DEPENDS "${CMAKE_CURRENT_LIST_DIR}/micro_cpp20.cpp"
            "${CMAKE_CURRENT_LIST_DIR}/micro_base.h"
    COMMENT "Compiling micro_cpp20.cpp with clang++ -O2"
    VERBATIM)
  set_source_files_properties("${micro_cpp_obj}" PROPERTIES
                              EXTERNAL_OBJECT TRUE GENERATED TRUE)
  list(APPEND micro_sources "${micro_cpp_obj}")
else()
  message(STATUS "bench_micro: clang++ not found, C++20 baselines skipped")
endif()

add_executable(bench_micro_prog EXCLUDE_FROM_ALL ${micro_sources})
set_target_properties(bench_micro_prog PROPERTIES OUTPUT_NAME bench_micro)
target_include_directories(bench_micro_prog PRIVATE
                           "${CMAKE_CURRENT_LIST_DIR}")
# Both sides at -O2 whatever the build type, as the issue's baseline asks.
target_compile_options(bench_micro_prog PRIVATE -O2 -Wno-unused-label)
target_link_libraries(bench_micro_prog PRIVATE yieldc_static)
if(YC_CLANGXX)
  target_compile_definitions(bench_micro_prog PRIVATE MICRO_HAVE_CPP20)
  target_link_libraries(bench_micro_prog PRIVATE stdc++)
endif()

add_custom_target(bench_micro
  COMMAND bench_micro_prog --csv "${CMAKE_CURRENT_BINARY_DIR}/micro.csv"
  COMMAND ${CMAKE_COMMAND} -E echo
          "CSV: ${CMAKE_CURRENT_BINARY_DIR}/micro.csv"
  DEPENDS bench_micro_prog
  COMMENT "Running the micro-benchmarks (rows 1-5, 7 and 8 of issue 8)"
  USES_TERMINAL)
