include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../report_builds.cmake")
# A Radeon RX 7900 (gfx1100): both ROCm builds of torch 2.3.0 carry its code, so they run
# here, the CUDA builds would run on the CPU only, and the libtorch and pip command are the
# newest ROCm build's, from its own index.
vendor_profile("${CMAKE_BINARY_DIR}/gfx1100.json" AMD gfx1100)
torchcompat_report(TORCH 2.3.0 OUTPUT_VARIABLE text VERDICT_VARIABLE verdict)
report_builds(statuses "${verdict}")
set(expected "cu121=cpu-only;cu118=cpu-only;cpu=runs;rocm6.0=runs;rocm5.7=runs")
if(NOT statuses STREQUAL expected)
  message(FATAL_ERROR "builds: ${statuses}, expected ${expected}")
endif()
foreach(
  line IN
  ITEMS
    "https://download.pytorch.org/libtorch/rocm6.0/libtorch-cxx11-abi-shared-with-deps-2.3.0%2Brocm6.0.zip"
    "why: rocm6.0 is the newest ROCm build of torch 2.3.0 that passes every check here \\(AMD GPUs: AMD GPU 0 \\(gfx1100\\)\\)"
    "pip install torch==2.3.0 torchvision==0.18.0 torchaudio==2.3.0 --index-url https://download.pytorch.org/whl/rocm6.0"
)
  if(NOT text MATCHES "${line}")
    message(FATAL_ERROR "the report does not say '${line}':\n${text}")
  endif()
endforeach()
