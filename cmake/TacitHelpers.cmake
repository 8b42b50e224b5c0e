# tacit_add_module(NAME <name> [LIBS ...]): one static library per core/ subfolder, built from
# every .cpp in that folder. Modules depend on each other only through LIBS.
function(tacit_add_module name)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  file(GLOB _sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp" "${CMAKE_CURRENT_SOURCE_DIR}/*.h")
  list(FILTER _sources INCLUDE REGEX ".*")
  set(_cpp ${_sources})
  list(FILTER _cpp INCLUDE REGEX "\\.cpp$")
  if(NOT _cpp)
    # Header-only for now: an interface target keeps dependents' link lines identical.
    add_library(tacit_${name} INTERFACE)
    target_include_directories(tacit_${name} INTERFACE "${PROJECT_SOURCE_DIR}")
    target_link_libraries(tacit_${name} INTERFACE ${ARG_LIBS})
  else()
    add_library(tacit_${name} STATIC ${_sources})
    target_include_directories(tacit_${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(tacit_${name} PUBLIC ${ARG_LIBS})
    set_target_properties(tacit_${name} PROPERTIES AUTOMOC ON POSITION_INDEPENDENT_CODE ON)
  endif()
  set_property(GLOBAL APPEND PROPERTY TACIT_CORE_MODULES tacit_${name})
endfunction()

# tacit_add_test(<name> SOURCES ... LIBS ... [GUI] [NEEDS_CLI] [TIMEOUT s] [LABELS ...]):
# NEEDS_CLI: the test runs tacit-cli (path in TACIT_CLI_PATH), so build it first.
# one Qt Test executable per class or feature. GUI tests run under the offscreen-safe xvfb wrapper
# that scripts/test.sh provides (QT_QPA_PLATFORM is left to the environment).
function(tacit_add_test name)
  cmake_parse_arguments(ARG "GUI;NEEDS_CLI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test)
  target_compile_definitions(${name} PRIVATE
    TACIT_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    TACIT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    TACIT_CLI_PATH="$<TARGET_FILE:tacit-cli>")
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  if(ARG_NEEDS_CLI)
    add_dependencies(${name} tacit-cli)
  endif()
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * ${TACIT_TEST_TIMEOUT_SCALE}")
  set(_labels ${ARG_LABELS})
  if(ARG_GUI)
    list(APPEND _labels gui)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${_labels}"
    ENVIRONMENT "TACIT_TEST_TMP=${CMAKE_BINARY_DIR}/test-tmp")
  if(ARG_GUI)
    # All GUI tests share one X server (scripts/test.sh): a window shown by a test running in parallel
    # takes keyboard activation, and window shortcuts then stop reaching the other test's window.
    set_tests_properties(${name} PROPERTIES RESOURCE_LOCK x-display)
  endif()
endfunction()
