# ctx.cmake - the stackful-context part of libyieldc: appends the context
# switch backend chosen by YC_CONTEXT and the target processor, the stacks
# and the AddressSanitizer fiber hooks to YC_RUNTIME_SOURCES. Included by
# runtime/CMakeLists.txt before its targets are made.
#
#   YC_CONTEXT=asm       x86_64/AMD64, 64-bit, ELF  src/ctx_x86_64_sysv_elf.S
#                        aarch64/arm64, ELF         src/ctx_arm64_aapcs_elf.S
#                        anything else              src/ctx_ucontext.c
#   YC_CONTEXT=ucontext  everywhere                 src/ctx_ucontext.c
#
# Every backend keeps struct yc__ctx one pointer wide (src/ctx.h), so code
# that includes ctx.h needs no definition that says which one was built.

string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _yc_cpu)
# The .S files are ELF objects (.type, .size, .note.GNU-stack): not for
# Mach-O or PE/COFF.
if(APPLE OR WIN32 OR CYGWIN)
  set(_yc_elf FALSE)
else()
  set(_yc_elf TRUE)
endif()

set(YC_CONTEXT_BACKEND ucontext)
if(YC_CONTEXT STREQUAL "asm" AND _yc_elf AND CMAKE_SIZEOF_VOID_P EQUAL 8)
  if(_yc_cpu MATCHES "^(x86_64|amd64)$")
    set(YC_CONTEXT_BACKEND x86_64_sysv_elf)
  elseif(_yc_cpu MATCHES "^(aarch64|arm64)$")
    set(YC_CONTEXT_BACKEND arm64_aapcs_elf)
  endif()
endif()

if(YC_CONTEXT_BACKEND STREQUAL "ucontext")
  list(APPEND YC_RUNTIME_SOURCES src/ctx_ucontext.c)
  if(YC_CONTEXT STREQUAL "asm")
    message(STATUS "Context switch: no assembly for '${CMAKE_SYSTEM_PROCESSOR}'"
                   ", using the ucontext fallback")
  endif()
else()
  set(_yc_ctx_asm "src/ctx_${YC_CONTEXT_BACKEND}.S")
  list(APPEND YC_RUNTIME_SOURCES "${_yc_ctx_asm}")
  # CMake's ASM language drives the C compiler, which runs the
  # preprocessor on .S files (for the __CET__ and BTI conditionals).
  enable_language(ASM)
endif()
message(STATUS "Context switch: ${YC_CONTEXT_BACKEND} (YC_CONTEXT=${YC_CONTEXT})")

list(APPEND YC_RUNTIME_SOURCES
  src/stack.c
  src/fiber.c
)
