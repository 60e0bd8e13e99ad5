# The official libtorch 2.0.0 cu118 build for Linux x86_64 carries SASS for
# 3.7 ... 9.0 (data/variant-builds.json); 2.4.0 cu121 dropped 3.7.
function(expect_archs version variant expected)
  torchcompat_cuda_architectures(
    archs
    GPU_ARCHS
    3.7
    8.6
    CUDA_VERSION
    11.8
    LIBTORCH_BUILD
    ${version}
    ${variant})
  if(NOT archs STREQUAL expected)
    message(FATAL_ERROR "${version} ${variant}: '${archs}'")
  endif()
endfunction()
expect_archs(2.0.0 cu118 "37-real;86-real")
expect_archs(2.4.0 cu121 "86-real")
# Not recorded: nothing to limit by.
expect_archs(1.2.0 cu92 "37-real;86-real")
