# Every official URL of tests/urls/official-urls.tsv, through the public selector.
get_filename_component(source_dir "${TorchCompat_DATA_DIR}/.." ABSOLUTE)
file(STRINGS "${source_dir}/tests/urls/official-urls.tsv" rows REGEX "^https://")
set(count 0)
foreach(row IN LISTS rows)
  string(REPLACE "\t" ";" fields "${row}")
  list(GET fields 0 expected)
  list(GET fields 1 request)
  string(REPLACE " " ";" request "${request}")
  list(GET request 0 version)
  list(GET request 1 variant)
  list(GET request 2 platform)
  list(GET request 3 abi)
  list(GET request 4 config)
  string(REGEX REPLACE "-.*" "" os "${platform}")
  string(REGEX REPLACE "^[^-]*-" "" arch "${platform}")
  set(abi_args "")
  if(NOT abi STREQUAL "none")
    set(abi_args ABI "${abi}")
  endif()
  torchcompat_select_libtorch(
    VERSION "${version}"
    VARIANT "${variant}"
    PLATFORM "${os}"
    ARCH "${arch}" ${abi_args}
    CONFIG "${config}"
    URL_VARIABLE url)
  if(NOT url STREQUAL expected)
    message(
      FATAL_ERROR
        "${version} ${variant} ${platform} ${abi} ${config}:\n  got      ${url}\n  expected ${expected}"
    )
  endif()
  math(EXPR count "${count} + 1")
endforeach()
if(count LESS 30)
  message(FATAL_ERROR "only ${count} official URLs checked")
endif()
message(STATUS "${count} official URLs reproduced")
