# Makes a real Python virtual environment (no pip, no network) whose
# site-packages hold hand-made metadata of the torch packages given:
#   cmake -DPYTHON=<interpreter> -DDIR=<venv> -DPACKAGES=<name=version;...>
#         [-DSYSTEM_SITE_PACKAGES=ON] [-DTORCH_CUDA=<12.1|None>] [-DCONDA=ON] -P make_env.cmake
# CONDA writes conda-meta records for the packages, as a conda environment has
# them (torch is conda's "pytorch"), each listing its metadata files and naming
# its channel (pytorch's).
# TORCH_CUDA writes torch/version.py as every torch build has it, which is
# where the command reads an installed build's variant from.
cmake_minimum_required(VERSION 3.22...4.4)

file(REMOVE_RECURSE "${DIR}")
set(venv_args "")
if(SYSTEM_SITE_PACKAGES)
  set(venv_args --system-site-packages)
endif()
execute_process(COMMAND "${PYTHON}" -m venv --without-pip ${venv_args} "${DIR}"
                RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "python3 -m venv failed: ${errors}")
endif()
execute_process(
  COMMAND "${DIR}/bin/python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])"
  OUTPUT_VARIABLE site
  OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT IS_DIRECTORY "${site}")
  message(FATAL_ERROR "no site-packages in ${DIR}")
endif()
foreach(item IN LISTS PACKAGES)
  string(REGEX MATCH "^([a-z]+)=(.+)$" ignored "${item}")
  set(name "${CMAKE_MATCH_1}")
  set(version "${CMAKE_MATCH_2}")
  set(info "${site}/${name}-${version}.dist-info")
  file(WRITE "${info}/METADATA" "Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n")
  file(WRITE "${info}/RECORD" "")
  file(WRITE "${info}/INSTALLER" "pip\n")
  if(CONDA)
    set(conda_name "${name}")
    if(name STREQUAL "torch")
      set(conda_name pytorch)
    endif()
    file(RELATIVE_PATH relative "${DIR}" "${info}")
    file(WRITE "${info}/INSTALLER" "conda\n")
    file(
      WRITE "${DIR}/conda-meta/${conda_name}-${version}-py311_cpu_0.json"
      "{\n  \"build\": \"py311_cpu_0\",\n  \"files\": [\n    \"${relative}/INSTALLER\",\n"
      "    \"${relative}/METADATA\"\n  ],\n  \"name\": \"${conda_name}\",\n"
      "  \"channel\": \"https://conda.anaconda.org/pytorch/linux-64\",\n"
      "  \"version\": \"${version}\"\n}\n")
  endif()
endforeach()
if(DEFINED TORCH_CUDA)
  # Both spellings torch has used: cuda = None (older builds) and, for a CUDA
  # build here, cuda: Optional[str] = "12.1" (newer ones).
  if(TORCH_CUDA STREQUAL "None")
    set(cuda "cuda = None")
  else()
    set(cuda "cuda: Optional[str] = \"${TORCH_CUDA}\"")
  endif()
  file(WRITE "${site}/torch/version.py"
       "from typing import Optional\n__version__ = 'x'\ndebug = False\n${cuda}\nhip = None\n")
endif()
