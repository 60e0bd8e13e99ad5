# The second identical selection - its keywords in another order, its results
# in other variables - is answered from what the first remembered, warning
# included. To tell a remembered answer from one worked out again, the test
# marks the one remembered answer in the cache before asking again.
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS "")

get_directory_property(before CACHE_VARIABLES)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url_1
  VARIANT_VARIABLE variant_1
  REASON_VARIABLE reason_1)
get_directory_property(after_first CACHE_VARIABLES)

# The remembered answer: the one new cache entry that holds the URL.
set(remembered "")
foreach(entry IN LISTS after_first)
  if(NOT entry IN_LIST before)
    string(FIND "$CACHE{${entry}}" "${url_1}" at)
    if(at GREATER -1)
      list(APPEND remembered "${entry}")
    endif()
  endif()
endforeach()
list(LENGTH remembered count)
if(NOT count EQUAL 1 OR NOT variant_1 STREQUAL "cpu")
  message(FATAL_ERROR "the first selection (${variant_1} ${url_1}) remembered ${count} answers "
                      "holding its URL, expected 1")
endif()
string(REPLACE "${url_1}" "${url_1}#remembered" marked "$CACHE{${remembered}}")
set(${remembered} "${marked}" CACHE INTERNAL "a marked answer")

torchcompat_select_libtorch(
  REASON_VARIABLE reason_2
  VARIANT_VARIABLE variant_2
  PLATFORM linux
  URL_VARIABLE url_2
  VERSION 2.4.0)
get_directory_property(after_second CACHE_VARIABLES)
if(NOT url_2 STREQUAL "${url_1}#remembered")
  message(FATAL_ERROR "the second selection was worked out again: '${url_2}'")
endif()
if(NOT variant_2 STREQUAL variant_1 OR NOT reason_2 STREQUAL reason_1)
  message(FATAL_ERROR "the second selection differs: ${variant_2} (${reason_2})")
endif()
if(NOT after_second STREQUAL after_first)
  message(FATAL_ERROR "the second selection added to the cache")
endif()

# Another question is not answered with the marked answer.
torchcompat_select_libtorch(VERSION 2.3.0 PLATFORM linux URL_VARIABLE url_3)
if(url_3 MATCHES "#remembered" OR NOT url_3 MATCHES "2\\.3\\.0")
  message(FATAL_ERROR "another version got another's answer: '${url_3}'")
endif()
