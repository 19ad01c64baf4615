# dx_add_fuzz(<name> TEST <ctest name> SOURCES ... [INCLUDES ...] [LIBS ...] [MAX_LEN n])
# One libFuzzer target per decoder, `dx_fuzz_<name>`. The code under test is compiled into the target
# (SOURCES), so libFuzzer's coverage sees it without -DDX_FUZZ. Its dictionary and seeds are
# tests/fuzz/<name>/<name>.dict and tests/fuzz/<name>/corpus. The suite runs each target for a short fixed
# number of runs (-runs=2000, inputs up to MAX_LEN) on a fresh scratch directory (libFuzzer adds new inputs
# to its first directory, never to the seeds); tests/fuzz/run-long.sh runs them for minutes.
# With clang each target is built here and its short run is the CTest test `<ctest name>`. With another
# compiler (g++: the dev preset) nothing is built here; dx_fuzz_short_runs() (called once every dx_add_fuzz
# ran) registers "fuzz: short runs", which builds the same targets with clang in <build>/fuzz-clang and
# gives each the same short run (tests/fuzz/run-short.sh). Every target lands in <build>/fuzz/.
function(dx_add_fuzz name)
  cmake_parse_arguments(F "" "TEST;MAX_LEN" "SOURCES;INCLUDES;LIBS" ${ARGN})
  if(NOT F_MAX_LEN)
    set(F_MAX_LEN 1024)
  endif()
  set_property(GLOBAL APPEND PROPERTY DX_FUZZ_TARGETS "${name} ${F_MAX_LEN}")
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    return()
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

# dx_fuzz_short_runs(): under a compiler other than clang, when a clang++ is installed (tools/setup.sh
# installs clang-19), writes <build>/fuzz-targets.txt (`name max_len` per dx_add_fuzz) and registers
# "fuzz: short runs" (tests/fuzz/run-short.sh). It compiles with both cores, so it runs alone (RUN_SERIAL);
# the first run builds the targets (≈ 20 s here), later ones rebuild only what changed (≈ 10 s in all). Skipped (exit 77) when
# no clang++ there can link libFuzzer.
function(dx_fuzz_short_runs)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    return()
  endif()
  find_program(DX_FUZZ_CLANGXX NAMES clang++ clang++-19 clang++-18 clang++-17 clang++-16 clang++-15 clang++-14)
  if(NOT DX_FUZZ_CLANGXX)
    message(STATUS "dx: no clang++: the fuzz targets' short runs are not part of this build's tests")
    return()
  endif()
  get_property(targets GLOBAL PROPERTY DX_FUZZ_TARGETS)
  list(JOIN targets "\n" lines)
  file(WRITE ${CMAKE_BINARY_DIR}/fuzz-targets.txt "${lines}\n")
  add_test(NAME "fuzz: short runs" COMMAND bash ${PROJECT_SOURCE_DIR}/tests/fuzz/run-short.sh ${CMAKE_BINARY_DIR})
  set_tests_properties("fuzz: short runs" PROPERTIES TIMEOUT 1800 RUN_SERIAL TRUE SKIP_RETURN_CODE 77)
endfunction()
