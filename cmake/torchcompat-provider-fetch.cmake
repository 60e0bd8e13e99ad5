# cmake -D<TORCHCOMPAT_ knobs...> -P torchcompat-provider-fetch.cmake
#
# The dependency provider's trial fetch for an optional find_package(Torch): the same fetch, in a
# child process, so that its failure becomes the reason for Torch_FOUND being false instead of the
# end of the project's configure.
include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)
find_package(TorchCompat REQUIRED CONFIG PATHS "${CMAKE_CURRENT_LIST_DIR}" NO_DEFAULT_PATH)
set(_TORCHCOMPAT_VIA_PROVIDER TRUE)
torchcompat_fetch_libtorch(VERSION "${TORCHCOMPAT_LIBTORCH_VERSION}"
                           VARIANT "${TORCHCOMPAT_LIBTORCH_VARIANT}")
cmake_policy(POP)
