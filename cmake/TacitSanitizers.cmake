# Instrumented builds, each in its own build folder so they never mix with the normal objects:
#   -DTACIT_SANITIZE=ON  ASan + UBSan on every target; scripts/sanitize.sh runs the whole suite with it.
#   -DTACIT_FUZZ=ON      libFuzzer harnesses in fuzz/ (clang only, ASan + UBSan); scripts/fuzz.sh.
# Any report aborts the process (-fno-sanitize-recover), so a test or a fuzz run cannot pass over one.
option(TACIT_SANITIZE "Build every target with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(TACIT_FUZZ "Build the libFuzzer harnesses in fuzz/ (needs clang)" OFF)
# Instrumented code runs 2-4x slower: tests get TIMEOUT x this factor.
set(TACIT_TEST_TIMEOUT_SCALE 1 CACHE STRING "Multiplier for every test's TIMEOUT")

if(TACIT_SANITIZE OR TACIT_FUZZ)
  # -O1 and line tables only: quicker to build than -O2 -g on the 2-core CI, and enough for sanitizer
  # stack traces. Assertions stay on (no NDEBUG): a failed assert on bad input is a finding too.
  set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -g1")
  set(CMAKE_C_FLAGS_RELWITHDEBINFO "-O1 -g1")
  set(_tacit_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_tacit_sanitizers})
  add_link_options(${_tacit_sanitizers})
endif()

if(TACIT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TACIT_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Coverage for the fuzzer in every library; only the harnesses link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
