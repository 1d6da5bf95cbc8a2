# threads.cmake - row 11 (issue 14): threads_bench, translated by yieldc,
# and its Go counterpart bench/go/threads.go, which threads_bench.py
# builds with `go build` when Go is installed. Included by
# bench/CMakeLists.txt; not in sanitizer builds.

if(YC_SANITIZE)
  return()
endif()

yieldc_translate(threads_bench_src threads_bench.c)
add_executable(threads_bench EXCLUDE_FROM_ALL ${threads_bench_src})
target_compile_options(threads_bench PRIVATE -O2)
target_link_libraries(threads_bench PRIVATE yieldc_static)
