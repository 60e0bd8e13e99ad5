# The profile reader takes what it checks from the probe's schema file, the one
# beside the package's modules: with a copy of the package whose schema says
# otherwise, the same good profile is refused for what that schema says.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
file(WRITE "${CMAKE_BINARY_DIR}/profile.json" "${CMAKE_MATCH_1}")
file(READ "${TorchCompat_DIR}/probe-schema.json" schema)

function(read_with_schema name from to expected)
  set(package "${CMAKE_BINARY_DIR}/${name}")
  file(COPY "${TorchCompat_DIR}/" DESTINATION "${package}")
  string(REPLACE "${from}" "${to}" edited "${schema}")
  if(edited STREQUAL schema AND NOT from STREQUAL to)
    message(FATAL_ERROR "${name}: the schema has no '${from}'")
  endif()
  file(WRITE "${package}/probe-schema.json" "${edited}")
  file(
    WRITE "${CMAKE_BINARY_DIR}/${name}.cmake"
    "include(\"${package}/Internal/machine/TorchCompatTargetProfile.cmake\")
_torchcompat_read_target_profile(\"${CMAKE_BINARY_DIR}/profile.json\" profile)
message(STATUS \"read: \${profile_SOURCE}\")
")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -P "${CMAKE_BINARY_DIR}/${name}.cmake"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  string(REGEX REPLACE "[ \t\r\n]+" " " output "${output}")
  if(expected STREQUAL "")
    if(NOT result EQUAL 0 OR NOT output MATCHES "read: target profile")
      message(FATAL_ERROR "${name}: result ${result}, expected the profile read:\n${output}")
    endif()
  elseif(result EQUAL 0 OR NOT output MATCHES "${expected}")
    message(FATAL_ERROR "${name}: result ${result}, expected a failure matching '${expected}':\n"
                        "${output}")
  endif()
endfunction()

# The unedited copy reads the profile: the edits below are what fails it.
read_with_schema(unedited "" "" "")
read_with_schema(version "\"const\": 1" "\"const\": 2" "reads schema_version 2")
read_with_schema(capability "[1-9][0-9]?\\\\.[0-9]$" "[1-9][0-9]?\\\\.[0-5]$"
                 "gives GPU 0's compute capability as '\"8\\.6\"'")
