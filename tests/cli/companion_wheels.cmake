# Which Pythons a companion release has wheels for (data/companion-wheels.json),
# and how a Requires-Python is read on major.minor:
#   cmake -DPACKAGE_DIR=<cmake package dir> -P companion_wheels.cmake
find_package(TorchCompat REQUIRED PATHS "${PACKAGE_DIR}" NO_DEFAULT_PATH)
include("${PACKAGE_DIR}/Internal/tables/TorchCompatCompanionWheels.cmake")

set(failures "")
# requires-python, python, admits
foreach(case IN ITEMS ">=3.10,!=3.14.1|3.14|TRUE" ">=3.10|3.9|FALSE" ">=3.8,<3.12|3.12|FALSE"
                      ">=3.8,<3.12|3.11|TRUE" "!=3.9.*,>=3.8|3.9|FALSE" ">3.9|3.10|TRUE")
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 requires)
  list(GET case 1 python)
  list(GET case 2 expected)
  _torchcompat_requires_python_admits(admits "${requires}" "${python}")
  if(NOT admits STREQUAL expected)
    list(APPEND failures "'${requires}' admits ${python}: ${admits}, expected ${expected}")
  endif()
endforeach()
# package, version, python, platform, answer (PyPI: torchvision 0.14.0 has cp37-cp310
# wheels; 0.29.2 is py3-none with Requires-Python >=3.10,!=3.14.1)
foreach(
  case IN
  ITEMS "torchvision|0.14.0|3.10|linux-x86_64|yes"
        "torchvision|0.14.0|3.11|linux-x86_64|no"
        "torchvision|0.29.2|3.12|linux-x86_64|yes"
        "torchvision|0.29.2|3.9|linux-x86_64|no"
        "torchvision|0.29.2|3.12|macos-x86_64|no"
        "torchaudio|2.4.0|3.12|windows-x86_64|yes"
        "torchvision|9.9.9|3.11|linux-x86_64|unknown")
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 package)
  list(GET case 1 version)
  list(GET case 2 python)
  list(GET case 3 platform)
  list(GET case 4 expected)
  _torchcompat_companion_wheel(answer ${package} ${version} ${python} ${platform})
  if(NOT answer STREQUAL expected)
    list(APPEND failures "${package} ${version} for Python ${python} on ${platform}: ${answer}, "
         "expected ${expected}")
  endif()
endforeach()
if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "companion wheels:\n  ${text}")
endif()
message(STATUS "companion wheels: every case answered as PyPI's index says")
