file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/data")
file(GLOB tables "${TorchCompat_DATA_DIR}/*.json")
file(COPY ${tables} DESTINATION "${CMAKE_BINARY_DIR}/data")
file(WRITE "${CMAKE_BINARY_DIR}/data/torch-releases.json"
     "{\"schema_version\": 1, \"releases\": {\"2.4.0\": ")
set(TORCHCOMPAT_DATA_DIR "${CMAKE_BINARY_DIR}/data")
torchcompat_require(TORCH 2.4.0 VARIANT cpu)
