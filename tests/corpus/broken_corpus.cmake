# Shared by the broken_*.cmake scripts: a scratch copy of the corpus to break, and the check's expected report.

# Sets ${out} to a fresh copy of ${CORPUS} named ${name} in the current binary directory.
function(copy_corpus name out)
  set(copy "${CMAKE_CURRENT_BINARY_DIR}/${name}")
  file(REMOVE_RECURSE "${copy}")
  file(COPY "${CORPUS}/" DESTINATION "${copy}")
  set(${out} "${copy}" PARENT_SCOPE)
endfunction()

# Runs `pattern-indexer --check` on ${copy}, removes the copy, and fails unless the check exits 1 with an error
# matching the regular expression ${expected}.
function(expect_check_error copy expected)
  execute_process(COMMAND "${INDEXER}" --check --corpus "${copy}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  file(REMOVE_RECURSE "${copy}")
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "expected exit 1, got ${rc}:\n${out}${err}")
  endif()
  string(REGEX MATCH "${expected}" found "${err}")
  if(NOT found)
    message(FATAL_ERROR "expected an error matching ${expected}, got:\n${err}")
  endif()
  message(STATUS "reported: ${found}")
endfunction()
