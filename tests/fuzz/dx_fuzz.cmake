# dx_add_fuzz(<name> TEST <ctest name> SOURCES ... [INCLUDES ...] [LIBS ...] [MAX_LEN n])
# One libFuzzer target per decoder, `dx_fuzz_<name>`, with clang only (elsewhere nothing: the Catch2 replay
# tests check the same properties on the seed corpus). The code under test is compiled into the target
# (SOURCES), so libFuzzer's coverage sees it without -DDX_FUZZ. Its dictionary and seeds are
# tests/fuzz/<name>/<name>.dict and tests/fuzz/<name>/corpus. The suite runs each target for a short fixed
# number of runs (`<ctest name>`: -runs=2000, inputs up to MAX_LEN) on a fresh scratch directory (libFuzzer
# adds new inputs to its first directory, never to the seeds); tests/fuzz/run-long.sh runs them for minutes.
# Every target lands in <build>/fuzz/ so the script finds them by name.
function(dx_add_fuzz name)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    return()
  endif()
  cmake_parse_arguments(F "" "TEST;MAX_LEN" "SOURCES;INCLUDES;LIBS" ${ARGN})
  if(NOT F_MAX_LEN)
    set(F_MAX_LEN 1024)
  endif()
  set(target dx_fuzz_${name})
  add_executable(${target} ${F_SOURCES})
  target_include_directories(${target} PRIVATE ${F_INCLUDES})
  target_link_libraries(${target} PRIVATE ${F_LIBS} dx_warnings)
  target_compile_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  set(data ${PROJECT_SOURCE_DIR}/tests/fuzz/${name})
  set(scratch ${CMAKE_BINARY_DIR}/fuzz/${name}_smoke)
  add_test(NAME ${F_TEST}
    COMMAND sh -c "rm -rf \"$1\" && mkdir -p \"$1\" && exec \"$2\" -runs=2000 -max_len=$3 -dict=\"$4\" \"$1\" \"$5\""
            sh ${scratch} $<TARGET_FILE:${target}> ${F_MAX_LEN} ${data}/${name}.dict ${data}/corpus)
endfunction()
