# Build-time translation of coroutine C sources with the yieldc translator.
include_guard(GLOBAL)

# yieldc_add_sources(target src.c...), the function the installed package
# provides (see YieldcAddSources.cmake): it translates with
# yieldc::translator and links yieldc::yieldc, which are aliases of the
# yieldc and yieldc_static targets here.
include("${CMAKE_CURRENT_LIST_DIR}/YieldcAddSources.cmake")

# yieldc_translate(OUT_VAR src.c... [INCLUDES dir...])
#
# Adds a custom command per source that runs the yieldc target on it and
# writes ${CMAKE_CURRENT_BINARY_DIR}/<name>.yc.c, and appends the outputs to
# OUT_VAR in the caller's scope. The runtime headers and every INCLUDES
# directory (relative ones are taken from the current source dir) are
# passed to libclang with -I. A source is retranslated when it or the
# translator changes; headers it includes are not tracked.
function(yieldc_translate out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "INCLUDES")
  set(include_flags "-I${yieldc_SOURCE_DIR}/runtime/include")
  foreach(dir IN LISTS arg_INCLUDES)
    get_filename_component(dir "${dir}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND include_flags "-I${dir}")
  endforeach()

  set(outputs "")
  foreach(src IN LISTS arg_UNPARSED_ARGUMENTS)
    get_filename_component(abs "${src}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(name "${src}" NAME_WLE)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}.yc.c")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND $<TARGET_FILE:yieldc> "${abs}" -o "${out}" -- ${include_flags}
      DEPENDS yieldc "${abs}"
      COMMENT "Translating ${src}"
      VERBATIM)
    list(APPEND outputs "${out}")
  endforeach()
  set(${out_var} ${${out_var}} ${outputs} PARENT_SCOPE)
endfunction()

# yieldc_add_example(NAME src.c... [INCLUDES dir...])
#
# Translates the sources with yieldc_add_sources() and builds them into
# executable NAME linked with the static runtime, so a header a source
# includes is tracked. The current source dir and INCLUDES are on the
# include path, so `#include "x.h"` in a translated file still finds x.h.
function(yieldc_add_example name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "INCLUDES")
  add_executable(${name})
  target_include_directories(${name} PRIVATE
                             "${CMAKE_CURRENT_SOURCE_DIR}" ${arg_INCLUDES})
  yieldc_add_sources(${name} ${arg_UNPARSED_ARGUMENTS})
endfunction()
