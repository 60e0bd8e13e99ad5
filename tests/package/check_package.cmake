# The release packages, made and used as a person would (cmake -P).
#
#   -DMODE=build  runs cpack in BUILD_DIR into OUT_DIR and checks that the
#                 .tar.gz and the .deb are there, named with the version.
#   -DMODE=tgz    unpacks the .tar.gz into WORK_DIR/prefix;
#   -DMODE=deb    extracts the .deb with dpkg-deb -x into WORK_DIR/root (its
#                 files land in WORK_DIR/root/usr) and checks its control fields;
#                 then both configure CONSUMER_DIR against the unpacked tree,
#                 run its bin/torchcompat --version and bin/torchcompat-probe
#                 --version, and check that no installed text file names the
#                 source or build tree (the tree must work wherever it lies).
# The expected version is read from VERSION_FILE, the version's one home.
cmake_minimum_required(VERSION 3.22...4.4)

foreach(input IN ITEMS MODE OUT_DIR VERSION_FILE)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "check_package.cmake needs -D${input}=...")
  endif()
endforeach()
include("${VERSION_FILE}")
set(version "${_TORCHCOMPAT_VERSION}")

function(run_checked what)
  execute_process(
    COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE error)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${result}):\n${output}\n${error}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()

function(package_file pattern out_var)
  file(GLOB found "${OUT_DIR}/${pattern}")
  list(LENGTH found count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one ${pattern} in ${OUT_DIR}, found ${count}: ${found}")
  endif()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

function(check_tree prefix)
  # The consumer: find_package against the unpacked tree, and the guard with its probe.
  set(consumer_build "${WORK_DIR}/consumer")
  file(REMOVE_RECURSE "${consumer_build}")
  run_checked(
    "configuring the consumer against ${prefix}"
    "${CMAKE_COMMAND}"
    -E
    env
    TORCHCOMPAT_OVERRIDE_DRIVER=550.54.14
    TORCHCOMPAT_OVERRIDE_CUDA=12.4
    TORCHCOMPAT_OVERRIDE_GPU_ARCHS=8.6
    "TORCHCOMPAT_PROBE_CACHE_DIR=${WORK_DIR}/probe-answers"
    "${CMAKE_COMMAND}"
    -S
    "${CONSUMER_DIR}"
    -B
    "${consumer_build}"
    "-DPACKAGE_PREFIX=${prefix}"
    "-DEXPECTED_VERSION=${version}"
    -DTORCHCOMPAT_PYTHON=OFF)
  if(NOT output MATCHES "TorchCompat: torch 2\\.4\\.0 \\(cu121\\): every check passed")
    message(FATAL_ERROR "the consumer's guard did not pass:\n${output}")
  endif()
  run_checked("${prefix}/bin/torchcompat --version" "${prefix}/bin/torchcompat" --version)
  if(NOT output STREQUAL "torchcompat ${version}\n")
    message(FATAL_ERROR "torchcompat --version printed '${output}', not 'torchcompat ${version}'")
  endif()
  run_checked("${prefix}/bin/torchcompat-probe --version" "${prefix}/bin/torchcompat-probe"
              --version)
  if(NOT output STREQUAL "torchcompat-probe ${version}\n")
    message(FATAL_ERROR "torchcompat-probe --version printed '${output}', not "
                        "'torchcompat-probe ${version}'")
  endif()
  foreach(doc IN ITEMS LICENSE CHANGELOG.md README.md)
    if(NOT EXISTS "${prefix}/share/doc/torchcompat/${doc}")
      message(FATAL_ERROR "the package lacks share/doc/torchcompat/${doc}")
    endif()
  endforeach()
  file(GLOB_RECURSE text_files "${prefix}/lib/*.cmake" "${prefix}/bin/torchcompat")
  foreach(text_file IN LISTS text_files)
    file(READ "${text_file}" text)
    foreach(tree IN ITEMS "${SOURCE_DIR}" "${BUILD_DIR}")
      string(FIND "${text}" "${tree}" at)
      if(NOT at EQUAL -1)
        message(FATAL_ERROR "${text_file} names '${tree}': the package is not relocatable")
      endif()
    endforeach()
  endforeach()
endfunction()

if(MODE STREQUAL "build")
  file(REMOVE_RECURSE "${OUT_DIR}")
  run_checked("cpack" "${CPACK_COMMAND}" --config "${BUILD_DIR}/CPackConfig.cmake" -B "${OUT_DIR}")
  package_file("torchcompat-${version}-*.tar.gz" tgz)
  package_file("torchcompat_${version}_*.deb" deb)
elseif(MODE STREQUAL "tgz")
  package_file("torchcompat-${version}-*.tar.gz" tgz)
  file(REMOVE_RECURSE "${WORK_DIR}")
  file(MAKE_DIRECTORY "${WORK_DIR}/prefix")
  run_checked(
    "unpacking ${tgz}"
    "${CMAKE_COMMAND}"
    -E
    chdir
    "${WORK_DIR}/prefix"
    "${CMAKE_COMMAND}"
    -E
    tar
    xzf
    "${tgz}")
  # One top folder, named as the archive: unpack it anywhere.
  get_filename_component(top "${tgz}" NAME)
  string(REGEX REPLACE "\\.tar\\.gz$" "" top "${top}")
  if(NOT IS_DIRECTORY "${WORK_DIR}/prefix/${top}/bin")
    message(FATAL_ERROR "${tgz} has no top folder ${top}/ with bin/ in it")
  endif()
  check_tree("${WORK_DIR}/prefix/${top}")
elseif(MODE STREQUAL "deb")
  package_file("torchcompat_${version}_*.deb" deb)
  find_program(dpkg_deb dpkg-deb)
  if(NOT dpkg_deb)
    # ctest reports this as skipped (SKIP_REGULAR_EXPRESSION), never as passed.
    message(FATAL_ERROR "dpkg-deb is not installed: the .deb cannot be checked here")
  endif()
  file(REMOVE_RECURSE "${WORK_DIR}")
  file(MAKE_DIRECTORY "${WORK_DIR}")
  run_checked("dpkg-deb -x ${deb}" "${dpkg_deb}" -x "${deb}" "${WORK_DIR}/root")
  foreach(field_and_pattern IN ITEMS "Package|^torchcompat$" "Version|^${version}$"
                                     "Maintainer|^[^<]+ <[^>]+>$" "Depends|cmake \\(>= 3\\.22\\)")
    string(REPLACE "|" ";" field_and_pattern "${field_and_pattern}")
    list(GET field_and_pattern 0 field)
    list(GET field_and_pattern 1 pattern)
    run_checked("dpkg-deb -f ${deb} ${field}" "${dpkg_deb}" -f "${deb}" "${field}")
    string(STRIP "${output}" output)
    if(NOT output MATCHES "${pattern}")
      message(FATAL_ERROR "the .deb's ${field} is '${output}', which does not match '${pattern}'")
    endif()
  endforeach()
  check_tree("${WORK_DIR}/root/usr")
else()
  message(FATAL_ERROR "check_package.cmake: MODE is build, tgz or deb, not '${MODE}'")
endif()
message(STATUS "package ${MODE}: checked (TorchCompat ${version})")
