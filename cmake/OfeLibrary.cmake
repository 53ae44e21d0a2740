# ofe_layer(NAME DEPS...): one static library per layer folder, sources globbed so a
# new class file needs no CMake edit. Headers are included as "<layer>/<File>.h".
function(ofe_layer name)
  file(GLOB _src CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  if(_src)
    add_library(ofe_${name} STATIC ${_src})
    target_include_directories(ofe_${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(ofe_${name} PUBLIC ${ARGN})
  else()
    add_library(ofe_${name} INTERFACE)
    target_include_directories(ofe_${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(ofe_${name} INTERFACE ${ARGN})
  endif()
endfunction()

# ofe_test_suite(NAME DEPS...): one GoogleTest executable per tests/<NAME>/ folder.
function(ofe_test_suite name)
  file(GLOB _src CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cc)
  if(NOT _src)
    return()
  endif()
  add_executable(ofe_test_${name} ${_src})
  target_link_libraries(ofe_test_${name} PRIVATE ${ARGN} GTest::gtest GTest::gtest_main)
  target_compile_definitions(ofe_test_${name} PRIVATE
    OFE_SOURCE_DIR="${PROJECT_SOURCE_DIR}" OFE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(ofe_test_${name} PROPERTIES LABELS quick
    DISCOVERY_TIMEOUT 60 WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
endfunction()
