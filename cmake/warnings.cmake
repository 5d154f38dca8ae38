# Warning flags live in one INTERFACE target that every project target links PRIVATE.
add_library(pai_warnings INTERFACE)
target_compile_options(pai_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                       -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
if(PAI_WERROR)
  target_compile_options(pai_warnings INTERFACE -Werror)
endif()
add_library(pai::warnings ALIAS pai_warnings)
