# A consumer's CMake older than 3.22 is told so in one line, before anything
# else could fail in a way that names no cause. CMake 3.21 itself is not among
# the CMakes the tests run, so the version is shadowed in a function scope, the
# way the config file reads it.
function(find_with_old_cmake)
  set(CMAKE_VERSION 3.21.4)
  find_package(TorchCompat REQUIRED CONFIG PATHS "${TorchCompat_DIR}" NO_DEFAULT_PATH)
endfunction()
find_with_old_cmake()
