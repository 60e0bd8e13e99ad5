# The second identical selection is answered from the cache, warning included.
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS "")
foreach(round IN ITEMS 1 2)
  torchcompat_select_libtorch(
    VERSION 2.4.0
    PLATFORM linux
    URL_VARIABLE url_${round}
    VARIANT_VARIABLE variant_${round}
    REASON_VARIABLE reason_${round})
endforeach()
if(NOT url_1 STREQUAL url_2 OR NOT variant_2 STREQUAL "cpu" OR NOT reason_1 STREQUAL reason_2)
  message(FATAL_ERROR "round 2 differs: ${variant_2} ${url_2} ${reason_2}")
endif()
