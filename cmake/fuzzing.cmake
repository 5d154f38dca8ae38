# PAI_FUZZ: a clang tree (scripts/test builds it as build-fuzz) with only the libraries and the libFuzzer
# targets of tests/fuzz, every object instrumented for coverage and built with ASan and UBSan. Warnings
# are the gcc trees' business; here they would only bury the fuzzers' output.
option(PAI_FUZZ "Build only the libFuzzer targets (needs clang)" OFF)
if(PAI_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PAI_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # -O1 and line tables only: fast enough to fuzz, quick to build, symbolised reports.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer -O1 -gline-tables-only -w)
  add_link_options(-fsanitize=address,undefined)
endif()
