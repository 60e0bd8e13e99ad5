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
