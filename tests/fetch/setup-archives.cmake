# Builds the served archives once per build tree (a real one takes seconds). The real archive is
# also offered under its official name, so that the package's own selection plus a MIRROR pointing
# here finds it.
set(kinds real mini dotdot absolute symlink)
foreach(kind IN LISTS kinds)
  if(NOT EXISTS "${SERVED}/${kind}.zip")
    execute_process(COMMAND "${PYTHON}" "${SOURCE}/make-libtorch-archive" ${kind}
                            "${SERVED}/${kind}.zip" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "make-libtorch-archive ${kind} failed: ${rc}")
    endif()
  endif()
endforeach()
set(official "${SERVED}/cpu/libtorch-cxx11-abi-shared-with-deps-1.13.1+cpu.zip")
if(NOT EXISTS "${official}")
  file(MAKE_DIRECTORY "${SERVED}/cpu")
  file(CREATE_LINK "${SERVED}/real.zip" "${official}" COPY_ON_ERROR)
endif()

# The wheel cases' torch and nvidia-* wheels (make-torch-wheel), in PyPI's layout: a CUDA stand-in
# holding the real libtorch, the nvidia-cuda-runtime-cu11 wheel it pins, and from the mini archive
# an aarch64 wheel and one renamed to x86_64 whose WHEEL file still says aarch64.
set(wheels "${SERVED}/wheels")
set(make_wheel "${PYTHON}" "${SOURCE}/make-torch-wheel")
set(torch_name torch-1.13.1-cp311-cp311-manylinux_2_28_x86_64.whl)
if(NOT EXISTS "${wheels}/renamed/${torch_name}")
  execute_process(
    COMMAND
      ${make_wheel} torch "${SERVED}/real.zip" "${wheels}/cuda" --version 1.13.1 --platform
      manylinux_2_28_x86_64 --cuda 11.7 --needs-library libcudart.so.11.0:cuda_runtime --requires
      "nvidia-cuda-runtime-cu11==11.7.99; platform_system == \"Linux\" and platform_machine == \"x86_64\""
      --requires "nvidia-cudnn-cu11==8.5.0.96; platform_system == 'Windows'"
    RESULT_VARIABLE rc)
  execute_process(
    COMMAND ${make_wheel} nvidia nvidia-cuda-runtime-cu11 11.7.99 "${wheels}/cuda" --platform
            manylinux1_x86_64 --package cuda_runtime --soname libcudart.so.11.0 RESULT_VARIABLE rc2)
  execute_process(COMMAND ${make_wheel} torch "${SERVED}/mini.zip" "${wheels}/aarch64" --version
                          1.13.1 --platform manylinux_2_28_aarch64 RESULT_VARIABLE rc3)
  execute_process(
    COMMAND ${make_wheel} torch "${SERVED}/mini.zip" "${wheels}/renamed" --version 1.13.1 --platform
            manylinux_2_28_x86_64 --wheel-tag cp311-cp311-manylinux_2_28_aarch64
    RESULT_VARIABLE rc4)
  if(NOT "${rc}${rc2}${rc3}${rc4}" STREQUAL "0000")
    message(FATAL_ERROR "make-torch-wheel failed: ${rc} ${rc2} ${rc3} ${rc4}")
  endif()
endif()

# A certificate for 127.0.0.1, for the server's TLS listener: the redirect cases need an https start.
if(NOT EXISTS "${SERVED}/../tls/cert.pem")
  find_program(OPENSSL openssl REQUIRED)
  file(MAKE_DIRECTORY "${SERVED}/../tls")
  execute_process(
    COMMAND
      "${OPENSSL}" req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=127.0.0.1 -addext
      subjectAltName=IP:127.0.0.1 -keyout "${SERVED}/../tls/key.pem" -out
      "${SERVED}/../tls/cert.tmp"
    RESULT_VARIABLE rc
    OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "openssl could not make the test certificate: ${rc}")
  endif()
  file(RENAME "${SERVED}/../tls/cert.tmp" "${SERVED}/../tls/cert.pem")
endif()
