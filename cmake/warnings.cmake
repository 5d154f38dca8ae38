# Warning flags live in one INTERFACE target that every project target links PRIVATE.
add_library(pai_warnings INTERFACE)
target_compile_options(pai_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                       -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
# GCC 12 reports false -Wrestrict positives on std::string concatenation at -O2 and above (GCC bug 105651).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(pai_warnings INTERFACE -Wno-restrict)
endif()
if(PAI_WERROR)
  target_compile_options(pai_warnings INTERFACE -Werror)
endif()
add_library(pai::warnings ALIAS pai_warnings)
