# yieldc_add_sources(): translate coroutine C sources as part of a target.
#
# Shipped with the installed CMake package (lib/cmake/yieldc) and used by
# the build tree too. It needs the targets yieldc::translator (the yieldc
# executable) and yieldc::yieldc (the static runtime), which the package's
# exported targets, or the build tree's aliases, provide.
include_guard(GLOBAL)
include(CheckCCompilerFlag)

# yieldc_add_sources(TARGET src.c...)
#
# For each source, adds a custom command that runs the translator on it and
# writes <current binary dir>/<TARGET>.yieldc/<name>.yc.c, then adds the
# outputs to TARGET's sources and links TARGET with yieldc::yieldc. The
# sources themselves go to compile_commands.json for editors, with the
# flags under which they parse (<TARGET>_yieldc_editor, never built).
#
# The translator gets TARGET's include directories, compile definitions and
# C standard (including those it inherits from linked targets, so the
# runtime's include directory too) after `--`, as libclang must parse the
# file the way the compiler will. A translation is redone when the source,
# the translator or any header the source includes changes: with GCC or
# Clang the command also runs the C compiler with -MM on the source and
# hands the result to CMake as a DEPFILE; with another compiler and a
# Makefile generator, CMake scans the includes itself (IMPLICIT_DEPENDS).
#
# The translated file lives in the binary dir, so `#include "x.h"` next to
# the source would not be found from there: its compile gets
# -iquote<source dir>. Generated step functions may leave resume labels
# unused, so -Wno-unused-label is added to those files alone.
function(yieldc_add_sources target)
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "yieldc_add_sources: '${target}' is not a target")
  endif()
  target_link_libraries("${target}" PRIVATE yieldc::yieldc)

  # Flags of TARGET, evaluated at generate time; COMMAND_EXPAND_LISTS
  # turns each list into separate arguments.
  set(incs "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(std "$<TARGET_PROPERTY:${target},C_STANDARD>")
  set(ext "$<TARGET_PROPERTY:${target},C_EXTENSIONS>")
  set(flags
    "$<$<BOOL:${incs}>:-I$<JOIN:${incs},$<SEMICOLON>-I>>"
    "$<$<BOOL:${defs}>:-D$<JOIN:${defs},$<SEMICOLON>-D>>"
    "$<$<BOOL:${std}>:-std=$<IF:$<BOOL:${ext}>,gnu,c>${std}>")

  set(gnu_like FALSE)
  if(CMAKE_C_COMPILER_ID MATCHES "^(GNU|Clang|AppleClang)$")
    set(gnu_like TRUE)
    check_c_compiler_flag(-fstack-clash-protection YC_HAVE_STACK_CLASH)
  endif()

  set(outdir "${CMAKE_CURRENT_BINARY_DIR}/${target}.yieldc")
  foreach(src IN LISTS ARGN)
    get_filename_component(abs "${src}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(srcdir "${abs}" DIRECTORY)
    # Keep the source's path below the source dir, so that a.c and sub/a.c
    # do not collide.
    file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${abs}")
    if(rel MATCHES "^\\.\\./" OR IS_ABSOLUTE "${rel}")
      get_filename_component(rel "${abs}" NAME)
    endif()
    string(REGEX REPLACE "\\.c$" "" rel "${rel}")
    set(out "${outdir}/${rel}.yc.c")
    set(dep "${outdir}/${rel}.yc.c.d")
    get_filename_component(dir "${out}" DIRECTORY)
    file(MAKE_DIRECTORY "${dir}")

    if(gnu_like)
      set(depend_args
        COMMAND "${CMAKE_C_COMPILER}" ${flags} -MM -MT "${out}" -MF "${dep}"
                "${abs}"
        DEPFILE "${dep}")
    elseif(CMAKE_GENERATOR MATCHES "Make")
      set(depend_args IMPLICIT_DEPENDS C "${abs}")
    else()
      set(depend_args "")
      message(WARNING "yieldc_add_sources: ${src} is not retranslated "
                      "when a header it includes changes (no GCC or Clang "
                      "and no Makefile generator)")
    endif()

    add_custom_command(
      OUTPUT "${out}"
      COMMAND yieldc::translator "${abs}" -o "${out}" -- ${flags}
      ${depend_args}
      DEPENDS yieldc::translator "${abs}"
      COMMENT "Translating ${src} with yieldc"
      COMMAND_EXPAND_LISTS
      VERBATIM)
    set_source_files_properties("${out}" PROPERTIES GENERATED TRUE)
    if(gnu_like)
      # Stack-clash probing, as in yieldc-cc (docs/runtime/stackful.md).
      set(probe "")
      if(YC_HAVE_STACK_CLASH)
        set(probe ";-fstack-clash-protection")
      endif()
      set_source_files_properties("${out}" PROPERTIES
        COMPILE_OPTIONS "-iquote${srcdir};-Wno-unused-label${probe}")
    else()
      set_source_files_properties("${out}" PROPERTIES
        INCLUDE_DIRECTORIES "${srcdir}")
    endif()
    target_sources("${target}" PRIVATE "${out}")
  endforeach()
  _yieldc_editor_sources("${target}" ${ARGN})
endfunction()

# Editors (clangd and other libclang-based tools) read the original
# sources with the flags of compile_commands.json; TARGET lists only the
# translations there. An object library that is never built lists the
# originals with TARGET's flags and -DYC__TRANSLATING, under which the
# markers parse as the translator parses them.
function(_yieldc_editor_sources target)
  set(lib "${target}_yieldc_editor")
  if(NOT TARGET "${lib}")
    add_library("${lib}" OBJECT EXCLUDE_FROM_ALL)
    target_link_libraries("${lib}" PRIVATE yieldc::yieldc)
    target_include_directories("${lib}" PRIVATE
      "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
    target_compile_definitions("${lib}" PRIVATE YC__TRANSLATING
      "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
    # The standard as the translator gets it (yieldc_add_sources).
    set(std "$<TARGET_PROPERTY:${target},C_STANDARD>")
    set(ext "$<TARGET_PROPERTY:${target},C_EXTENSIONS>")
    target_compile_options("${lib}" PRIVATE
      "$<TARGET_PROPERTY:${target},COMPILE_OPTIONS>"
      "$<$<BOOL:${std}>:-std=$<IF:$<BOOL:${ext}>,gnu,c>${std}>")
  endif()
  target_sources("${lib}" PRIVATE ${ARGN})
endfunction()
